namespace Switchboard.Calls;

/// <summary>Where call control sends a caller: an extension, a number or a SIP URI, as the front-end will dial it.</summary>
/// <param name="Target">The extension (<c>"201"</c>), the number (<c>"+31201234567"</c>) or the URI (<c>"sip:queue@pbx"</c>).</param>
/// <param name="DisplayName">A name to present with the call, when the front-end can.</param>
public sealed record Destination(string Target, string? DisplayName = null)
{
    /// <inheritdoc/>
    public override string ToString() => DisplayName is null ? Target : $"{DisplayName} <{Target}>";
}
