using BenchmarkDotNet.Attributes;
using Switchboard.Media.Dtmf;
using Switchboard.Media.Tests.Dtmf;

namespace Switchboard.Benchmarks.Dtmf;

/// <summary>In-band DTMF detection throughput: Switchboard's detector against spandsp's on the same 60 s of audio
/// (keys at every level and offset of the conformance suite, plus music), both fed 20 ms frames as a call does.</summary>
[MemoryDiagnoser]
public class DtmfDetectorBenchmarks
{
    private const int Frame = 160;
    private short[] _audio = [];

    [GlobalSetup]
    public void Setup() => _audio = [.. DtmfConformance.Cases().SelectMany(c => c.Signal).Take(60 * 8000)];

    [Benchmark(Baseline = true)]
    public int Spandsp()
    {
        using var detector = new SpandspDtmfDetector();
        for (var offset = 0; offset + Frame <= _audio.Length; offset += Frame)
        {
            detector.Process(_audio.AsSpan(offset, Frame));
        }

        return detector.Digits.Length;
    }

    [Benchmark]
    public int Switchboard()
    {
        var count = 0;
        var detector = new DtmfDetector(_ => count++);
        for (var offset = 0; offset + Frame <= _audio.Length; offset += Frame)
        {
            detector.Process(_audio.AsSpan(offset, Frame));
        }

        return count;
    }
}
