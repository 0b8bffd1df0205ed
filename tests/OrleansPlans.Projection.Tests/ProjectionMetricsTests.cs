using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using OrleansPlans.Domain.Rows;
using OrleansPlans.Projection.Kafka;
using OrleansPlans.Projection.Kafka.Diagnostics;

namespace OrleansPlans.Projection.Tests;

/// <summary>The projector's meter counts acknowledged rows per table and kind, and records flush latency.</summary>
public sealed class ProjectionMetricsTests(DevBrokerFixture broker)
{
    [Fact]
    public async Task acknowledged_rows_are_counted_per_table_and_kind_and_flush_latency_is_recorded()
    {
        var rows = new ConcurrentDictionary<string, long>();
        var latencies = new ConcurrentBag<double>();
        using var listener = new MeterListener
        {
            // Tests run one at a time (AssemblyInfo), so this test's sink is the only one producing.
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == ProjectionMetrics.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (instrument.Name == "orleansplans.projection.rows")
            {
                var table = tags.ToArray().Single(t => t.Key == "table").Value;
                var kind = tags.ToArray().Single(t => t.Key == "kind").Value;
                rows.AddOrUpdate($"{table}/{kind}", value, (_, total) => total + value);
            }
        });
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
        {
            if (instrument.Name == "orleansplans.projection.flush.latency")
            {
                latencies.Add(value);
            }
        });
        listener.Start();

        var member = new PlanMemberRow("plan-1", "user-1", new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc));
        var plan = new PlanRow("plan-1", PlanRow.Active, null, 1);
        await using (var sink = new KafkaRowSink(broker.ProjectionOptions(broker.CreateOutputTopics())))
        {
            await sink.PublishAsync([new RowChange(member.Table, member.Key, member), new RowChange(plan.Table, plan.Key, plan)]);
            await sink.PublishAsync([new RowChange(member.Table, member.Key, null)]);
        }

        Assert.Equal(1, rows.GetValueOrDefault("plan_members/upsert"));
        Assert.Equal(1, rows.GetValueOrDefault("plan_members/tombstone"));
        Assert.Equal(1, rows.GetValueOrDefault("plans/upsert"));
        Assert.NotEmpty(latencies);
        Assert.All(latencies, l => Assert.True(l >= 0));
    }
}
