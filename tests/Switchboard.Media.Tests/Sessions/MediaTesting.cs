using System.Net;
using System.Threading.Channels;
using Switchboard.Media.Codecs;
using Switchboard.Media.Sdp;

namespace Switchboard.Media.Tests.Sessions;

/// <summary>What session and bridge tests share: the audio offer/answer would have agreed between loopback endpoints, test
/// signals, and waiting for something to happen without timing it.</summary>
internal static class MediaTesting
{
    public static NegotiatedAudio Audio(IPEndPoint remote, AudioCodec codec = AudioCodec.Pcmu, int? telephoneEvent = 101, int ptimeMs = 20) => new()
    {
        MediaIndex = 0,
        Codec = codec,
        PayloadType = codec.PayloadType(),
        TelephoneEventPayloadType = telephoneEvent,
        PtimeMs = ptimeMs,
        Direction = MediaDirection.SendRecv,
        RemoteRtp = remote,
        RemoteRtcp = new IPEndPoint(remote.Address, remote.Port + 1),
    };

    public static async Task Eventually(Func<bool> condition, string what)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token).ContinueWith(t => Assert.False(t.IsCanceled, $"timed out waiting until {what}"), TaskScheduler.Default);
        }
    }

    public static async Task<List<T>> ReadAsync<T>(ChannelReader<T> reader, int count)
    {
        var items = new List<T>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (items.Count < count)
        {
            items.Add(await reader.ReadAsync(timeout.Token));
        }

        return items;
    }

    public static short[] Noise(int samples, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, samples).Select(_ => (short)random.Next(-8000, 8000))];
    }

    public static short[] ThroughG711(AudioCodec codec, short[] samples)
    {
        var codes = new byte[samples.Length];
        var decoded = new short[samples.Length];
        codec.Encode(samples, codes);
        codec.Decode(codes, decoded);
        return decoded;
    }
}
