using Switchboard.Media.Audio;

namespace Switchboard.Media.Bridge;

/// <summary>Carries one leg's received audio to the other leg's sender: frames go in as they arrive and come out on the
/// other leg's clock ticks. It holds at most a fifth of a second (the oldest audio is dropped when the legs' clocks drift
/// apart), gives silence when it runs dry, and never ends until <see cref="Close"/>.</summary>
internal sealed class RelayBuffer : IAudioSink, IAudioSource
{
    private const int Capacity = 1600;
    private readonly short[] _ring = new short[Capacity];
    private readonly Lock _lock = new();
    private int _start;
    private int _count;
    private bool _closed;

    /// <summary>Ends the relay: the next read returns nothing, so the playback of it finishes.</summary>
    public void Close()
    {
        lock (_lock)
        {
            _closed = true;
        }
    }

    public void Write(ReadOnlySpan<short> frame)
    {
        lock (_lock)
        {
            if (frame.Length > Capacity)
            {
                frame = frame[^Capacity..];
            }

            var overflow = _count + frame.Length - Capacity;
            if (overflow > 0)
            {
                _start = (_start + overflow) % Capacity;
                _count -= overflow;
            }

            var end = (_start + _count) % Capacity;
            var first = Math.Min(frame.Length, Capacity - end);
            frame[..first].CopyTo(_ring.AsSpan(end));
            frame[first..].CopyTo(_ring);
            _count += frame.Length;
        }
    }

    public int Read(Span<short> destination)
    {
        lock (_lock)
        {
            if (_closed)
            {
                return 0;
            }

            var take = Math.Min(destination.Length, _count);
            var first = Math.Min(take, Capacity - _start);
            _ring.AsSpan(_start, first).CopyTo(destination);
            _ring.AsSpan(0, take - first).CopyTo(destination[first..]);
            destination[take..].Clear();
            _start = (_start + take) % Capacity;
            _count -= take;
            return destination.Length;
        }
    }
}
