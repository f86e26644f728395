using BenchmarkDotNet.Running;

// Run one group with --filter, e.g. `dotnet run -c Release --project bench/Switchboard.Benchmarks -- --filter '*Numbers*'`.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
