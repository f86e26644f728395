namespace Switchboard.Sip.Auth;

/// <summary>A user name and password for a PBX or trunk account.</summary>
/// <param name="Username">The authentication user (often the extension or account id).</param>
/// <param name="Password">The secret.</param>
public sealed record DigestCredentials(string Username, string Password)
{
    /// <inheritdoc/>
    public override string ToString() => $"DigestCredentials {{ Username = {Username} }}";
}
