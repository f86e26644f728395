using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Transports;

/// <summary>
/// The transport layer of RFC 3261 §18 over a set of transports: stamps received/rport on arriving requests (RFC 3581),
/// routes responses back per §18.2.2, and sends requests with this host's Via.
/// </summary>
public sealed partial class SipTransportLayer(IReadOnlyList<ISipTransport> transports, SipTransportOptions options, ILogger logger) : IAsyncDisposable
{
    private readonly LocalAddressCache _localAddresses = new();

    /// <summary>The transports, in the order they were configured.</summary>
    public IReadOnlyList<ISipTransport> Transports { get; } = transports;

    /// <summary>Starts every transport, handing what arrives to <paramref name="sink"/>.</summary>
    public void Start(ISipMessageSink sink)
    {
        foreach (var transport in Transports)
        {
            transport.Start(received => Dispatch(received, sink));
        }
    }

    /// <summary>Sends a response to the request that arrived from <paramref name="source"/>.</summary>
    public ValueTask SendResponseAsync(SipResponse response, SipSource source, CancellationToken cancellationToken = default)
    {
        var bytes = SipMessageWriter.ToBytes(response);
        return source.Transport.SendAsync(bytes, ResponseTarget(response.TopVia, source), cancellationToken);
    }

    /// <summary>Sends a request (its Via already added) to <paramref name="destination"/>.</summary>
    public ValueTask SendRequestAsync(SipRequest request, SipDestination destination, CancellationToken cancellationToken = default)
    {
        var transport = TransportFor(destination);
        return transport.SendAsync(SipMessageWriter.ToBytes(request), destination.EndPoint, cancellationToken);
    }

    /// <summary>The Via this host puts on a request to <paramref name="destination"/>, with <paramref name="branch"/> and rport.</summary>
    public Via CreateVia(SipDestination destination, string branch)
    {
        var transport = TransportFor(destination);
        var host = HostFor(transport, destination.EndPoint.Address);
        var parameters = new SipParameters();
        parameters.Set("branch", branch);
        parameters.Set("rport", null);
        return new Via(SipVersion.V2, destination.Protocol.ToString().ToUpperInvariant(), new HostPort(host, transport.LocalEndPoint.Port), parameters);
    }

    /// <summary>
    /// The host this side puts in Via and Contact on <paramref name="transport"/> toward <paramref name="peer"/>: the advertised
    /// host, the bound address, or (bound to an any-address) the local address the route to the peer uses, looked up once per peer.
    /// </summary>
    public string HostFor(ISipTransport transport, IPAddress? peer) =>
        options.AdvertisedHost ?? _localAddresses.For(transport.LocalEndPoint.Address, peer).ToString();

    /// <summary>The transport used for <paramref name="destination"/>: same protocol, and same address family when there is a choice.</summary>
    public ISipTransport TransportFor(SipDestination destination) =>
        Transports.FirstOrDefault(t => t.Protocol == destination.Protocol && t.LocalEndPoint.AddressFamily == destination.EndPoint.AddressFamily)
        ?? Transports.FirstOrDefault(t => t.Protocol == destination.Protocol && t.LocalEndPoint.Address.Equals(IPAddress.IPv6Any))
        ?? throw new InvalidOperationException($"No {destination.Protocol} transport can reach {destination.EndPoint}.");

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        foreach (var transport in Transports)
        {
            await transport.DisposeAsync();
        }
    }

    /// <summary>
    /// Where a response goes (§18.2.2, RFC 3581 §4): on a stream back to the connection's peer; on UDP to the received
    /// address and the rport (when asked for, or always with symmetric responses) or the sent-by port.
    /// </summary>
    internal IPEndPoint ResponseTarget(Via? via, SipSource source)
    {
        if (source.Transport.IsReliable || via is null)
        {
            return source.Remote;
        }

        var address = IPAddress.TryParse(via.Received, out var received) ? received : source.Remote.Address;
        if (via.Rport is { } rport)
        {
            return new IPEndPoint(address, rport);
        }

        if (options.SymmetricResponses)
        {
            return new IPEndPoint(address, source.Remote.Port);
        }

        return new IPEndPoint(address, via.SentBy.Port ?? 5060);
    }

    private void Dispatch(ReceivedMessage received, ISipMessageSink sink)
    {
        var source = new SipSource(received.Transport, received.Remote);
        switch (received.Result.Message)
        {
            case SipRequest request when received.Result.Status == SipParseStatus.Complete:
                StampVia(request, source);
                sink.OnRequest(request, source);
                break;
            case SipResponse response when received.Result.Status == SipParseStatus.Complete:
                sink.OnResponse(response, source);
                break;
            default:
                LogRejected(logger, source, received.Result.Rejection?.Reason);
                sink.OnRejected(received);
                break;
        }
    }

    /// <summary>
    /// Adds <c>received</c> when the sent-by host is not the source address, and fills an empty <c>rport</c> (RFC 3581), on the
    /// top Via the parser already typed; <see cref="SipMessage.ReplaceTopVia"/> rewrites only the first Via line and keeps the
    /// typed view, so the request's known headers are not parsed a second time.
    /// </summary>
    internal static void StampVia(SipRequest request, SipSource source)
    {
        if (request.TopVia is not { } top)
        {
            return;
        }

        var needsReceived = top.SentBy.Address is not { } sentBy || !sentBy.Equals(source.Remote.Address);
        if (!needsReceived && !top.HasRport)
        {
            return;
        }

        top.Parameters.Set("received", source.Remote.Address.ToString());
        if (top.HasRport)
        {
            top.Parameters.Set("rport", source.Remote.Port.ToString(CultureInfo.InvariantCulture));
        }

        request.ReplaceTopVia(top);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SIP message from {Source} rejected: {Reason}")]
    private static partial void LogRejected(ILogger logger, SipSource source, string? reason);
}
