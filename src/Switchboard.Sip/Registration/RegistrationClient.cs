using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Switchboard.Sip.Auth;
using Switchboard.Sip.Messages;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Sip.Registration;

/// <summary>
/// Keeps this user agent registered with a PBX or trunk (RFC 3261 §10.2): registers, answers Digest challenges, honours
/// 423 Min-Expires, refreshes before the granted time runs out, and after a failure tries again with doubling back-off.
/// </summary>
public sealed partial class RegistrationClient(SipUserAgent agent, RegistrationOptions options, TimeProvider time, ILogger logger) : IAsyncDisposable
{
    private readonly string _callId = $"{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))}@switchboard";
    private readonly string _fromTag = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
    private static readonly TimeSpan UnregisterWait = TimeSpan.FromSeconds(5);
    private readonly CancellationTokenSource _stopping = new();
    private Task _running = Task.CompletedTask;
    private uint _cseq;

    /// <summary>Raised on every change of <see cref="State"/>, with the reason of a failure.</summary>
    public event Action<RegistrationState, string?>? StateChanged;

    /// <summary>The current state.</summary>
    public RegistrationState State { get; private set; }

    /// <summary>The lifetime the registrar granted last, or null.</summary>
    public TimeSpan? Granted { get; private set; }

    /// <summary>Starts registering in the background.</summary>
    public void Start() => _running = RunAsync(_stopping.Token);

    /// <summary>Stops refreshing and removes the binding (REGISTER with Expires 0) when registered.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _running;
        if (State == RegistrationState.Registered)
        {
            try
            {
                await RegisterOnceAsync(TimeSpan.Zero).WaitAsync(UnregisterWait, time);
            }
            catch (TimeoutException)
            {
                LogUnregisterUnanswered(logger, options.AddressOfRecord);
            }

            Change(RegistrationState.Unregistered, null);
        }

        _stopping.Dispose();
    }

    /// <summary>When to refresh a binding granted for <paramref name="granted"/>: a minute early, or halfway for short ones.</summary>
    internal static TimeSpan RefreshAfter(TimeSpan granted) =>
        granted / 2 > granted - TimeSpan.FromMinutes(1) ? granted / 2 : granted - TimeSpan.FromMinutes(1);

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var backOff = options.RetryMin;
        var expires = options.Expires;
        while (!cancellationToken.IsCancellationRequested)
        {
            TimeSpan wait;
            SipResponse response;
            TimeSpan asked;
            try
            {
                (response, asked) = await RegisterOnceAsync(expires).WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (response.StatusCode == 423 && int.TryParse(response.Headers.Get("Min-Expires"), NumberStyles.None, CultureInfo.InvariantCulture, out var minimum)
                && TimeSpan.FromSeconds(minimum) > expires)
            {
                expires = TimeSpan.FromSeconds(minimum);
                continue;
            }

            if (response.IsSuccess)
            {
                Granted = GrantedBy(response, asked);
                backOff = options.RetryMin;
                wait = RefreshAfter(Granted.Value);
                Change(RegistrationState.Registered, null);
            }
            else
            {
                wait = backOff;
                backOff = backOff * 2 < options.RetryMax ? backOff * 2 : options.RetryMax;
                Change(RegistrationState.Failed, $"{response.StatusCode} {response.Reason}");
                LogFailed(logger, options.AddressOfRecord, response.StatusCode, wait);
            }

            try
            {
                await Task.Delay(wait, time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<(SipResponse Response, TimeSpan Asked)> RegisterOnceAsync(TimeSpan expires)
    {
        var request = Build(expires);
        var response = await agent.SendRequest(request, options.Destination).FinalResponse;
        if (response.StatusCode is 401 or 407 && options.Credentials is { } credentials
            && DigestAuthentication.Retry(request, response, credentials) is { } retry)
        {
            _cseq = retry.CSeq!.Number;
            response = await agent.SendRequest(retry, options.Destination).FinalResponse;
        }

        return (response, expires);
    }

    private SipRequest Build(TimeSpan expires)
    {
        var seconds = ((long)expires.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        var request = new SipRequest(SipMethods.Register, options.Registrar);
        request.Headers.Add(HeaderNames.From, $"<{options.AddressOfRecord}>;tag={_fromTag}");
        request.Headers.Add(HeaderNames.To, $"<{options.AddressOfRecord}>");
        request.Headers.Add(HeaderNames.CallId, _callId);
        request.Headers.Add(HeaderNames.CSeq, new CSeq(++_cseq, SipMethods.Register).ToString());
        request.Headers.Add(HeaderNames.Contact, $"<{ContactUri()}>");
        request.Headers.Add(HeaderNames.Expires, seconds);
        return request;
    }

    private SipUri ContactUri() => agent.ContactFor(options.Destination, options.ContactUser ?? options.AddressOfRecord.User);

    /// <summary>The lifetime granted: our Contact's expires parameter in the 200, else its Expires header, else what was asked.</summary>
    private TimeSpan GrantedBy(SipResponse response, TimeSpan asked)
    {
        var ours = ContactUri().ToString();
        var contact = response.Known.Contacts.FirstOrDefault(c => c.Uri.ToString() == ours) ?? response.Known.Contacts.FirstOrDefault();
        if (uint.TryParse(contact?.Parameters["expires"], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return response.Known.Expires is { } header ? TimeSpan.FromSeconds(header) : asked;
    }

    private void Change(RegistrationState state, string? reason)
    {
        State = state;
        StateChanged?.Invoke(state, reason);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The registrar did not answer the removal of {AddressOfRecord}'s binding")]
    private static partial void LogUnregisterUnanswered(ILogger logger, SipUri addressOfRecord);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Registration of {AddressOfRecord} failed with {Status}; trying again in {Wait}")]
    private static partial void LogFailed(ILogger logger, SipUri addressOfRecord, int status, TimeSpan wait);
}
