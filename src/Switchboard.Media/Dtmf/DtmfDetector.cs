using System.Numerics;
using System.Runtime.Intrinsics;

namespace Switchboard.Media.Dtmf;

/// <summary>Finds DTMF key presses in 8 kHz linear audio (in-band DTMF, as many trunks still send it).</summary>
/// <remarks>
/// The eight DTMF frequencies are measured over a 14 ms window that slides in 2 ms steps; each step's partial
/// transforms are computed for all eight frequencies at once with SIMD. A step is a hit when one row and one column
/// tone carry most of the window's power (which keeps speech and music out), are loud enough, and are within the
/// twist limits. Their exact frequencies are estimated from how the tones' phases advance between windows, so a tone
/// off by 3.5 % is refused although it still falls inside the window's pass band, and the power lost to a small
/// offset is restored before the purity test. A key is reported once its hits span about 30 ms; gaps of up to
/// about 15 ms are bridged, longer ones end the key.
/// </remarks>
public sealed class DtmfDetector
{
    private const int SampleRate = 8000;
    private const int BlockSize = 16;
    private const int BlocksPerWindow = 7;
    private const int WindowSize = BlockSize * BlocksPerWindow;
    private const int HistoryLength = BlocksPerWindow + 1;
    private const int MinimumHits = 11;
    private const int MaximumBridgedMisses = 12;
    private const int CoverageForHit = 84;

    // A key's frequencies are judged from the phase advance between consecutive hit windows; a run of scattered hits has too few to judge.
    private const int MinimumPhasePairs = 6;
    private const double MinimumPurity = 0.8;
    private const double MaximumDeviation = 0.025;

    // Power restored for a frequency offset is capped at 3 dB, so leakage from a strong tone far away is never inflated into a second tone.
    private const double MaximumCorrection = 0.5;

    // Keys 2, 6 and C pair tones 1.917 apart: with both near their tolerance they would pass for a note and its
    // octave (an instrument's second harmonic), a common talk-off in music. A true key is never within 1 % of 2:1.
    private const double OctaveTolerance = 0.02;

    // Power of a 0 dBm0 sine in 16-bit linear PCM (G.711's full scale is +3.14 dBm0).
    private static readonly double ZeroDbm0Power = 0.5 * Math.Pow(32767 * Math.Pow(10, -3.14 / 20), 2);
    private static readonly double MinimumTonePower = ZeroDbm0Power * Math.Pow(10, -38 / 10.0);
    private static readonly double NormalTwist = Math.Pow(10, 9.5 / 10);
    private static readonly double ReverseTwist = Math.Pow(10, 5.5 / 10);
    private static readonly double[] Omegas =
        [.. DtmfDigits.RowFrequencies.ToArray().Concat(DtmfDigits.ColumnFrequencies.ToArray()).Select(f => 2 * Math.PI * f / SampleRate)];
    private static readonly Vector256<float>[] Cosines = Table(i => Omegas.Select(w => Math.Cos(w * i)));
    private static readonly Vector256<float>[] NegativeSines = Table(i => Omegas.Select(w => -Math.Sin(w * i)));
    private static readonly Vector256<float>[] ShiftCosines = Table(k => Omegas.Select(w => Math.Cos(w * BlockSize * k)), BlocksPerWindow);
    private static readonly Vector256<float>[] ShiftSines = Table(k => Omegas.Select(w => -Math.Sin(w * BlockSize * k)), BlocksPerWindow);

    // Undo the nominal phase advance of each frequency over one block and over one window.
    private static readonly Complex[] ShortRotations = [.. Omegas.Select(w => Complex.FromPolarCoordinates(1, -w * BlockSize))];
    private static readonly Complex[] LongRotations = [.. Omegas.Select(w => Complex.FromPolarCoordinates(1, -w * WindowSize))];

    private readonly Action<DtmfTone> _report;
    private readonly short[] _pending = new short[BlockSize];
    private readonly Vector256<float>[] _blockRe = new Vector256<float>[BlocksPerWindow];
    private readonly Vector256<float>[] _blockIm = new Vector256<float>[BlocksPerWindow];
    private readonly float[] _blockEnergy = new float[BlocksPerWindow];
    private readonly Vector256<float>[] _windowRe = new Vector256<float>[HistoryLength];
    private readonly Vector256<float>[] _windowIm = new Vector256<float>[HistoryLength];
    private readonly int[] _windowRun = new int[HistoryLength];
    private int _pendingCount;
    private int _blockSlot;
    private int _historySlot;
    private long _hops;
    private Run? _run;
    private int _runId;

    /// <summary>A detector that reports each key's start and end to <paramref name="report"/>.</summary>
    public DtmfDetector(Action<DtmfTone> report) => _report = report;

    /// <summary>Feeds the next samples of the stream.</summary>
    public void Process(ReadOnlySpan<short> samples)
    {
        while (!samples.IsEmpty)
        {
            if (_pendingCount == 0 && samples.Length >= BlockSize)
            {
                ProcessBlock(samples[..BlockSize]);
                samples = samples[BlockSize..];
                continue;
            }

            var take = Math.Min(BlockSize - _pendingCount, samples.Length);
            samples[..take].CopyTo(_pending.AsSpan(_pendingCount));
            _pendingCount += take;
            samples = samples[take..];
            if (_pendingCount == BlockSize)
            {
                _pendingCount = 0;
                ProcessBlock(_pending);
            }
        }
    }

