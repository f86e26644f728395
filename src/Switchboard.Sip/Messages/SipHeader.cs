namespace Switchboard.Sip.Messages;

/// <summary>One header field as it appeared (or will appear) on the wire; a received field keeps its exact bytes so it is written back untouched.</summary>
public sealed class SipHeader
{
    /// <summary>Creates a header to send.</summary>
    public SipHeader(string name, string value)
        : this(name, value, null)
    {
    }

    internal SipHeader(string name, string value, ReadOnlyMemory<byte>? raw)
    {
        Name = name;
        Value = value;
        Raw = raw;
    }

    /// <summary>The name as written (a compact form stays compact).</summary>
    public string Name { get; }

    /// <summary>The value with folding undone and outer white space trimmed.</summary>
    public string Value { get; }

    /// <summary>The whole received field (name to end of value, continuation lines included, final CRLF excluded), or null for a header built here.</summary>
    internal ReadOnlyMemory<byte>? Raw { get; }

    /// <summary>True when this header is <paramref name="name"/> (compact forms and case ignored).</summary>
    public bool Is(string name) => HeaderNames.Same(Name, name);

    /// <inheritdoc/>
    public override string ToString() => $"{Name}: {Value}";
}
