using System.Collections.Frozen;
using System.IO.Compression;
using System.Text.Json;

namespace Switchboard.Numbers.Metadata;

/// <summary>Every numbering plan from the embedded metadata, indexed by region code and by country calling code.</summary>
internal sealed class PlanCatalog
{
    private const string ResourceName = "Switchboard.Numbers.numbering-plans.json.gz";

    /// <summary>Metadata slot names in the order of <see cref="NumberType"/>, Unknown and FixedLineOrMobile excluded.</summary>
    private static readonly (string Name, NumberType Type)[] TypeSlots =
    [
        ("fixedLine", NumberType.FixedLine), ("mobile", NumberType.Mobile), ("tollFree", NumberType.TollFree),
        ("premiumRate", NumberType.PremiumRate), ("sharedCost", NumberType.SharedCost), ("voip", NumberType.Voip),
        ("personalNumber", NumberType.PersonalNumber), ("pager", NumberType.Pager), ("uan", NumberType.Uan),
        ("voicemail", NumberType.Voicemail),
    ];

    private readonly FrozenDictionary<string, RegionPlan> _regions;
    private readonly RegionPlan[][] _regionsByCallingCode;
    private readonly RegionPlan?[] _mainPlanByCallingCode;

    private PlanCatalog(string source, List<RegionPlan> regions, List<RegionPlan> nonGeographic, JsonElement callingCodes)
    {
        Source = source;
        _regions = regions.ToFrozenDictionary(r => r.Id!, StringComparer.OrdinalIgnoreCase);
        _regionsByCallingCode = new RegionPlan[1000][];
        _mainPlanByCallingCode = new RegionPlan?[1000];
        Array.Fill(_regionsByCallingCode, []);
        foreach (var entry in callingCodes.EnumerateObject())
        {
            var code = int.Parse(entry.Name, System.Globalization.CultureInfo.InvariantCulture);
            var members = entry.Value.EnumerateArray()
                .Select(id => id.GetString()!)
                .Where(_regions.ContainsKey)
                .Select(id => _regions[id])
                .ToArray();
            _regionsByCallingCode[code] = members;
            _mainPlanByCallingCode[code] = members.FirstOrDefault();
        }

        foreach (var plan in nonGeographic)
        {
            _mainPlanByCallingCode[plan.CallingCode] = plan;
        }

        RegionCodes = [.. regions.Select(r => r.Id!).Order(StringComparer.Ordinal)];
    }

    /// <summary>Where the data came from, e.g. "libphonenumber-js 1.13.16 metadata.max.json".</summary>
    public string Source { get; }

    /// <summary>Every region code, sorted.</summary>
    public IReadOnlyList<string> RegionCodes { get; }

    /// <summary>The region's plan, or null for an unknown region code (case-insensitive).</summary>
    public RegionPlan? Region(string regionCode) => _regions.GetValueOrDefault(regionCode);

    /// <summary>The regions that share a country calling code, main region first; empty for unknown or non-geographic codes.</summary>
    public RegionPlan[] RegionsOf(int callingCode) =>
        (uint)callingCode < 1000 ? _regionsByCallingCode[callingCode] : [];

    /// <summary>The plan used for a bare calling code (its main region, or the non-geographic plan); null when the code is unassigned.</summary>
    public RegionPlan? MainPlan(int callingCode) =>
        (uint)callingCode < 1000 ? _mainPlanByCallingCode[callingCode] : null;

    /// <summary>Reads the embedded resource.</summary>
    public static PlanCatalog Load()
    {
        using var stream = typeof(PlanCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var document = JsonDocument.Parse(gzip);
        var root = document.RootElement;
        var regions = root.GetProperty("regions").EnumerateArray().Select(ReadPlan).ToList();
        var nonGeographic = root.GetProperty("nonGeographic").EnumerateArray().Select(ReadPlan).ToList();
        return new PlanCatalog(root.GetProperty("source").GetString()!, regions, nonGeographic, root.GetProperty("callingCodes").Clone());
    }

    private static RegionPlan ReadPlan(JsonElement plan)
    {
        var lengths = Lengths(plan.GetProperty("lengths")) ?? [];
        var types = new TypeRule?[Enum.GetValues<NumberType>().Length];
        if (plan.GetProperty("types") is { ValueKind: JsonValueKind.Object } typeObject)
        {
            foreach (var (name, type) in TypeSlots)
            {
                if (typeObject.TryGetProperty(name, out var rule))
                {
                    types[(int)type] = new TypeRule(type, rule.GetProperty("pattern").GetString()!, Lengths(rule.GetProperty("lengths")) ?? lengths);
                }
            }
        }

        return new RegionPlan(
            id: Text(plan, "id"),
            callingCode: int.Parse(Text(plan, "callingCode")!, System.Globalization.CultureInfo.InvariantCulture),
            internationalPrefix: Text(plan, "internationalPrefix"),
            nationalPattern: Text(plan, "nationalPattern")!,
            lengths: lengths,
            nationalPrefix: Text(plan, "nationalPrefix"),
            nationalPrefixForParsing: Text(plan, "nationalPrefixForParsing"),
            nationalPrefixTransform: Text(plan, "nationalPrefixTransform"),
            leadingDigits: Text(plan, "leadingDigits"),
            types: types,
            formats: plan.GetProperty("formats") is { ValueKind: JsonValueKind.Array } formats
                ? [.. formats.EnumerateArray().Select(ReadFormat)]
                : null,
            nationalPrefixRule: Text(plan, "nationalPrefixRule"));
    }

    private static FormatRule ReadFormat(JsonElement format)
    {
        var leading = format.GetProperty("leadingDigits");
        return new FormatRule(
            Text(format, "pattern")!,
            Text(format, "format")!,
            leading.GetArrayLength() > 0 ? leading[leading.GetArrayLength() - 1].GetString() : null,
            Text(format, "nationalPrefixRule"),
            Text(format, "internationalFormat"));
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int[]? Lengths(JsonElement lengths) =>
        lengths.ValueKind == JsonValueKind.Array ? [.. lengths.EnumerateArray().Select(l => l.GetInt32())] : null;
}
