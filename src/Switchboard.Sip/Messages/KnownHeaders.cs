using System.Globalization;
using System.Runtime.CompilerServices;
using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Messages;

/// <summary>
/// The typed view of the headers the stack acts on. <see cref="Error"/> checks every one of them (the parser rejects a
/// message that has one); each kind is typed only when first read, so a header nobody reads costs no objects.
/// </summary>
public sealed class KnownHeaders
{
    private static readonly Dictionary<string, HeaderKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        [HeaderNames.Via] = HeaderKind.Via, [HeaderNames.From] = HeaderKind.From, [HeaderNames.To] = HeaderKind.To,
        [HeaderNames.CallId] = HeaderKind.CallId, [HeaderNames.CSeq] = HeaderKind.CSeq, [HeaderNames.MaxForwards] = HeaderKind.MaxForwards,
        [HeaderNames.Expires] = HeaderKind.Expires, [HeaderNames.Contact] = HeaderKind.Contact, [HeaderNames.RecordRoute] = HeaderKind.RecordRoute,
        [HeaderNames.Route] = HeaderKind.Route, [HeaderNames.ContentType] = HeaderKind.ContentType,
        [HeaderNames.ContentLength] = HeaderKind.ContentLength, [HeaderNames.Accept] = HeaderKind.Accept,
        [HeaderNames.Require] = HeaderKind.Require, [HeaderNames.Supported] = HeaderKind.Supported,
    };

    private readonly HeaderList _headers;
    private int _typed;
    private int _checked;
    private string? _error;
    private int _present;
    private List<Via>? _vias;
    private NameAddr? _from;
    private NameAddr? _to;
    private string? _callId;
    private CSeq? _cseq;
    private int? _maxForwards;
    private uint? _expires;
    private List<NameAddr>? _contacts;
    private bool _wildcardContact;
    private List<NameAddr>? _recordRoutes;
    private List<NameAddr>? _routes;
    private MediaType? _contentType;
    private List<MediaType>? _accept;
    private List<string>? _require;
    private List<string>? _supported;

    private KnownHeaders(HeaderList headers) => _headers = headers;

    /// <summary>Every Via hop, top first.</summary>
    public List<Via> Vias => Typed(HeaderKind.Via)._vias!;

    /// <summary>The From address.</summary>
    public NameAddr? From => Typed(HeaderKind.From)._from;

    /// <summary>The To address.</summary>
    public NameAddr? To => Typed(HeaderKind.To)._to;

    /// <summary>The Call-ID.</summary>
    public string? CallId => Typed(HeaderKind.CallId)._callId;

    /// <summary>The CSeq.</summary>
    public CSeq? CSeq => Typed(HeaderKind.CSeq)._cseq;

    /// <summary>Max-Forwards, or null when absent.</summary>
    public int? MaxForwards => Typed(HeaderKind.MaxForwards)._maxForwards;

    /// <summary>Expires in seconds, or null when absent.</summary>
    public uint? Expires => Typed(HeaderKind.Expires)._expires;

    /// <summary>Contact addresses (empty for <c>Contact: *</c>, see <see cref="IsWildcardContact"/>).</summary>
    public List<NameAddr> Contacts => Typed(HeaderKind.Contact)._contacts!;

    /// <summary>True for <c>Contact: *</c> (REGISTER removing every binding).</summary>
    public bool IsWildcardContact => Typed(HeaderKind.Contact)._wildcardContact;

    /// <summary>Record-Route addresses, top first.</summary>
    public List<NameAddr> RecordRoutes => Typed(HeaderKind.RecordRoute)._recordRoutes!;

    /// <summary>Route addresses, top first.</summary>
    public List<NameAddr> Routes => Typed(HeaderKind.Route)._routes!;

    /// <summary>The Content-Type, or null.</summary>
    public MediaType? ContentType => Typed(HeaderKind.ContentType)._contentType;

    /// <summary>The Accept ranges, or null when there is no Accept header (an empty list means nothing is accepted).</summary>
    public List<MediaType>? Accept => Typed(HeaderKind.Accept)._accept;

    /// <summary>Option tags in Require.</summary>
    public List<string> Require => Typed(HeaderKind.Require)._require!;

    /// <summary>Option tags in Supported.</summary>
    public List<string> Supported => Typed(HeaderKind.Supported)._supported!;

    /// <summary>The first problem met, or null when every known header is well formed.</summary>
    public string? Error => Checked()._error;

    /// <summary>The typed view of <paramref name="headers"/>; never throws.</summary>
    public static KnownHeaders Parse(HeaderList headers) => new(headers);

    /// <summary>True when, with no <see cref="Error"/>, a header of each of <paramref name="kinds"/> is present.</summary>
    internal bool HasAll(params ReadOnlySpan<HeaderKind> kinds)
    {
        var present = Checked()._present;
        foreach (var kind in kinds)
        {
            if ((present & Bit(kind)) == 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Which typed header <paramref name="name"/> is (compact forms and case ignored).</summary>
    internal static HeaderKind KindOf(string name) => Kinds.TryGetValue(HeaderNames.Expand(name), out var kind) ? kind : HeaderKind.Other;

    private static int Bit(HeaderKind kind) => 1 << (int)kind;

    /// <summary>Headers that may appear once only (RFC 3261 §7.3.1 lists which may repeat).</summary>
    private static bool IsSingleValued(HeaderKind kind) =>
        kind is HeaderKind.CallId or HeaderKind.CSeq or HeaderKind.From or HeaderKind.To or HeaderKind.MaxForwards
            or HeaderKind.ContentLength or HeaderKind.ContentType or HeaderKind.Expires;

    private KnownHeaders Checked() => Volatile.Read(ref _checked) != 0 ? this : Check();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private KnownHeaders Check()
    {
        using var buffer = new ValueBuffer(stackalloc char[FieldValue.StackLimit]);
        string? error = null;
        var present = 0;
        foreach (var header in _headers)
        {
            var kind = header.Kind;
            if (kind == HeaderKind.Other)
            {
                continue;
            }

            if (IsSingleValued(kind) && (present & Bit(kind)) != 0)
            {
                error = $"{HeaderNames.Expand(header.Name)} appears more than once";
                break;
            }

            present |= Bit(kind);
            if (!Check(kind, buffer.Read(header), out var problem))
            {
                error = $"{HeaderNames.Expand(header.Name)}: {problem}";
                break;
            }
        }

        _error = error;
        _present = present;
        Interlocked.Exchange(ref _checked, 1);
        return this;
    }

    private static bool Check(HeaderKind kind, ReadOnlySpan<char> value, out string error)
    {
        error = string.Empty;
        switch (kind)
        {
            case HeaderKind.Via:
                return Via.TryParseList(value, null, out error, out _);
            case HeaderKind.From or HeaderKind.To:
                return NameAddr.TryParse(value, build: false, out _, out error);
            case HeaderKind.CallId:
                return IsCallId(value, out error);
            case HeaderKind.CSeq:
                return Messages.CSeq.TryParse(value, build: false, out _, out error);
            case HeaderKind.MaxForwards:
                return TryReadMaxForwards(value, out _, out error);
            case HeaderKind.Expires:
                return TryReadExpires(value, out _, out error);
            case HeaderKind.Contact:
                return value.SequenceEqual("*") || NameAddr.TryParseList(value, null, out error);
            case HeaderKind.RecordRoute or HeaderKind.Route:
                return NameAddr.TryParseList(value, null, out error);
            case HeaderKind.ContentType:
                return IsSingleMediaType(MediaType.TryParseList(value, null, out error, out var count), count, ref error);
            case HeaderKind.Accept:
                return MediaType.TryParseList(value, null, out error, out _);
            case HeaderKind.Require or HeaderKind.Supported:
                return TryReadTokens(value, null, out error);
            default:
                return true;
        }
    }

    private KnownHeaders Typed(HeaderKind kind) => (Volatile.Read(ref _typed) & Bit(kind)) != 0 ? this : Type(kind);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private KnownHeaders Type(HeaderKind kind)
    {
        using var buffer = new ValueBuffer(stackalloc char[FieldValue.StackLimit]);
        var vias = kind == HeaderKind.Via ? new List<Via>() : null;
        var addresses = kind is HeaderKind.Contact or HeaderKind.RecordRoute or HeaderKind.Route ? new List<NameAddr>() : null;
        var tokens = kind is HeaderKind.Require or HeaderKind.Supported ? new List<string>() : null;
        List<MediaType>? accept = null;
        NameAddr? address = null;
        CSeq? cseq = null;
        foreach (var header in _headers)
        {
            if (header.Kind != kind)
            {
                continue;
            }

            if (kind == HeaderKind.CallId)
            {
                _callId = header.Value;
                continue;
            }

            var value = buffer.Read(header);
            switch (kind)
            {
                case HeaderKind.Via:
                    Via.TryParseList(value, vias, out _, out _);
                    break;
                case HeaderKind.From or HeaderKind.To:
                    NameAddr.TryParse(value, build: true, out address, out _);
                    break;
                case HeaderKind.CSeq:
                    Messages.CSeq.TryParse(value, build: true, out cseq, out _);
                    break;
                case HeaderKind.MaxForwards:
                    _maxForwards = TryReadMaxForwards(value, out var hops, out _) ? hops : _maxForwards;
                    break;
                case HeaderKind.Expires:
                    _expires = TryReadExpires(value, out var seconds, out _) ? seconds : _expires;
                    break;
                case HeaderKind.Contact when value.SequenceEqual("*"):
                    _wildcardContact = true;
                    break;
                case HeaderKind.Contact or HeaderKind.RecordRoute or HeaderKind.Route:
                    NameAddr.TryParseList(value, addresses, out _);
                    break;
                case HeaderKind.ContentType:
                    var types = new List<MediaType>(1);
                    var error = string.Empty;
                    _contentType = IsSingleMediaType(MediaType.TryParseList(value, types, out error, out var count), count, ref error) ? types[0] : _contentType;
                    break;
                case HeaderKind.Accept:
                    accept ??= [];
                    MediaType.TryParseList(value, accept, out _, out _);
                    break;
                case HeaderKind.Require or HeaderKind.Supported:
                    TryReadTokens(value, tokens, out _);
                    break;
            }
        }

        Publish(kind, vias, address, cseq, addresses, accept, tokens);
        Interlocked.Or(ref _typed, Bit(kind));
        return this;
    }

    private void Publish(HeaderKind kind, List<Via>? vias, NameAddr? address, CSeq? cseq, List<NameAddr>? addresses, List<MediaType>? accept, List<string>? tokens)
    {
        switch (kind)
        {
            case HeaderKind.Via:
                _vias = vias;
                break;
            case HeaderKind.From:
                _from = address;
                break;
            case HeaderKind.To:
                _to = address;
                break;
            case HeaderKind.CSeq:
                _cseq = cseq;
                break;
            case HeaderKind.Contact:
                _contacts = addresses;
                break;
            case HeaderKind.RecordRoute:
                _recordRoutes = addresses;
                break;
            case HeaderKind.Route:
                _routes = addresses;
                break;
            case HeaderKind.Accept:
                _accept = accept;
                break;
            case HeaderKind.Require:
                _require = tokens;
                break;
            case HeaderKind.Supported:
                _supported = tokens;
                break;
        }
    }

    private static bool IsCallId(ReadOnlySpan<char> value, out string error)
    {
        var ok = !value.IsEmpty && !value.ContainsAnyExcept(SipGrammar.CallIdChars);
        error = ok ? string.Empty : "not a valid Call-ID";
        return ok;
    }

    private static bool IsSingleMediaType(bool parsed, int count, ref string error)
    {
        if (parsed && count == 1)
        {
            return true;
        }

        error = error.Length > 0 ? error : "not a single media type";
        return false;
    }

    private static bool TryReadMaxForwards(ReadOnlySpan<char> value, out int hops, out string error)
    {
        var ok = TryParseNumber(value, 255, out var number);
        hops = (int)number;
        error = ok ? string.Empty : "not a number from 0 to 255";
        return ok;
    }

    private static bool TryReadExpires(ReadOnlySpan<char> value, out uint seconds, out string error)
    {
        var ok = TryParseNumber(value, uint.MaxValue, out var number);
        seconds = (uint)number;
        error = ok ? string.Empty : "not a number of seconds up to 2^32-1";
        return ok;
    }

    private static bool TryParseNumber(ReadOnlySpan<char> value, ulong max, out ulong number)
    {
        number = 0;
        return value.Length > 0 && !value.ContainsAnyExceptInRange('0', '9')
            && ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number <= max;
    }

    private static bool TryReadTokens(ReadOnlySpan<char> value, List<string>? tokens, out string error) =>
        CommaList.TryRead(value, tokens, static (ref HeaderReader reader, bool build, out string? token, out string error) =>
        {
            var text = reader.ReadToken();
            token = build ? text.ToString() : null;
            error = text.IsEmpty ? "not a list of option tags" : string.Empty;
            return !text.IsEmpty;
        }, out error, out _, allowEmpty: true);
}
