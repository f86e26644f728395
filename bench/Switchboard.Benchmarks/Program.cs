using BenchmarkDotNet.Running;
using Switchboard.Benchmarks.Dtmf;

// Run one group with --filter, e.g. `dotnet run -c Release --project bench/Switchboard.Benchmarks -- --filter '*Numbers*'`.
// `-- dtmf-table` prints the in-band DTMF suite through Switchboard and spandsp side by side (docs/benchmarks.md).
if (args is ["dtmf-table"])
{
    DtmfComparison.Print(Console.Out);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
