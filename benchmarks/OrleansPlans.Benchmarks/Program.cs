using OrleansPlans.Benchmarks;
using OrleansPlans.Benchmarks.Micro;

if (args.Length > 0 && args[0] == "--micro")
{
    MicroBenchmarks.Run(args[1..]);
    return 0;
}

var settings = BenchmarkSettings.Parse(args);
if (settings is null)
{
    Console.Error.WriteLine(BenchmarkSettings.Usage);
    return 2;
}

await BenchmarkHarness.RunAsync(settings, Console.Out, CancellationToken.None);
return 0;
