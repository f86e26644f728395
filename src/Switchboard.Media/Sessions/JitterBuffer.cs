using System.Buffers;
using Switchboard.Media.Audio;

namespace Switchboard.Media.Sessions;

/// <summary>Puts a peer's voice frames back in sequence order before the recorder and the tone detector hear them, so a
/// packet overtaken on the network does not scramble a recording or split a key. In-order frames pass straight through.
/// A frame that arrives early is held until the missing one comes or until more than <see cref="Depth"/> frames wait; then
/// the missing ones are counted lost and their time is filled with silence. The depth adapts: each frame that arrives after
/// it was given up on adds one (up to <see cref="MaxDepth"/>), and a long run without that takes one away. Bounded: it never
/// holds more than <see cref="MaxDepth"/> + 1 frames.</summary>
internal sealed class JitterBuffer
{
    /// <summary>The most frames held back waiting for a missing one (100 ms at 20 ms packets).</summary>
    public const int MaxDepth = 5;

    private const int InitialDepth = 1;
    private const int FramesToShrink = 500;
    private const int RestartDistance = 1000;
    private const int MaxFrameSamples = 1500;
    private const int MaxFilledSamples = 8000;
    private static readonly short[] Silence = new short[MaxFilledSamples];

    private readonly IAudioSink _output;
    private readonly Held?[] _held = new Held?[MaxDepth + 1];
    private bool _started;
    private uint _ssrc;
    private ushort _expected;
    private uint _expectedTimestamp;
    private int _heldCount;
    private int _cleanRun;
    private ulong _given;

    /// <summary>Gives frames, in order, to <paramref name="output"/>.</summary>
    public JitterBuffer(IAudioSink output) => _output = output;

    /// <summary>Frames held back at most before missing ones are given up on.</summary>
    public int Depth { get; private set; } = InitialDepth;

    /// <summary>Frames given up on as lost (their time was filled with silence).</summary>
    public long Lost { get; private set; }

    /// <summary>Frames that came after they had been given up on; dropped (as are copies of frames already given out).</summary>
    public long Late { get; private set; }

    /// <summary>Takes one received frame (decoded audio of the packet with this SSRC, sequence number and timestamp).</summary>
    public void Push(uint ssrc, ushort sequence, uint timestamp, ReadOnlySpan<short> frame)
    {
        var distance = (short)(sequence - _expected);
        if (!_started || ssrc != _ssrc || Math.Abs((int)distance) > RestartDistance)
        {
            // A new stream (first packet, a new SSRC, or a jump no reordering explains): what was held goes out first.
            Flush();
            (_started, _ssrc, _expected, _expectedTimestamp, _given, distance) = (true, ssrc, sequence, timestamp, 0, 0);
        }

        if (IndexOf(sequence) >= 0 || (distance < 0 && -distance <= 64 && ((_given >> (-distance - 1)) & 1) != 0))
        {
            return;
        }

        if (distance < 0)
        {
            Late++;
            _cleanRun = 0;
            Depth = Math.Min(Depth + 1, MaxDepth);
            return;
        }

        if (distance == 0)
        {
            Emit(timestamp, frame);
            if (++_cleanRun >= FramesToShrink && Depth > 0)
            {
                Depth--;
                _cleanRun = 0;
            }
        }
        else
        {
            Hold(sequence, timestamp, frame);
        }

        Release(Depth);
    }

    /// <summary>Sends out everything held, filling what is missing between with silence (the stream ended or restarted).</summary>
    public void Flush() => Release(0);

    // Gives out held frames that are next in sequence, and gives up on missing ones while more than `keep` frames wait.
    private void Release(int keep)
    {
        while (_heldCount > 0)
        {
            var next = IndexOf(_expected);
            if (next < 0)
            {
                if (_heldCount <= keep)
                {
                    return;
                }

                next = Oldest();
                var held = _held[next]!;
                var missing = (ushort)(held.Sequence - _expected);
                Lost += missing;
                _given = missing >= 64 ? 0 : _given << missing;
                FillSilence(held.Timestamp - _expectedTimestamp, held.Length);
                _expected = held.Sequence;
            }

            var frame = _held[next]!;
            _held[next] = null;
            _heldCount--;
            Emit(frame.Timestamp, frame.Samples.AsSpan(0, frame.Length));
            ArrayPool<short>.Shared.Return(frame.Samples);
        }
    }

    // The time of lost frames, as silence in pieces the size of the frames around them (nothing for an implausible gap).
    private void FillSilence(uint samples, int frameLength)
    {
        if (samples > MaxFilledSamples || frameLength == 0)
        {
            return;
        }

        for (var left = (int)samples; left > 0; left -= frameLength)
        {
            _output.Write(Silence.AsSpan(0, Math.Min(left, frameLength)));
        }
    }

    private void Emit(uint timestamp, ReadOnlySpan<short> frame)
    {
        _given = (_given << 1) | 1;
        _expected++;
        _expectedTimestamp = timestamp + (uint)frame.Length;
        _output.Write(frame);
    }

    private void Hold(ushort sequence, uint timestamp, ReadOnlySpan<short> frame)
    {
        frame = frame[..Math.Min(frame.Length, MaxFrameSamples)];
        var samples = ArrayPool<short>.Shared.Rent(frame.Length);
        frame.CopyTo(samples);
        _held[IndexOf(null)] = new Held(sequence, timestamp, samples, frame.Length);
        _heldCount++;
    }

    // A free slot always exists: after each push at most Depth (< the slot count) frames stay held.
    private int IndexOf(ushort? sequence)
    {
        for (var i = 0; i < _held.Length; i++)
        {
            if (_held[i]?.Sequence == sequence)
            {
                return i;
            }
        }

        return -1;
    }

    private int Oldest()
    {
        var oldest = -1;
        for (var i = 0; i < _held.Length; i++)
        {
            if (_held[i] is { } held && (oldest < 0 || (short)(held.Sequence - _held[oldest]!.Sequence) < 0))
            {
                oldest = i;
            }
        }

        return oldest;
    }

    private sealed record Held(ushort Sequence, uint Timestamp, short[] Samples, int Length);
}
