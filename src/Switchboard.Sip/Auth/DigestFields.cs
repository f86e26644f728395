using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Auth;

/// <summary>Reads the <c>Digest k=v, k="v", …</c> form that challenges (WWW-Authenticate) and credentials (Authorization) share.</summary>
internal static class DigestFields
{
    /// <summary>The fields by name (case-insensitive), or null when the value is not Digest or cannot be read.</summary>
    public static Dictionary<string, string>? Read(string value)
    {
        var reader = new HeaderReader(value);
        reader.SkipWhitespace();
        if (!reader.ReadToken().Equals("Digest", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        do
        {
            reader.SkipWhitespace();
            var name = reader.ReadToken().ToString();
            if (name.Length == 0 || !reader.TrySeparator('='))
            {
                return null;
            }

            if (reader.Peek() == '"')
            {
                if (!reader.TryReadQuotedString(out var quoted))
                {
                    return null;
                }

                fields[name] = quoted;
            }
            else
            {
                fields[name] = reader.ReadWhile(static c => SipGrammar.IsTokenChar(c) || c is '/' or '=' or ':').ToString();
            }
        }
        while (reader.TrySeparator(','));

        return fields;
    }
}
