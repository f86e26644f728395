using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Switchboard.Flows;

/// <summary>Reads an app instance's options, turning every bad value into an <see cref="AppOptionsException"/> that names its key.</summary>
public sealed class AppOptionReader(IConfigurationSection section)
{
    /// <summary>A text option, or <paramref name="fallback"/> when it is not set.</summary>
    public string Text(string key, string fallback) => section[key] is { Length: > 0 } value ? value : fallback;

    /// <summary>A text option that must be set.</summary>
    public string Required(string key, string why) =>
        section[key] is { Length: > 0 } value ? value : throw Fault(key, $"is required ({why})");

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public int Number(string key, int fallback, int min, int max)
    {
        if (section[key] is not { Length: > 0 } text)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw Fault(key, $"'{text}' is not a whole number from {min} to {max}");
    }

    /// <summary>A duration in seconds (decimals allowed) from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public TimeSpan Seconds(string key, double fallback, double min, double max)
    {
        if (section[key] is not { Length: > 0 } text)
        {
            return TimeSpan.FromSeconds(fallback);
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? TimeSpan.FromSeconds(value)
            : throw Fault(key, $"'{text}' is not a number of seconds from {min} to {max}");
    }

    /// <summary>A yes/no option (<c>true</c> or <c>false</c>).</summary>
    public bool Flag(string key, bool fallback)
    {
        if (section[key] is not { Length: > 0 } text)
        {
            return fallback;
        }

        return bool.TryParse(text, out var value) ? value : throw Fault(key, $"'{text}' is not true or false");
    }

    /// <summary>One of the names of <typeparamref name="T"/> (case-insensitive).</summary>
    public T Choice<T>(string key, T fallback) where T : struct, Enum =>
        section[key] is not { Length: > 0 } text ? fallback : Parse<T>(key, text);

    /// <summary>A list of names of <typeparamref name="T"/>: a JSON array or one comma-separated string.</summary>
    public IReadOnlyList<T> Choices<T>(string key, IReadOnlyList<T> fallback) where T : struct, Enum
    {
        var child = section.GetSection(key);
        var items = child.Value is { Length: > 0 } joined
            ? joined.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : child.GetChildren().Select(c => c.Value ?? "").ToArray();
        return items.Length == 0 ? fallback : [.. items.Select(item => Parse<T>(key, item))];
    }

    /// <summary>An exception for a bad value of <paramref name="key"/>.</summary>
    public AppOptionsException Fault(string key, string problem) => new($"{section.Path}:{key}: {problem}.");

    private T Parse<T>(string key, string text) where T : struct, Enum =>
        Enum.TryParse<T>(text.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var value) && Enum.IsDefined(value) && !char.IsAsciiDigit(text[0])
            ? value
            : throw Fault(key, $"'{text}' is not one of {string.Join(", ", Enum.GetNames<T>())}");
}
