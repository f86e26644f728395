using Switchboard.Sip.Auth;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transports;

namespace Switchboard.Sip.Registration;

/// <summary>What to register where: the registrar (PBX or trunk), the address of record, credentials and timing.</summary>
/// <param name="Registrar">The registrar's URI (the Request-URI of REGISTER).</param>
/// <param name="AddressOfRecord">The account, e.g. <c>sip:1001@pbx.example.com</c> (From and To).</param>
/// <param name="Destination">Where to send REGISTER.</param>
public sealed record RegistrationOptions(SipUri Registrar, SipUri AddressOfRecord, SipDestination Destination)
{
    /// <summary>Credentials for a Digest challenge, or null when the registrar does not challenge.</summary>
    public DigestCredentials? Credentials { get; init; }

    /// <summary>The user part of the Contact registered, which the registrar puts in the Request-URI of calls it sends; null uses the address of record's user.</summary>
    public string? ContactUser { get; init; }

    /// <summary>The registration lifetime asked for.</summary>
    public TimeSpan Expires { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The first wait after a failure; it doubles up to <see cref="RetryMax"/>.</summary>
    public TimeSpan RetryMin { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between attempts after failures.</summary>
    public TimeSpan RetryMax { get; init; } = TimeSpan.FromMinutes(10);
}
