using Switchboard.Media.Dtmf;

namespace Switchboard.Media.Tests.Dtmf;

public class DtmfDetectorTests
{
    public static TheoryData<string> CaseNames()
    {
        var names = new TheoryData<string>();
        foreach (var c in DtmfConformance.Cases())
        {
            names.Add(c.Name);
        }

        return names;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Conformance(string name)
    {
        var c = DtmfConformance.Cases().Single(c => c.Name == name);

        Assert.Equal(c.Expected, Detect(c.Signal));
    }

    [Fact]
    public void Each_key_is_reported_at_start_and_end_with_where_it_lies()
    {
        var tones = new List<DtmfTone>();
        var detector = new DtmfDetector(tones.Add);

        detector.Process(DtmfSignals.Keyed([new DtmfSignals.Tone('7', 80), new DtmfSignals.Tone('#', 120)], pauseMs: 100));
        detector.Flush();

        Assert.Equal(["7 Started", "7 Ended", "# Started", "# Ended"], tones.Select(t => $"{t.Digit} {t.Kind}"));
        AssertNear(100, tones[1].Start.TotalMilliseconds);
        AssertNear(80, tones[1].Duration.TotalMilliseconds);
        AssertNear(280, tones[3].Start.TotalMilliseconds);
        AssertNear(120, tones[3].Duration.TotalMilliseconds);
        Assert.Equal(new DtmfEvent('#', DtmfEventKind.Ended, tones[3].Duration, DtmfSource.InBand), tones[3].ToEvent());
    }

    [Fact]
    public void Audio_fed_in_odd_sized_pieces_gives_the_same_keys()
    {
        var signal = DtmfConformance.Cases()[0].Signal;
        var tones = new List<DtmfTone>();
        var detector = new DtmfDetector(tones.Add);

        for (var offset = 0; offset < signal.Length; offset += 37)
        {
            detector.Process(signal.AsSpan(offset, Math.Min(37, signal.Length - offset)));
        }

        detector.Flush();
        Assert.Equal(DtmfConformance.AllKeys, string.Concat(tones.Where(t => t.Kind == DtmfEventKind.Ended).Select(t => t.Digit)));
    }

    [Fact]
    public void A_key_still_held_at_the_end_is_closed_by_flush()
    {
        var tones = new List<DtmfTone>();
        var detector = new DtmfDetector(tones.Add);

        detector.Process(DtmfSignals.Sines(200, (852, -10), (1477, -10)));
        Assert.Equal(["9 Started"], tones.Select(t => $"{t.Digit} {t.Kind}"));
        detector.Flush();

        Assert.Equal(DtmfEventKind.Ended, tones[^1].Kind);
    }

    internal static string Detect(short[] signal)
    {
        var digits = new List<char>();
        var detector = new DtmfDetector(t =>
        {
            if (t.Kind == DtmfEventKind.Ended)
            {
                digits.Add(t.Digit);
            }
        });
        detector.Process(signal);
        detector.Flush();
        return new string([.. digits]);
    }

    private static void AssertNear(double expected, double actual) =>
        Assert.InRange(actual, expected - 8, expected + 8);
}
