using OrleansPlans.Benchmarks;

var settings = BenchmarkSettings.Parse(args);
if (settings is null)
{
    Console.Error.WriteLine(BenchmarkSettings.Usage);
    return 2;
}

await BenchmarkHarness.RunAsync(settings, Console.Out, CancellationToken.None);
return 0;
