using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Messages;

/// <summary>One header field as it appeared (or will appear) on the wire; a received field keeps its exact bytes so it is written back untouched.</summary>
public sealed class SipHeader
{
    private readonly ReadOnlyMemory<byte> _raw;
    private readonly int _valueStart;
    private readonly bool _received;
    private string? _value;
    private HeaderKind _kind;

    /// <summary>Creates a header to send.</summary>
    public SipHeader(string name, string value)
    {
        Name = name;
        _value = value;
    }

    /// <summary>A received field: <paramref name="raw"/> is the whole field, its value starting at <paramref name="valueStart"/>; the text is decoded on first read.</summary>
    internal SipHeader(string name, ReadOnlyMemory<byte> raw, int valueStart, HeaderKind kind)
    {
        Name = name;
        _raw = raw;
        _valueStart = valueStart;
        _received = true;
        _kind = kind;
    }

    /// <summary>The name as written (a compact form stays compact).</summary>
    public string Name { get; }

    /// <summary>The value with folding undone and outer white space trimmed.</summary>
    public string Value => _value ??= FieldValue.ToString(_raw.Span[_valueStart..]);

    /// <summary>The whole received field (name to end of value, continuation lines included, final CRLF excluded), or null for a header built here.</summary>
    internal ReadOnlyMemory<byte>? Raw => _received ? _raw : default(ReadOnlyMemory<byte>?);

    /// <summary>Which typed header this is.</summary>
    internal HeaderKind Kind => _kind == HeaderKind.Unresolved ? _kind = KnownHeaders.KindOf(Name) : _kind;

    /// <summary>The room <see cref="ReadValue"/> needs to decode without making a string: none once <see cref="Value"/> is made, else one char per byte.</summary>
    internal int MaxValueLength => _value is null ? _raw.Length - _valueStart : 0;

    /// <summary>The value's text: <see cref="Value"/> when already made, else decoded into <paramref name="scratch"/> when it fits, else made.</summary>
    internal ReadOnlySpan<char> ReadValue(Span<char> scratch) =>
        _value is null && MaxValueLength <= scratch.Length ? FieldValue.Decode(_raw.Span[_valueStart..], scratch) : Value;

    /// <summary>True when this header is <paramref name="name"/> (compact forms and case ignored).</summary>
    public bool Is(string name) => ReferenceEquals(Name, name) || HeaderNames.Same(Name, name);

    /// <inheritdoc/>
    public override string ToString() => $"{Name}: {Value}";
}
