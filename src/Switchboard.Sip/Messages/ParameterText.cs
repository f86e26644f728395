using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Messages;

/// <summary>One parameter as read from a header value, still as characters of the value, so checking it allocates nothing.</summary>
/// <param name="Name">The name as written.</param>
/// <param name="Value">The value, unquoted (quoted-pairs resolved); empty when <paramref name="HasValue"/> is false.</param>
/// <param name="HasValue">False for a flag such as <c>;lr</c>.</param>
/// <param name="Quoted">True when the value was a quoted string.</param>
internal readonly ref struct ParameterText(ReadOnlySpan<char> Name, ReadOnlySpan<char> Value, bool HasValue, bool Quoted)
{
    public ReadOnlySpan<char> Name { get; } = Name;

    public ReadOnlySpan<char> Value { get; } = Value;

    public bool HasValue { get; } = HasValue;

    public bool Quoted { get; } = Quoted;

    /// <summary>The parameter as kept in a <see cref="SipParameters"/>: common names shared, the value copied.</summary>
    public SipParameter ToParameter() => new(WireNames.Find(Name) ?? Name.ToString(), HasValue ? Value.ToString() : null, Quoted);
}
