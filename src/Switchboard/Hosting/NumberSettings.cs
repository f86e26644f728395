using System.Globalization;
using Microsoft.Extensions.Configuration;
using Switchboard.Numbers;

namespace Switchboard.Hosting;

/// <summary>The <c>Numbers:*</c> settings, checked once where the configuration is read so every command reads numbers the same way.</summary>
internal sealed record NumberSettings(string DefaultRegion, int MaxExtensionDigits)
{
    /// <summary>The largest <c>Numbers:MaxExtensionDigits</c>: E.164 numbers have at most 15 digits.</summary>
    public const int MaxExtensionDigitsLimit = 15;

    /// <summary>Reads and checks the settings; a bad value is a <see cref="ConfigurationFileException"/> naming the key.</summary>
    public static NumberSettings From(IConfiguration configuration)
    {
        var region = configuration["Numbers:DefaultRegion"] ?? "NL";
        if (!NumberPlan.Default.IsKnownRegion(region))
        {
            throw new ConfigurationFileException(
                $"Numbers:DefaultRegion: '{region}' is not a region Switchboard knows (use an ISO 3166 code such as NL).");
        }

        var digitsText = configuration["Numbers:MaxExtensionDigits"] ?? "4";
        if (!int.TryParse(digitsText, NumberStyles.None, CultureInfo.InvariantCulture, out var digits) || digits > MaxExtensionDigitsLimit)
        {
            throw new ConfigurationFileException(
                $"Numbers:MaxExtensionDigits: '{digitsText}' is not a whole number from 0 to {MaxExtensionDigitsLimit}.");
        }

        return new NumberSettings(region.ToUpperInvariant(), digits);
    }
}