    /// <summary>Ends the stream: a key still held is reported as ended.</summary>
    public void Flush() => CloseRun();

    private void ProcessBlock(ReadOnlySpan<short> block)
    {
        var re = Vector256<float>.Zero;
        var im = Vector256<float>.Zero;
        var energy = 0f;
        for (var i = 0; i < BlockSize; i++)
        {
            float sample = block[i];
            var broadcast = Vector256.Create(sample);
            re = Vector256.FusedMultiplyAdd(broadcast, Cosines[i], re);
            im = Vector256.FusedMultiplyAdd(broadcast, NegativeSines[i], im);
            energy += sample * sample;
        }

        var slot = _blockSlot;
        _blockRe[slot] = re;
        _blockIm[slot] = im;
        _blockEnergy[slot] = energy;
        _blockSlot = slot == BlocksPerWindow - 1 ? 0 : slot + 1;
        _hops++;
        if (_hops >= BlocksPerWindow)
        {
            Decide();
        }
    }

    private void Decide()
    {
        var current = _historySlot;
        var previous = current == 0 ? HistoryLength - 1 : current - 1;
        var older = (current + 1) % HistoryLength;
        _historySlot = older;
        _windowRun[current] = 0;

        var total = 0.0;
        foreach (var energy in _blockEnergy)
        {
            total += energy;
        }

        // Too quiet to hold two tones at the minimum level: skip the transform (silence between keys, pauses in speech).
        if (total / WindowSize < MinimumTonePower)
        {
            _windowRe[current] = Vector256<float>.Zero;
            _windowIm[current] = Vector256<float>.Zero;
            Miss();
            return;
        }

        // The window's transform, phase-referenced to its first sample: sum the blocks, oldest first, each turned by its offset.
        var re = Vector256<float>.Zero;
        var im = Vector256<float>.Zero;
        for (var k = 0; k < BlocksPerWindow; k++)
        {
            var slot = _blockSlot + k < BlocksPerWindow ? _blockSlot + k : _blockSlot + k - BlocksPerWindow;
            re = Vector256.FusedMultiplyAdd(_blockRe[slot], ShiftCosines[k], Vector256.FusedMultiplyAdd(-_blockIm[slot], ShiftSines[k], re));
            im = Vector256.FusedMultiplyAdd(_blockRe[slot], ShiftSines[k], Vector256.FusedMultiplyAdd(_blockIm[slot], ShiftCosines[k], im));
        }

        _windowRe[current] = re;
        _windowIm[current] = im;
        var digit = Hit(re, im, _windowRe[previous], _windowIm[previous], total / WindowSize);
        if (digit < 0)
        {
            Miss();
            return;
        }

        if (_run is not null && _run.Digit != digit)
        {
            Miss();
            if (_run is not null)
            {
                return;
            }
        }

        var end = _hops * BlockSize;
        if (_run is null)
        {
            _run = new Run(digit, ++_runId, end);
        }

        var run = _run;
        run.Hits++;
        run.Misses = 0;
        run.LastHitEnd = end;
        _windowRun[current] = run.Id;
        Span<int> tones = [digit / 4, 4 + (digit % 4)];
        for (var t = 0; t < 2; t++)
        {
            var f = tones[t];
            if (_windowRun[previous] == run.Id)
            {
                run.Short[t] += PhaseAdvance(f, re, im, _windowRe[previous], _windowIm[previous], ShortRotations);
                run.ShortPairs += t;
            }

            if (_windowRun[older] == run.Id)
            {
                run.Long[t] += PhaseAdvance(f, re, im, _windowRe[older], _windowIm[older], LongRotations);
            }
        }

        if (!run.Reported && !run.Refused && run.Hits >= MinimumHits)
        {
            var row = Omegas[tones[0]] + Offset(run.Short[0], run.Long[0]);
            var column = Omegas[tones[1]] + Offset(run.Short[1], run.Long[1]);
            if (run.ShortPairs >= MinimumPhasePairs
                && Math.Abs(row - Omegas[tones[0]]) <= MaximumDeviation * Omegas[tones[0]]
                && Math.Abs(column - Omegas[tones[1]]) <= MaximumDeviation * Omegas[tones[1]]
                && Math.Abs((column / row) - 2) > OctaveTolerance)
            {
                run.Reported = true;
                _report(new DtmfTone(DtmfDigits.Keypad[digit], DtmfEventKind.Started, Time(run.FirstHitEnd - CoverageForHit), TimeSpan.Zero));
            }
            else
            {
                run.Refused = true;
            }
        }
    }

