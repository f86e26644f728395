using System.Globalization;
using BenchmarkDotNet.Running;
using Switchboard.Benchmarks.Clock;
using Switchboard.Benchmarks.Dtmf;
using Switchboard.Media.Clock;

// Run one group with --filter, e.g. `dotnet run -c Release --project bench/Switchboard.Benchmarks -- --filter '*Numbers*'`.
// `-- media-clock CALLS SECONDS [realtime|high|normal]` runs the media-clock load test (docs/benchmarks.md).
// `-- dtmf-table` prints the in-band DTMF suite through Switchboard and spandsp side by side (docs/benchmarks.md).
if (args is ["dtmf-table"])
{
    DtmfComparison.Print(Console.Out);
    return;
}

if (args is ["media-clock", var calls, var seconds, .. var rest] && rest.Length <= 1)
{
    var priority = rest is [var named] ? Enum.Parse<ClockPriority>(named, ignoreCase: true) : ClockPriority.Realtime;
    MediaClockLoad.Run(int.Parse(calls, CultureInfo.InvariantCulture), int.Parse(seconds, CultureInfo.InvariantCulture), priority, Console.Out);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
