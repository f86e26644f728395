namespace Switchboard.Sip.Messages;

/// <summary>One <c>;name=value</c> parameter of a header or URI; <see cref="Value"/> is null for a flag such as <c>;lr</c>.</summary>
/// <param name="Name">The name as written.</param>
/// <param name="Value">The value, unescaped and unquoted, or null when the parameter has none.</param>
/// <param name="Quoted">True when the value was (and will be written as) a quoted string.</param>
public sealed record SipParameter(string Name, string? Value, bool Quoted = false);