    // The key whose row and column tones dominate this window, or -1. Tones right on frequency pass on their raw
    // power; only when that falls short, but could pass with the largest correction, is the offset worked out.
    private static int Hit(Vector256<float> re, Vector256<float> im, Vector256<float> previousRe, Vector256<float> previousIm, double totalPower)
    {
        Span<float> power = stackalloc float[8];
        ((re * re) + (im * im)).CopyTo(power);
        var row = 0;
        var column = 4;
        for (var f = 1; f < 4; f++)
        {
            row = power[f] > power[row] ? f : row;
            column = power[f + 4] > power[column] ? f + 4 : column;
        }

        const double Scale = 2.0 / ((double)WindowSize * WindowSize);
        double rowPower = power[row] * Scale, columnPower = power[column] * Scale;
        if (IsKey(rowPower, columnPower, totalPower))
        {
            return (row * 4) + (column - 4);
        }

        if (!IsKey(rowPower / MaximumCorrection, columnPower / MaximumCorrection, totalPower * (2 - MaximumCorrection)))
        {
            return -1;
        }

        rowPower /= Correction(row, re, im, previousRe, previousIm);
        columnPower /= Correction(column, re, im, previousRe, previousIm);
        return IsKey(rowPower, columnPower, totalPower) ? (row * 4) + (column - 4) : -1;
    }

    private static bool IsKey(double rowPower, double columnPower, double totalPower) =>
        rowPower >= MinimumTonePower && columnPower >= MinimumTonePower
        && rowPower <= columnPower * NormalTwist && columnPower <= rowPower * ReverseTwist
        && rowPower + columnPower >= MinimumPurity * totalPower;

    // The share of a tone's power the window keeps when the tone is off its nominal frequency (by the phase advance since the last window), at least MaximumCorrection.
    private static double Correction(int f, Vector256<float> re, Vector256<float> im, Vector256<float> previousRe, Vector256<float> previousIm)
    {
        var advance = PhaseAdvance(f, re, im, previousRe, previousIm, ShortRotations);
        if (advance == Complex.Zero)
        {
            return 1;
        }

        // The window's response to an offset is sin(x)/x with x = offset·W/2 (W·sin(offset/2) ≈ W·offset/2 for offsets this
        // small). Below a gain² of 0.5 (x > 1.4) the cap applies, so a short series is exact enough where it matters.
        var x = MathF.Atan2((float)advance.Imaginary, (float)advance.Real) * WindowSize / (2 * BlockSize);
        if (Math.Abs(x) > 1.4)
        {
            return MaximumCorrection;
        }

        var x2 = x * x;
        var gain = 1 - (x2 / 6 * (1 - (x2 / 20 * (1 - (x2 / 42)))));
        return Math.Max(gain * gain, MaximumCorrection);
    }

    // How far tone f's phase moved between two windows `distance` samples apart, beyond its nominal frequency.
    private static Complex PhaseAdvance(int f, Vector256<float> re, Vector256<float> im, Vector256<float> earlierRe, Vector256<float> earlierIm, Complex[] rotations)
    {
        var now = new Complex(re[f], im[f]);
        var then = new Complex(earlierRe[f], earlierIm[f]);
        return now * Complex.Conjugate(then) * rotations[f];
    }

    // A tone's offset from its nominal frequency (radians per sample) over the run: the window-length baseline is
    // precise but ambiguous by one bin width; the block-length one, coarse but unambiguous, settles which.
    private static double Offset(Complex shortAdvance, Complex longAdvance)
    {
        var coarse = Math.Atan2(shortAdvance.Imaginary, shortAdvance.Real) / BlockSize;
        if (longAdvance == Complex.Zero)
        {
            return coarse;
        }

        var fine = Math.Atan2(longAdvance.Imaginary, longAdvance.Real) / WindowSize;
        var turn = 2 * Math.PI / WindowSize;
        return fine + (Math.Round((coarse - fine) / turn) * turn);
    }

    private void Miss()
    {
        if (_run is not null && ++_run.Misses > MaximumBridgedMisses)
        {
            CloseRun();
        }
    }

    private void CloseRun()
    {
        if (_run is { Reported: true } run)
        {
            var start = run.FirstHitEnd - CoverageForHit;
            var end = run.LastHitEnd - WindowSize + CoverageForHit;
            _report(new DtmfTone(DtmfDigits.Keypad[run.Digit], DtmfEventKind.Ended, Time(start), Time(end - start)));
        }

        _run = null;
    }

    private static TimeSpan Time(long samples) => TimeSpan.FromMilliseconds(Math.Max(0, samples) * 1000.0 / SampleRate);

    private static Vector256<float>[] Table(Func<int, IEnumerable<double>> row, int length = BlockSize) =>
        [.. Enumerable.Range(0, length).Select(i => Vector256.Create([.. row(i).Select(v => (float)v)]))];

    private sealed class Run(int digit, int id, long firstHitEnd)
    {
        public int Digit { get; } = digit;

        public int Id { get; } = id;

        public long FirstHitEnd { get; } = firstHitEnd;

        public long LastHitEnd { get; set; }

        public int Hits { get; set; }

        public int Misses { get; set; }

        public bool Reported { get; set; }

        public bool Refused { get; set; }

        public int ShortPairs { get; set; }

        public Complex[] Short { get; } = new Complex[2];

        public Complex[] Long { get; } = new Complex[2];
    }
}
