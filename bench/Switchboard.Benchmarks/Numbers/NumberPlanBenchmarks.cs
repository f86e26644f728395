using BenchmarkDotNet.Attributes;
using Switchboard.Numbers;

namespace Switchboard.Benchmarks.Numbers;

/// <summary>
/// Parse + classify over the oracle corpus (tests/oracles/numbers-oracle.mjs), the same inputs libphonenumber-js is
/// timed on by bench/numbers/run.sh. Each operation is one input; results are per input.
/// </summary>
[MemoryDiagnoser]
public class NumberPlanBenchmarks
{
    /// <summary>Inputs in the corpus numbers-oracle.mjs writes.</summary>
    private const int CorpusSize = 260_000;

    /// <summary>Valid E.164 inputs taken, evenly spread, from the corpus for the E.164-only benchmarks.</summary>
    private const int E164Sample = 20_000;

    private readonly NumberPlan _plan = NumberPlan.Default;
    private string[] _inputs = [];
    private string[] _regions = [];
    private string[] _e164 = [];
    private string[] _e164Regions = [];

    [GlobalSetup]
    public void LoadCorpus()
    {
        var path = Environment.GetEnvironmentVariable("SWITCHBOARD_NUMBERS_CORPUS");
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            throw new InvalidOperationException("Set SWITCHBOARD_NUMBERS_CORPUS to a corpus file: run bench/numbers/run.sh.");
        }

        var lines = File.ReadAllLines(path).Select(l => l.Split('\t')).ToArray();
        if (lines.Length != CorpusSize)
        {
            throw new InvalidOperationException($"The corpus has {lines.Length} inputs, not {CorpusSize}: regenerate it with bench/numbers/run.sh.");
        }

        _regions = [.. lines.Select(l => l[0])];
        _inputs = [.. lines.Select(l => l[1])];
        var allE164 = lines.Where(l => l[1].StartsWith('+') && l[1].AsSpan(1).IndexOfAnyExceptInRange('0', '9') < 0 && l[2] == "1").ToArray();
        var e164 = Enumerable.Range(0, E164Sample).Select(i => allE164[(int)((long)i * allE164.Length / E164Sample)]).ToArray();
        _e164 = [.. e164.Select(l => l[1])];
        _e164Regions = [.. e164.Select(l => l[0])];

        // Compile every region's patterns before measuring, as a long-running server would have.
        ReadCorpus();
        ClassifyCorpus();
    }

    /// <summary>What a flow does with a caller ID: <see cref="NumberPlan.Read"/> (parse, validate, type, E.164 text).</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = CorpusSize)]
    public int ReadCorpus()
    {
        var valid = 0;
        for (var i = 0; i < _inputs.Length; i++)
        {
            if (_plan.Read(_inputs[i], _regions[i]).Number is { IsValid: true })
            {
                valid++;
            }
        }

        return valid;
    }

    /// <summary>The allocation-free path: <see cref="NumberPlan.Classify"/> over the whole corpus.</summary>
    [Benchmark(OperationsPerInvoke = CorpusSize)]
    public int ClassifyCorpus()
    {
        var valid = 0;
        for (var i = 0; i < _inputs.Length; i++)
        {
            if (_plan.Classify(_inputs[i], _regions[i]).IsValid)
            {
                valid++;
            }
        }

        return valid;
    }

    /// <summary>Valid E.164 strings only, through <see cref="NumberPlan.Classify"/>: must allocate nothing.</summary>
    [Benchmark(OperationsPerInvoke = E164Sample)]
    public int ClassifyE164()
    {
        var valid = 0;
        for (var i = 0; i < _e164.Length; i++)
        {
            if (_plan.Classify(_e164[i], _e164Regions[i]).IsValid)
            {
                valid++;
            }
        }

        return valid;
    }

    /// <summary>Valid E.164 strings only, through <see cref="NumberPlan.Read"/>: allocates the result only.</summary>
    [Benchmark(OperationsPerInvoke = E164Sample)]
    public int ReadE164()
    {
        var valid = 0;
        for (var i = 0; i < _e164.Length; i++)
        {
            if (_plan.Read(_e164[i], _e164Regions[i]).Number is { IsValid: true })
            {
                valid++;
            }
        }

        return valid;
    }
}
