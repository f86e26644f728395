using System.ComponentModel;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Switchboard.Hosting;

/// <summary>
/// Binds a settings section to its options type after checking every value against the property it sets, so a
/// value that cannot be read stops start-up naming its full key, the value and the form it should have.
/// </summary>
internal static class SettingsBinder
{
    /// <summary>Checks and binds <paramref name="section"/>; a missing section gives the type's defaults.</summary>
    public static T Bind<T>(IConfiguration configuration, string section)
        where T : new()
    {
        var settings = configuration.GetSection(section);
        Check(settings, typeof(T));
        return settings.Get<T>() ?? new T();
    }

    private static void Check(IConfigurationSection section, Type type)
    {
        foreach (var setting in section.GetChildren())
        {
            var property = type.GetProperty(setting.Key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null)
            {
                continue;
            }

            if (ListElement(property.PropertyType) is { } element)
            {
                foreach (var item in setting.GetChildren())
                {
                    CheckValue(setting.Path, item.Value, element);
                }
            }
            else if (IsValue(property.PropertyType))
            {
                CheckValue(setting.Path, setting.Value, property.PropertyType);
            }
            else
            {
                Check(setting, property.PropertyType);
            }
        }
    }

    private static void CheckValue(string key, string? value, Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (value is null || string.IsNullOrEmpty(value) && type == typeof(string) || CanRead(value, type))
        {
            return;
        }

        throw new ConfigurationFileException($"{key}: '{value}' is not {Expected(type)}.");
    }

    private static bool CanRead(string value, Type type)
    {
        if (type.IsEnum)
        {
            return Enum.GetNames(type).Contains(value.Trim(), StringComparer.OrdinalIgnoreCase);
        }

        if (type == typeof(Uri))
        {
            return Uri.TryCreate(value, UriKind.Absolute, out _);
        }

        try
        {
            TypeDescriptor.GetConverter(type).ConvertFromInvariantString(value);
            return true;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException or NotSupportedException)
        {
            return false;
        }
    }

    private static string Expected(Type type) => type switch
    {
        _ when type.IsEnum => $"one of {string.Join(", ", Enum.GetNames(type))}",
        _ when type == typeof(TimeSpan) => "a valid duration (e.g. 00:00:30)",
        _ when type == typeof(int) || type == typeof(long) => "a whole number",
        _ when type == typeof(double) || type == typeof(decimal) => "a number (e.g. 7.5)",
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(Uri) => "an absolute URL (e.g. https://ivr.example.com)",
        _ => $"a valid {type.Name}",
    };

    private static bool IsValue(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(Uri) || type == typeof(TimeSpan)
        || type == typeof(decimal) || Nullable.GetUnderlyingType(type) is not null;

    private static Type? ListElement(Type type) =>
        type != typeof(string) && type.IsGenericType && type.GetGenericArguments() is [var element]
        && typeof(IEnumerable<>).MakeGenericType(element).IsAssignableFrom(type) ? element : null;
}
