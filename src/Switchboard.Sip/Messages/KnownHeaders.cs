using System.Globalization;
using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Messages;

/// <summary>The typed view of the headers the stack acts on, parsed in one pass; the parser rejects a message whose view has an error.</summary>
public sealed class KnownHeaders
{
    private static readonly Dictionary<string, Kind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        [HeaderNames.Via] = Kind.Via, [HeaderNames.From] = Kind.From, [HeaderNames.To] = Kind.To, [HeaderNames.CallId] = Kind.CallId,
        [HeaderNames.CSeq] = Kind.CSeq, [HeaderNames.MaxForwards] = Kind.MaxForwards, [HeaderNames.Expires] = Kind.Expires,
        [HeaderNames.Contact] = Kind.Contact, [HeaderNames.RecordRoute] = Kind.RecordRoute, [HeaderNames.Route] = Kind.Route,
        [HeaderNames.ContentType] = Kind.ContentType, [HeaderNames.ContentLength] = Kind.ContentLength, [HeaderNames.Accept] = Kind.Accept,
        [HeaderNames.Require] = Kind.Require, [HeaderNames.Supported] = Kind.Supported,
    };

    private enum Kind
    {
        Via, From, To, CallId, CSeq, MaxForwards, Expires, Contact, RecordRoute, Route, ContentType, ContentLength, Accept, Require, Supported,
    }

    /// <summary>Headers that may appear once only (RFC 3261 §7.3.1 lists which may repeat).</summary>
    private static bool IsSingleValued(Kind kind) =>
        kind is Kind.CallId or Kind.CSeq or Kind.From or Kind.To or Kind.MaxForwards or Kind.ContentLength or Kind.ContentType or Kind.Expires;

    /// <summary>Every Via hop, top first.</summary>
    public List<Via> Vias { get; } = [];

    /// <summary>The From address.</summary>
    public NameAddr? From { get; private set; }

    /// <summary>The To address.</summary>
    public NameAddr? To { get; private set; }

    /// <summary>The Call-ID.</summary>
    public string? CallId { get; private set; }

    /// <summary>The CSeq.</summary>
    public CSeq? CSeq { get; private set; }

    /// <summary>Max-Forwards, or null when absent.</summary>
    public int? MaxForwards { get; private set; }

    /// <summary>Expires in seconds, or null when absent.</summary>
    public uint? Expires { get; private set; }

    /// <summary>Contact addresses (empty for <c>Contact: *</c>, see <see cref="IsWildcardContact"/>).</summary>
    public List<NameAddr> Contacts { get; } = [];

    /// <summary>True for <c>Contact: *</c> (REGISTER removing every binding).</summary>
    public bool IsWildcardContact { get; private set; }

    /// <summary>Record-Route addresses, top first.</summary>
    public List<NameAddr> RecordRoutes { get; } = [];

    /// <summary>Route addresses, top first.</summary>
    public List<NameAddr> Routes { get; } = [];

    /// <summary>The Content-Type, or null.</summary>
    public MediaType? ContentType { get; private set; }

    /// <summary>The Accept ranges, or null when there is no Accept header (an empty list means nothing is accepted).</summary>
    public List<MediaType>? Accept { get; private set; }

    /// <summary>Option tags in Require.</summary>
    public List<string> Require { get; } = [];

    /// <summary>Option tags in Supported.</summary>
    public List<string> Supported { get; } = [];

    /// <summary>The first problem met, or null when every known header is well formed.</summary>
    public string? Error { get; private set; }

    /// <summary>Parses the known headers of <paramref name="headers"/>; never throws.</summary>
    public static KnownHeaders Parse(HeaderList headers)
    {
        var known = new KnownHeaders();
        var seen = 0;
        foreach (var header in headers)
        {
            if (!Kinds.TryGetValue(HeaderNames.Expand(header.Name), out var kind))
            {
                continue;
            }

            if (IsSingleValued(kind))
            {
                var bit = 1 << (int)kind;
                if ((seen & bit) != 0)
                {
                    known.Error ??= $"{HeaderNames.Expand(header.Name)} appears more than once";
                }

                seen |= bit;
            }

            if (!known.Read(kind, header.Value, out var error))
            {
                known.Error ??= $"{HeaderNames.Expand(header.Name)}: {error}";
            }
        }

        return known;
    }

    private bool Read(Kind kind, string value, out string error)
    {
        error = string.Empty;
        switch (kind)
        {
            case Kind.Via:
                return Via.TryParseList(value, Vias, out error);
            case Kind.From:
                From = ReadAddress(value, out error);
                return From is not null;
            case Kind.To:
                To = ReadAddress(value, out error);
                return To is not null;
            case Kind.CallId:
                CallId = value;
                if (!IsCallId(value))
                {
                    error = "not a valid Call-ID";
                    return false;
                }

                return true;
            case Kind.CSeq:
                var ok = Messages.CSeq.TryParse(value, out var cseq, out error);
                CSeq = cseq;
                return ok;
            case Kind.MaxForwards:
                if (!TryParseNumber(value, 255, out var hops))
                {
                    error = "not a number from 0 to 255";
                    return false;
                }

                MaxForwards = (int)hops;
                return true;
            case Kind.Expires:
                if (!TryParseNumber(value, uint.MaxValue, out var seconds))
                {
                    error = "not a number of seconds up to 2^32-1";
                    return false;
                }

                Expires = (uint)seconds;
                return true;
            case Kind.Contact:
                if (value == "*")
                {
                    IsWildcardContact = true;
                    return true;
                }

                return NameAddr.TryParseList(value, Contacts, out error);
            case Kind.RecordRoute:
                return NameAddr.TryParseList(value, RecordRoutes, out error);
            case Kind.Route:
                return NameAddr.TryParseList(value, Routes, out error);
            case Kind.ContentType:
                var types = new List<MediaType>();
                if (!MediaType.TryParseList(value, types, out error) || types.Count != 1)
                {
                    error = error.Length > 0 ? error : "not a single media type";
                    return false;
                }

                ContentType = types[0];
                return true;
            case Kind.Accept:
                Accept ??= [];
                return MediaType.TryParseList(value, Accept, out error);
            case Kind.Require:
                return TryReadTokens(value, Require, out error);
            case Kind.Supported:
                return TryReadTokens(value, Supported, out error);
            default:
                return true;
        }
    }

    private static bool IsCallId(string value)
    {
        foreach (var c in value)
        {
            if (!SipGrammar.IsWordChar(c) && c != '@')
            {
                return false;
            }
        }

        return value.Length > 0;
    }

    private static NameAddr? ReadAddress(string value, out string error) =>
        NameAddr.TryParse(value, out var address, out error) ? address : null;

    private static bool TryParseNumber(string value, ulong max, out ulong number)
    {
        number = 0;
        return value.Length > 0 && !value.AsSpan().ContainsAnyExceptInRange('0', '9')
            && ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number <= max;
    }

    private static bool TryReadTokens(string value, List<string> tokens, out string error) =>
        CommaList.TryRead(value, tokens, static (ref HeaderReader reader, out string? token, out string error) =>
        {
            token = reader.ReadToken().ToString();
            error = token.Length == 0 ? "not a list of option tags" : string.Empty;
            return token.Length > 0;
        }, out error, allowEmpty: true);
}
