using Switchboard.Sip.Auth;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Registration;
using Switchboard.Sip.Transports;

namespace Switchboard.Hosting;

/// <summary>A checked <c>Sip:Registrations</c> entry, ready to register once the address to send to is resolved.</summary>
/// <param name="Key">The entry's settings key, e.g. <c>Sip:Registrations:0</c>, for messages.</param>
/// <param name="Registrar">The Request-URI of REGISTER.</param>
/// <param name="AddressOfRecord">The account registered.</param>
/// <param name="OutboundProxy">Where to send REGISTER instead of the registrar, or null.</param>
/// <param name="Transport">The transport to use, or null for the URI's own choice.</param>
/// <param name="Credentials">The answer to a Digest challenge, or null.</param>
/// <param name="Expires">The lifetime asked for.</param>
/// <param name="ContactUser">The Contact's user part, or null for the account's.</param>
internal sealed record ConfiguredRegistration(
    string Key,
    SipUri Registrar,
    SipUri AddressOfRecord,
    SipUri? OutboundProxy,
    SipTransportProtocol? Transport,
    DigestCredentials? Credentials,
    TimeSpan Expires,
    string? ContactUser)
{
    /// <summary>The URI whose address REGISTER is sent to, and the key it was set by.</summary>
    public (SipUri Uri, string Key) NextHop => OutboundProxy is { } proxy ? (proxy, $"{Key}:OutboundProxy") : (Registrar, $"{Key}:Registrar");

    /// <summary>The registration client's options for sending to <paramref name="destination"/>.</summary>
    public RegistrationOptions OptionsFor(SipDestination destination) => new(Registrar, AddressOfRecord, destination)
    {
        Credentials = Credentials,
        Expires = Expires,
        ContactUser = ContactUser,
    };
}
