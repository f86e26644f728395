using System.Text.RegularExpressions;
using Switchboard.Numbers.Metadata;

namespace Switchboard.Numbers.Formatting;

/// <summary>Writes a number the way its plan groups it: international (<c>+31 6 12345678</c>) or national (<c>06 12345678</c>).</summary>
internal sealed partial class NumberFormatter(PlanCatalog catalog)
{
    public string Format(PhoneNumber number, NumberFormat format)
    {
        if (format == NumberFormat.E164)
        {
            return number.E164;
        }

        var plan = number.Region ?? catalog.MainPlan(number.CountryCode);
        var national = number.NationalNumber;
        if (plan is null)
        {
            return format == NumberFormat.International ? $"+{number.CountryCode} {national}" : national;
        }

        var main = catalog.MainPlan(plan.CallingCode) ?? plan;
        var rule = ChooseRule(plan.Formats ?? main.Formats, national);
        if (format == NumberFormat.International)
        {
            var grouped = rule is null ? national : rule.Grouping.Replace(national, rule.InternationalFormat, 1);
            return $"+{plan.CallingCodeText} {Separators().Replace(grouped, " ").Trim()}";
        }

        if (rule is null)
        {
            return national;
        }

        var prefixRule = rule.NationalPrefixRule ?? plan.NationalPrefixRule ?? main.NationalPrefixRule;
        return rule.Grouping.Replace(national, WithNationalPrefix(rule.Format, prefixRule), 1);
    }

    /// <summary>Puts the national prefix rule (e.g. <c>0$1</c>, <c>($1)</c>) in place of the layout's first group.</summary>
    private static string WithNationalPrefix(string layout, string? prefixRule)
    {
        var first = prefixRule is null ? Match.Empty : FirstGroup().Match(layout);
        if (!first.Success)
        {
            return layout;
        }

        return string.Concat(
            layout.AsSpan(0, first.Index),
            prefixRule!.Replace("$1", first.Value, StringComparison.Ordinal),
            layout.AsSpan(first.Index + first.Length));
    }

    private static FormatRule? ChooseRule(IReadOnlyList<FormatRule>? rules, string national)
    {
        if (rules is null)
        {
            return null;
        }

        foreach (var rule in rules)
        {
            if (rule.Applies(national))
            {
                return rule;
            }
        }

        return null;
    }

    /// <summary>The first group reference of a layout, where the national prefix rule goes.</summary>
    [GeneratedRegex(@"\$\{\d\}")]
    private static partial Regex FirstGroup();

    /// <summary>Runs of punctuation, which international format writes as one space.</summary>
    [GeneratedRegex(@"[\-\u2010-\u2015\u2212\u30FC\uFF0D\uFF0F/\uFF0E. \u00A0\u00AD\u200B\u2060\u3000()\uFF08\uFF09\uFF3B\uFF3D\[\]~\u2053\u223C\uFF5E]+")]
    private static partial Regex Separators();
}
