using OrleansPlans.Benchmarks.Pipeline;

namespace OrleansPlans.Benchmarks.Tests;

public sealed class SlowRecordSpansTests
{
    [Fact]
    public void slow_records_produced_close_together_form_one_span_and_the_slowest_spans_are_named()
    {
        double[] producedAt = [0, 100, 1000, 1100, 1200, 5000, 9000];
        double[] latencies = [900, 20, 600, 700, 300, 20, 800];

        var spans = SlowRecordSpans.Describe(producedAt, latencies, thresholdMs: 250, spans: 2);

        // Three spans: 0.0 s (max 900), 1.0–1.2 s (3 records, max 700) and 9.0 s (max 800); the two slowest are named, in time order.
        Assert.Equal("5 over 250 ms in 3 spans of produce time, slowest: 0.0–0.0 s (1, max 900 ms), 9.0–9.0 s (1, max 800 ms)", spans);
    }

    [Fact]
    public void a_run_without_slow_records_says_so()
    {
        Assert.Equal("none over 250 ms", SlowRecordSpans.Describe([0, 10], [5, 6], thresholdMs: 250));
    }
}
