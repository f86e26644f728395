using Switchboard.Media.Clock;
using Switchboard.Media.Codecs;
using Switchboard.Media.Rtp;
using Switchboard.Media.Sessions;
using Switchboard.Media.Tests.Sessions;

namespace Switchboard.Telephony.Sip.Tests.Control;

/// <summary>A test phone and the call's RTP session serving it, started toward each other on loopback: an answered call's audio without SIP.</summary>
internal sealed class LoopbackLine : IAsyncDisposable
{
    private LoopbackLine(RtpSession phone, RtpSession call)
    {
        Phone = phone;
        Call = call;
    }

    /// <summary>The far end: what the test plays and keys in, and where it listens (it sends nothing while idle).</summary>
    public RtpSession Phone { get; }

    /// <summary>Switchboard's side of the call.</summary>
    public RtpSession Call { get; }

    public static LoopbackLine Open(RtpPortAllocator ports, MediaClock clock, AudioCodec codec, int telephoneEvent)
    {
        // A generous event timeout: on a loaded machine the receive loop may stall longer than the usual 300 ms.
        var options = new RtpSessionOptions { TelephoneEventTimeout = TimeSpan.FromSeconds(3) };
        var phone = RtpSession.Open(ports, clock, options with { SilenceWhenIdle = false });
        var call = RtpSession.Open(ports, clock, options);
        phone.Start(MediaTesting.Audio(call.LocalEndPoint, codec, telephoneEvent));
        call.Start(MediaTesting.Audio(phone.LocalEndPoint, codec, telephoneEvent));
        return new LoopbackLine(phone, call);
    }

    public async ValueTask DisposeAsync()
    {
        await Phone.DisposeAsync();
        await Call.DisposeAsync();
    }
}
