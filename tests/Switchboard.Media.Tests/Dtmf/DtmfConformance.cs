using Switchboard.Media.Dtmf;
using static Switchboard.Media.Tests.Dtmf.DtmfSignals;

namespace Switchboard.Media.Tests.Dtmf;

/// <summary>One row of the in-band conformance suite: a signal and the keys a good detector finds in it.</summary>
internal sealed record DtmfCase(string Group, string Name, short[] Signal, string Expected);

/// <summary>The in-band DTMF conformance suite on generated signals (durations, frequency offsets, twist, levels,
/// noise, rate, dropouts) plus music-like talk-off signals. Shared by the tests and the spandsp comparison benchmark.</summary>
internal static class DtmfConformance
{
    public const string AllKeys = DtmfDigits.Keypad;

    private static readonly Lazy<IReadOnlyList<DtmfCase>> All = new(Build);

    public static IReadOnlyList<DtmfCase> Cases() => All.Value;

    private static List<DtmfCase> Build() =>
    [
        Row("keys", "all 16 keys, 50 ms, -10 dBm0", Keyed(Each(k => new Tone(k, 50))), AllKeys),
        Row("duration", "40 ms tones", Keyed(Each(k => new Tone(k, 40))), AllKeys),
        Row("duration", "23 ms tones", Keyed(Each(k => new Tone(k, 23))), ""),
        Row("duration", "20 ms tones", Keyed(Each(k => new Tone(k, 20))), ""),
        Row("frequency", "both tones +1.5 %", Keyed(Each(k => new Tone(k, 50, RowDeviation: 1.5, ColumnDeviation: 1.5))), AllKeys),
        Row("frequency", "both tones -1.5 %", Keyed(Each(k => new Tone(k, 50, RowDeviation: -1.5, ColumnDeviation: -1.5))), AllKeys),
        Row("frequency", "row tone +3.5 %", Keyed(Each(k => new Tone(k, 50, RowDeviation: 3.5))), ""),
        Row("frequency", "row tone -3.5 %", Keyed(Each(k => new Tone(k, 50, RowDeviation: -3.5))), ""),
        Row("frequency", "column tone +3.5 %", Keyed(Each(k => new Tone(k, 50, ColumnDeviation: 3.5))), ""),
        Row("frequency", "column tone -3.5 %", Keyed(Each(k => new Tone(k, 50, ColumnDeviation: -3.5))), ""),
        Row("twist", "normal twist 8 dB", Keyed(Each(k => new Tone(k, 50, TwistDb: 8))), AllKeys),
        Row("twist", "reverse twist 4 dB", Keyed(Each(k => new Tone(k, 50, TwistDb: -4))), AllKeys),
        Row("twist", "normal twist 14 dB", Keyed(Each(k => new Tone(k, 50, TwistDb: 14))), ""),
        Row("twist", "reverse twist 10 dB", Keyed(Each(k => new Tone(k, 50, TwistDb: -10))), ""),
        Row("level", "-26 dBm0", Keyed(Each(k => new Tone(k, 50, LevelDbm0: -26))), AllKeys),
        Row("level", "-20 dBm0", Keyed(Each(k => new Tone(k, 50, LevelDbm0: -20))), AllKeys),
        Row("level", "-3 dBm0", Keyed(Each(k => new Tone(k, 50, LevelDbm0: -3))), AllKeys),
        Row("level", "0 dBm0", Keyed(Each(k => new Tone(k, 50, LevelDbm0: 0))), AllKeys),
        Row("noise", "SNR 15 dB at -10 dBm0", Keyed(Each(k => new Tone(k, 50)), snrDb: 15, seed: 1), AllKeys),
        Row("noise", "SNR 15 dB at -20 dBm0", Keyed(Each(k => new Tone(k, 50, LevelDbm0: -20)), snrDb: 15, seed: 2), AllKeys),
        Row("noise", "SNR 15 dB, 40 ms tones", Keyed(Each(k => new Tone(k, 40, LevelDbm0: -16)), snrDb: 15, seed: 3), AllKeys),
        Row("noise", "SNR 20 dB at -26 dBm0", Keyed(Each(k => new Tone(k, 50, LevelDbm0: -26)), snrDb: 20, seed: 4), AllKeys),
        Row("rate", "10 keys/s (50 ms on, 50 ms off)", Keyed("1234567890".Select(k => new Tone(k, 50)), pauseMs: 50), "1234567890"),
        Row("rate", "10 keys/s repeated keys, SNR 20 dB", Keyed("11##00**55".Select(k => new Tone(k, 50)), pauseMs: 50, snrDb: 20), "11##00**55"),
        Row("dropout", "10 ms dropout inside a key", Interrupted('5', 60, 10, 60), "5"),
        Row("dropout", "5 ms dropout inside a key", Interrupted('#', 50, 5, 50), "#"),
        Row("dropout", "40 ms pause between two keys", Interrupted('8', 50, 40, 50), "88"),
        Row("talk-off", "music-like melody and chords (60 s)", Concat(Enumerable.Range(1, 6).Select(seed => Music(10, seed))), ""),
        Row("talk-off", "dial tone 350+440 Hz", Sines(2000, (350, -13), (440, -13)), ""),
        Row("talk-off", "ringback 440+480 Hz", Sines(2000, (440, -19), (480, -19)), ""),
        Row("talk-off", "busy 480+620 Hz", Sines(2000, (480, -24), (620, -24)), ""),
        Row("talk-off", "each DTMF frequency alone", Concat(new[] { 697.0, 770, 852, 941, 1209, 1336, 1477, 1633 }.Select(hz => Sines(300, (hz, -10)))), ""),
        Row("talk-off", "two row tones 697+770 Hz", Sines(500, (697, -13), (770, -13)), ""),
        Row("talk-off", "two column tones 1209+1477 Hz", Sines(500, (1209, -13), (1477, -13)), ""),
        Row("talk-off", "sweep 300-3400 Hz", Sweep(300, 3400, 3, -10), ""),
    ];

    private static DtmfCase Row(string group, string name, short[] signal, string expected) => new(group, name, signal, expected);

    private static IEnumerable<Tone> Each(Func<char, Tone> tone) => AllKeys.Select(tone);

    private static short[] Concat(IEnumerable<short[]> parts) => [.. parts.SelectMany(p => p)];
}
