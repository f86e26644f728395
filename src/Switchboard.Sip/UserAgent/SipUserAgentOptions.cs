using Switchboard.Sip.Auth;
using Switchboard.Sip.Hardening;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Parsing;
using Switchboard.Sip.Transactions;
using Switchboard.Sip.Transports;

namespace Switchboard.Sip.UserAgent;

/// <summary>Everything that shapes a user agent: where it listens, limits, timers and what it advertises.</summary>
public sealed record SipUserAgentOptions
{
    /// <summary>The listen addresses (one transport each).</summary>
    public IReadOnlyList<SipListenAddress> Listen { get; init; } = [SipListenAddress.Parse("udp:127.0.0.1:5060"), SipListenAddress.Parse("tcp:127.0.0.1:5060")];

    /// <summary>Message size limits.</summary>
    public SipParserLimits Limits { get; init; } = SipParserLimits.Default;

    /// <summary>TCP connection limits.</summary>
    public TcpOptions Tcp { get; init; } = new();

    /// <summary>Addressing (advertised host, symmetric responses).</summary>
    public SipTransportOptions Transport { get; init; } = new();

    /// <summary>T1, T2, T4.</summary>
    public SipTimers Timers { get; init; } = new();

    /// <summary>The cap on live transactions (503 with Retry-After over it).</summary>
    public TransactionLimits TransactionLimits { get; init; } = new();

    /// <summary>Sent as Server and User-Agent.</summary>
    public string ProductName { get; init; } = "Switchboard";

    /// <summary>Option tags this user agent supports (a Require naming anything else gets 420).</summary>
    public IReadOnlyCollection<string> Extensions { get; init; } = [];

    /// <summary>Sources allowed to send INVITE without authentication; null allows every source.</summary>
    public SourceAllowList? InviteSources { get; init; }

    /// <summary>
    /// Digest authentication for dialog-creating INVITEs from sources outside <see cref="InviteSources"/>: such a request is
    /// challenged (401) and served once it is signed with a valid password. Null refuses those sources with 403.
    /// </summary>
    public DigestServerOptions? Authentication { get; init; }

    /// <summary>Per-source limit on new requests (null: no limit); over it requests are dropped.</summary>
    public SourceRateLimiter? RateLimiter { get; init; }

    /// <summary>Drop requests from known scanners (friendly-scanner, sipvicious, …) without answering.</summary>
    public bool DropScanners { get; init; } = true;

    /// <summary>How long <see cref="SipUserAgent.ReferAsync(Dialogs.Dialog, AddressUri, CancellationToken)"/> waits, after the REFER was accepted, for the NOTIFY that ends its subscription.</summary>
    public TimeSpan ReferTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Body types the user agent understands (anything else gets 415; an INVITE whose Accept excludes them all gets 406).</summary>
    public IReadOnlyCollection<MediaType> AcceptedBodies { get; init; } =
    [
        MediaType.Sdp,
        new("application", "dtmf-relay", new SipParameters()),
        new("application", "dtmf", new SipParameters()),
        new("message", "sipfrag", new SipParameters()),
    ];
}
