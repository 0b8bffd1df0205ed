using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrleansPlans.Domain.Events;
using OrleansPlans.Domain.Rows;
using OrleansPlans.Grains.Projection;
using OrleansPlans.Projection.Kafka;

namespace OrleansPlans.Projection.Tests;

/// <summary>The projector against the dev broker: topics, keys, exact values, tombstones, coalescing.</summary>
public sealed class KafkaRowSinkTests(DevBrokerFixture broker)
{
    private static readonly TimeSpan ReadDeadline = TimeSpan.FromSeconds(30);
    private static readonly DateTime Hour = new(2026, 3, 1, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task rows_appear_on_their_table_topics_keyed_by_primary_key_with_the_exact_json_value()
    {
        var topics = broker.CreateOutputTopics();
        OutputRow[] rows =
        [
            new PlanUsageHourlyRow("plan-42", Hour, 300, 1),
            new PlanUsageDailyRow("plan-42", new DateOnly(2026, 3, 1), 300, 1, 1),
            new PlanContentUsageRow("plan-42", "course-csharp-1", 300, 1),
            new PlanMemberRow("plan-42", "user-7", Hour.AddMinutes(-30)),
            new PlanRow("plan-42", PlanRow.Active, null, 1),
            new UnattributedUsageDailyRow(new DateOnly(2026, 3, 2), 60, 2),
            new DeadLetterRow(new SourcePosition("content-usage", 3, 17), "not JSON", [0x7B, 0x00], new DateTimeOffset(Hour)),
        ];

        await using (var sink = new KafkaRowSink(broker.ProjectionOptions(topics)))
        {
            await sink.PublishAsync(rows.Select(r => new RowChange(r.Table, r.Key, r)).ToList());
        }

        foreach (var row in rows)
        {
            var record = Assert.Single(TopicReader.ReadAll(broker.BootstrapServers, topics[row.Table], ReadDeadline));
            Assert.Equal(row.Key, record.Message.Key);
            Assert.Equal(RowJson.ToText(row), Encoding.UTF8.GetString(record.Message.Value));
        }

        var hourly = TopicReader.ReadAll(broker.BootstrapServers, topics[OutputTables.PlanUsageHourly], ReadDeadline).Single();
        Assert.Equal("plan-42|2026-03-01T10:00:00Z", hourly.Message.Key);
        Assert.Equal("""{"plan_id":"plan-42","hour_start":"2026-03-01T10:00:00Z","seconds":300,"events":1}""", Encoding.UTF8.GetString(hourly.Message.Value));
        var deadLetter = TopicReader.ReadAll(broker.BootstrapServers, topics[OutputTables.DeadLetters], ReadDeadline).Single();
        Assert.Equal("content-usage|3|17", deadLetter.Message.Key);
    }

    [Fact]
    public async Task a_deleted_row_is_published_as_a_tombstone_after_its_last_value()
    {
        var topics = broker.CreateOutputTopics();
        var row = new PlanContentUsageRow("plan-1", "course-1", 10, 1);
        await using (var sink = new KafkaRowSink(broker.ProjectionOptions(topics)))
        {
            await sink.PublishAsync([new RowChange(row.Table, row.Key, row)]);
            await sink.PublishAsync([new RowChange(row.Table, row.Key, null)]);
        }

        var records = TopicReader.ReadAll(broker.BootstrapServers, topics[OutputTables.PlanContentUsage], ReadDeadline);
        Assert.Equal(2, records.Count);
        Assert.All(records, r => Assert.Equal("plan-1|course-1", r.Message.Key));
        Assert.Equal(RowJson.ToText(row), Encoding.UTF8.GetString(records[0].Message.Value));
        Assert.Null(records[1].Message.Value);
    }

    [Fact]
    public async Task a_thousand_updates_of_one_key_within_a_flush_interval_become_a_few_records_and_the_last_wins()
    {
        var topics = broker.CreateOutputTopics();
        var rows = Enumerable.Range(1, 1000).Select(i => new PlanUsageDailyRow("plan-9", new DateOnly(2026, 3, 1), i * 10, i, 1)).ToList();
        await using (var sink = new KafkaRowSink(broker.ProjectionOptions(topics, TimeSpan.FromSeconds(2))))
        {
            // Not awaited one by one: every update lands in the same 2-second flush interval (at most one tick can split them).
            var acknowledgements = rows.Select(r => sink.PublishAsync([new RowChange(r.Table, r.Key, r)])).ToList();
            await Task.WhenAll(acknowledgements);
        }

        var records = TopicReader.ReadAll(broker.BootstrapServers, topics[OutputTables.PlanUsageDaily], ReadDeadline);
        Assert.InRange(records.Count, 1, 2);
        Assert.Equal(RowJson.ToText(rows[^1]), Encoding.UTF8.GetString(records[^1].Message.Value));
    }

    [Fact]
    public async Task concurrent_publishers_of_many_keys_each_see_their_latest_row_on_the_topic()
    {
        var topics = broker.CreateOutputTopics();
        var publishers = Enumerable.Range(0, 16).Select(p => RowGenerator.Changes(seed: 100 + p, count: 300, row => Rekeyed(row, p))).ToList();
        await using (var sink = new KafkaRowSink(broker.ProjectionOptions(topics, TimeSpan.FromMilliseconds(20))))
        {
            await Task.WhenAll(publishers.Select(changes => Task.Run(async () =>
            {
                foreach (var chunk in changes.Chunk(10))
                {
                    await sink.PublishAsync(chunk);
                }
            })));
        }

        var expected = publishers.SelectMany(c => c).GroupBy(c => (c.Table, c.Key))
            .Select(g => g.Last()).Where(c => c.Row is not null).Select(c => TableReader.Describe(c.Row!)).Order().ToList();
        var onTopics = OutputTables.All.SelectMany(t => TopicReader.ReadAll(broker.BootstrapServers, topics[t], ReadDeadline)
                .GroupBy(r => r.Message.Key).Select(g => (Table: t, Last: g.Last())))
            .Where(x => x.Last.Message.Value is not null)
            .Select(x => $"{x.Table}|{x.Last.Message.Key}|{Encoding.UTF8.GetString(x.Last.Message.Value)}").Order().ToList();
        Assert.Equal(expected, onTopics);
    }

    [Fact]
    public async Task publishing_after_dispose_is_refused()
    {
        var sink = new KafkaRowSink(broker.ProjectionOptions(broker.CreateOutputTopics()));
        await sink.DisposeAsync();
        var row = new UnattributedUsageDailyRow(new DateOnly(2026, 3, 1), 1, 1);
        Assert.Throws<ObjectDisposedException>(() => { _ = sink.PublishAsync([new RowChange(row.Table, row.Key, row)]); });
    }

    [Fact]
    public void invalid_options_are_refused_with_every_problem_naming_its_option()
    {
        var options = new KafkaProjectionOptions { FlushInterval = TimeSpan.Zero };
        options.Topics[OutputTables.Plans] = "";
        options.Topics["no_such_table"] = "x";
        options.ClientConfig["acks"] = "1";

        var error = Assert.Throws<OptionsValidationException>(() => new KafkaRowSink(options));

        Assert.Contains(error.Failures, f => f.Contains("KafkaProjectionOptions.BootstrapServers", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("KafkaProjectionOptions.FlushInterval", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("KafkaProjectionOptions.Topics[\"plans\"]", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("KafkaProjectionOptions.Topics[\"no_such_table\"]", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("KafkaProjectionOptions.ClientConfig[\"acks\"]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddKafkaProjection_replaces_the_row_sink_registered_before_it()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IRowSink, InMemoryRowStore>();
        services.AddKafkaProjection(o => o.BootstrapServers = broker.BootstrapServers);
        await using var provider = services.BuildServiceProvider();

        Assert.IsType<KafkaRowSink>(provider.GetRequiredService<IRowSink>());
        Assert.Same(provider.GetRequiredService<KafkaRowSink>(), provider.GetRequiredService<IRowSink>());
    }

    // Gives each publisher its own plans so that no two publishers race on one key (grains never do).
    private static OutputRow Rekeyed(OutputRow row, int publisher)
    {
        return row switch
        {
            PlanUsageHourlyRow r => r with { PlanId = $"{r.PlanId}-{publisher}" },
            PlanUsageDailyRow r => r with { PlanId = $"{r.PlanId}-{publisher}" },
            PlanUsageMonthlyRow r => r with { PlanId = $"{r.PlanId}-{publisher}" },
            PlanContentUsageRow r => r with { PlanId = $"{r.PlanId}-{publisher}" },
            PlanMemberRow r => r with { PlanId = $"{r.PlanId}-{publisher}" },
            PlanRow r => r with { PlanId = $"{r.PlanId}-{publisher}" },
            UnattributedUsageDailyRow r => r with { Day = r.Day.AddDays(10 * publisher) },
            DeadLetterRow r => r with { Source = r.Source with { Partition = r.Source.Partition + (10 * publisher) } },
            _ => row,
        };
    }
}
