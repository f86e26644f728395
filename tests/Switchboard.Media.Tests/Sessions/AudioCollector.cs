using Switchboard.Media.Audio;

namespace Switchboard.Media.Tests.Sessions;

/// <summary>A sink that keeps every received sample and says when it has heard enough.</summary>
internal sealed class AudioCollector(int wanted) : IAudioSink
{
    private readonly List<short> _samples = [];
    private readonly TaskCompletionSource _enough = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Enough => _enough.Task;

    public short[] Samples
    {
        get
        {
            lock (_samples)
            {
                return [.. _samples];
            }
        }
    }

    public void Write(ReadOnlySpan<short> frame)
    {
        lock (_samples)
        {
            foreach (var sample in frame)
            {
                _samples.Add(sample);
            }

            if (_samples.Count >= wanted)
            {
                _enough.TrySetResult();
            }
        }
    }
}
