using Switchboard.Media.Audio;
using Switchboard.Media.Sessions;

namespace Switchboard.Media.Tests.Sessions;

public class JitterBufferTests
{
    private const int Frame = 160;
    private const uint Ssrc = 0x1234;

    // Arrival order of sequence numbers → what comes out, frame by frame ("_" is a frame of silence filled in for a lost one).
    [Theory]
    [InlineData("1 2 3 4", "1 2 3 4", 1, 0, 0)]
    [InlineData("1 3 2 4", "1 2 3 4", 1, 0, 0)]
    [InlineData("1 3 4 5", "1 _ 3 4 5", 1, 1, 0)]
    [InlineData("1 4 5 6", "1 _ _ 4 5 6", 1, 2, 0)]
    [InlineData("1 3 4 2 5", "1 _ 3 4 5", 2, 1, 1)]
    [InlineData("1 2 2 3 1 3", "1 2 3", 1, 0, 0)]
    [InlineData("1 2 4 4 3", "1 2 3 4", 1, 0, 0)]
    [InlineData("65534 65535 1 0 2", "65534 65535 0 1 2", 1, 0, 0)]
    public void Frames_come_out_in_sequence_with_losses_filled_and_late_ones_dropped(string arrivals, string expected, int depth, long lost, long late)
    {
        var stream = new Stream();

        foreach (var sequence in arrivals.Split(' ').Select(ushort.Parse))
        {
            stream.Push(sequence);
        }

        Assert.Equal(expected, stream.Heard);
        Assert.Equal((depth, lost, late), (stream.Buffer.Depth, stream.Buffer.Lost, stream.Buffer.Late));
    }

    [Fact]
    public void A_stream_that_reorders_often_gets_a_deeper_buffer_and_a_clean_one_shrinks_it_again()
    {
        var stream = new Stream();
        ushort next = 0;
        void Arrive(params int[] offsets)
        {
            foreach (var offset in offsets)
            {
                stream.Push((ushort)(next + offset));
            }

            next += (ushort)offsets.Length;
        }

        // A packet two places late costs a loss until the buffer is deep enough to wait for it.
        Arrive(0, 2, 3, 1);
        var (deepened, lostWhileLearning) = (stream.Buffer.Depth, stream.Buffer.Lost);
        for (var i = 0; i < 10; i++)
        {
            Arrive(0, 2, 3, 1);
        }

        var lostOnceDeep = stream.Buffer.Lost - lostWhileLearning;
        Arrive([.. Enumerable.Range(0, 1000)]);

        Assert.Equal((2, 1), (deepened, lostWhileLearning));
        Assert.Equal(0, lostOnceDeep);
        Assert.Equal(0, stream.Buffer.Depth);
    }

    [Fact]
    public void It_holds_at_most_its_depth_and_a_new_ssrc_or_a_wild_jump_restarts_it()
    {
        var stream = new Stream();
        stream.Push(10);
        for (var i = 0; i < 20; i++)
        {
            stream.Push(9, timestamp: 0);
        }

        for (ushort ahead = 12; ahead < 12 + JitterBuffer.MaxDepth; ahead++)
        {
            stream.Push(ahead);
        }

        var whileHeld = stream.Heard;
        stream.Push(12 + JitterBuffer.MaxDepth);
        var givenUp = stream.Heard;
        stream.Push(13, ssrc: Ssrc + 1);
        stream.Push(30000, ssrc: Ssrc + 1);

        Assert.Equal(JitterBuffer.MaxDepth, stream.Buffer.Depth);
        Assert.Equal("10", whileHeld);
        Assert.Equal("10 _ 12 13 14 15 16 17", givenUp);
        Assert.Equal("10 _ 12 13 14 15 16 17 13 30000", stream.Heard);
    }

    /// <summary>Pushes frames (each filled with a value naming its sequence number) and keeps what comes out.</summary>
    private sealed class Stream : IAudioSink
    {
        private readonly Dictionary<short, string> _names = new() { [0] = "_" };
        private readonly List<string> _heard = [];

        public Stream() => Buffer = new JitterBuffer(this);

        public JitterBuffer Buffer { get; }

        public string Heard => string.Join(' ', _heard);

        public void Push(ushort sequence, uint? timestamp = null, uint ssrc = Ssrc)
        {
            var name = (short)(_names.Count + 1);
            _names[name] = sequence.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Buffer.Push(ssrc, sequence, timestamp ?? sequence * (uint)Frame, Enumerable.Repeat(name, Frame).ToArray());
        }

        public void Write(ReadOnlySpan<short> frame)
        {
            Assert.Equal(Frame, frame.Length);
            _heard.Add(_names[frame[0]]);
        }
    }
}
