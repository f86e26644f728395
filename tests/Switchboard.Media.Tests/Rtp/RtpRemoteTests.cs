using System.Net;
using Switchboard.Media.Rtp;

namespace Switchboard.Media.Tests.Rtp;

public class RtpRemoteTests
{
    private static readonly IPEndPoint Signalled = IPEndPoint.Parse("192.168.1.20:4000");
    private static readonly IPEndPoint Nat = IPEndPoint.Parse("203.0.113.9:61000");
    private static readonly IPEndPoint Other = IPEndPoint.Parse("198.51.100.66:5000");

    [Fact]
    public void Without_symmetric_rtp_media_goes_where_the_sdp_said()
    {
        var remote = new RtpRemote(Signalled, symmetric: false);

        Assert.False(remote.Observe(Nat, 1));
        Assert.Equal(Signalled, remote.Current);
    }

    [Fact]
    public void With_symmetric_rtp_the_first_packet_moves_media_to_its_source()
    {
        var remote = new RtpRemote(Signalled, symmetric: true);

        Assert.True(remote.Observe(Nat, 1));
        Assert.False(remote.Observe(Nat, 1));
        Assert.Equal(Nat, remote.Current);
    }

    [Fact]
    public void After_latching_a_stray_packet_does_not_move_media_but_a_steady_new_source_does()
    {
        var remote = new RtpRemote(Signalled, symmetric: true);
        remote.Observe(Nat, 1);

        Assert.False(remote.Observe(Other, 9));
        Assert.False(remote.Observe(Nat, 1));
        Assert.False(remote.Observe(Other, 9));
        Assert.False(remote.Observe(Other, 9));
        Assert.Equal(Nat, remote.Current);

        Assert.True(remote.Observe(Other, 9));
        Assert.Equal(Other, remote.Current);
    }

    [Fact]
    public void A_packet_from_the_signalled_address_latches_it()
    {
        var remote = new RtpRemote(Signalled, symmetric: true);

        Assert.False(remote.Observe(Signalled, 1));
        Assert.False(remote.Observe(Nat, 1));
        Assert.Equal(Signalled, remote.Current);
    }

    [Fact]
    public void A_held_call_has_nowhere_to_send_until_resumed_or_heard()
    {
        var remote = new RtpRemote(null, symmetric: true);
        Assert.Null(remote.Current);

        remote.Signal(Signalled);
        Assert.Equal(Signalled, remote.Current);
        Assert.True(remote.Observe(Nat, 1));
    }
}
