using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Registration;
using Switchboard.Sip.Transports;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Hosting;

/// <summary>
/// Keeps every <c>Sip:Registrations</c> account registered while the server runs, on the SIP listener's user agent: logs each
/// change of state, tells how each one stands (for <c>GET /healthz</c>), and removes the bindings at shutdown.
/// </summary>
internal sealed partial class SipRegistrations(
    IReadOnlyList<ConfiguredRegistration> registrations, SipListener listener, TimeProvider time, ILoggerFactory loggers) : IHostedService, IAsyncDisposable
{
    private readonly ILogger _logger = loggers.CreateLogger("Switchboard");
    private readonly RegistrationStatus[] _statuses = [.. registrations.Select(RegistrationStatus.Starting)];
    private List<RegistrationClient> _clients = [];

    /// <summary>How each registration stands, in the order of the settings.</summary>
    public IReadOnlyList<RegistrationStatus> Statuses => [.. _statuses.Select((_, i) => Volatile.Read(ref _statuses[i]))];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (registrations.Count == 0)
        {
            return;
        }

        var agent = listener.Agent ?? throw new InvalidOperationException("The SIP listener has not started; add the registrations after AddSip.");
        var clients = new List<RegistrationClient>();
        for (var i = 0; i < registrations.Count; i++)
        {
            var registration = registrations[i];
            var destination = await ResolveAsync(registration, cancellationToken);
            CheckReachable(agent, registration, destination);
            var client = new RegistrationClient(agent, registration.OptionsFor(destination), time, _logger);
            var index = i;
            client.StateChanged += (state, reason) => OnStateChanged(index, client, state, reason);
            clients.Add(client);
            LogRegistering(_logger, registration.AddressOfRecord, registration.Registrar, destination);
        }

        _clients = clients;
        foreach (var client in clients)
        {
            client.Start();
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    /// <summary>Stops refreshing and removes every binding, all at once so shutdown waits for the slowest registrar only.</summary>
    public async ValueTask DisposeAsync()
    {
        var clients = Interlocked.Exchange(ref _clients, []);
        await Task.WhenAll(clients.Select(c => c.DisposeAsync().AsTask()));
    }

    private static async Task<SipDestination> ResolveAsync(ConfiguredRegistration registration, CancellationToken cancellationToken)
    {
        var (uri, key) = registration.NextHop;
        SipDestination destination;
        try
        {
            destination = await NextHop.ResolveAsync(uri, cancellationToken);
        }
        catch (SocketException e)
        {
            throw new ConfigurationFileException($"{key}: cannot find the address of '{uri.Host.Host}' ({e.Message}); check the name and the DNS.");
        }

        return registration.Transport is { } transport ? destination with { Protocol = transport } : destination;
    }

    /// <summary>Fails start-up when no listener can send to <paramref name="destination"/>.</summary>
    private static void CheckReachable(SipUserAgent agent, ConfiguredRegistration registration, SipDestination destination)
    {
        var protocol = destination.Protocol.ToString().ToLowerInvariant();
        try
        {
            agent.Transactions.Transport.TransportFor(destination);
        }
        catch (InvalidOperationException)
        {
            throw new ConfigurationFileException(
                $"{registration.NextHop.Key}: REGISTER goes to {destination}, but Sip:Listen has no {protocol} address of that IP family; add one (e.g. {protocol}:0.0.0.0:5060) or set {registration.Key}:Transport.");
        }
    }

    private void OnStateChanged(int index, RegistrationClient client, RegistrationState state, string? reason)
    {
        var registration = registrations[index];
        var before = Volatile.Read(ref _statuses[index]);
        var until = state == RegistrationState.Registered && client.Granted is { } granted ? time.GetUtcNow() + granted : (DateTimeOffset?)null;
        Volatile.Write(ref _statuses[index], before with { State = state, Until = until, LastFailure = reason ?? before.LastFailure });
        var aor = registration.AddressOfRecord;
        switch (state)
        {
            case RegistrationState.Registered when before.State == RegistrationState.Registered:
                LogRefreshed(_logger, aor, until!.Value);
                break;
            case RegistrationState.Registered:
                LogRegistered(_logger, aor, until!.Value);
                break;
            case RegistrationState.Unregistered:
                LogRemoved(_logger, aor);
                break;
            case RegistrationState.Failed:
                // The client logs the failure with its status and the wait before the next attempt.
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SIP registration of {AddressOfRecord} at {Registrar}: sending REGISTER to {Destination}")]
    private static partial void LogRegistering(ILogger logger, SipUri addressOfRecord, SipUri registrar, SipDestination destination);

    [LoggerMessage(Level = LogLevel.Information, Message = "SIP registration of {AddressOfRecord}: registered until {Until:yyyy-MM-dd HH:mm:ss} UTC")]
    private static partial void LogRegistered(ILogger logger, SipUri addressOfRecord, DateTimeOffset until);

    [LoggerMessage(Level = LogLevel.Debug, Message = "SIP registration of {AddressOfRecord}: refreshed until {Until:yyyy-MM-dd HH:mm:ss} UTC")]
    private static partial void LogRefreshed(ILogger logger, SipUri addressOfRecord, DateTimeOffset until);

    [LoggerMessage(Level = LogLevel.Information, Message = "SIP registration of {AddressOfRecord}: binding removed")]
    private static partial void LogRemoved(ILogger logger, SipUri addressOfRecord);
}
