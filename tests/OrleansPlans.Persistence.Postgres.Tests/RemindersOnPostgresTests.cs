using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.TestingHost;
using OrleansPlans.Persistence.Postgres.Tests.Grains;

namespace OrleansPlans.Persistence.Postgres.Tests;

[Collection(OrleansOnPostgresCollection.Name)]
public sealed class RemindersOnPostgresTests(OrleansOnPostgresFixture fixture)
{
    private TestCluster Cluster => fixture.Cluster;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IReminderTable Table => fixture.SiloServices.GetRequiredService<IReminderTable>();

    [Fact]
    public async Task a_reminder_registers_is_read_back_and_unregisters()
    {
        var grain = Cluster.GrainFactory.GetGrain<ICounterGrain>("reminded-" + Guid.NewGuid());

        await grain.RegisterReminderAsync("tick", TimeSpan.FromMinutes(5));

        Assert.True(await grain.HasReminderAsync("tick"));
        Assert.Equal(300_000L, await ReminderPeriodAsync(grain.GetGrainId(), "tick"));

        await grain.UnregisterReminderAsync("tick");

        Assert.False(await grain.HasReminderAsync("tick"));
        Assert.Null(await ReminderPeriodAsync(grain.GetGrainId(), "tick"));
    }

    [Fact]
    public async Task upserts_bump_the_etag_and_a_delete_with_a_stale_etag_is_refused()
    {
        var grainId = GrainId.Create("reminder-etag", Guid.NewGuid().ToString("N"));
        var start = new DateTime(2026, 3, 1, 9, 30, 0, DateTimeKind.Utc);
        var first = await Table.UpsertRow(new ReminderEntry { GrainId = grainId, ReminderName = "r", StartAt = start, Period = TimeSpan.FromMinutes(1) }, Ct);
        var second = await Table.UpsertRow(new ReminderEntry { GrainId = grainId, ReminderName = "r", StartAt = start, Period = TimeSpan.FromDays(30) }, Ct);

        var read = await Table.ReadRow(grainId, "r", Ct);

        Assert.NotEqual(first, second);
        Assert.Equal((start, TimeSpan.FromDays(30), second), (read!.StartAt, read.Period, read.ETag));
        Assert.False(await Table.RemoveRow(grainId, "r", first!, Ct));
        Assert.True(await Table.RemoveRow(grainId, "r", second!, Ct));
        Assert.Null(await Table.ReadRow(grainId, "r", Ct));
    }

    [Fact]
    public async Task range_reads_follow_the_hash_ring_including_ranges_that_wrap()
    {
        var type = "reminder-ring-" + Guid.NewGuid().ToString("N");
        var grains = Enumerable.Range(0, 8).Select(i => GrainId.Create(type, i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        foreach (var grain in grains)
        {
            await Table.UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = "ring", StartAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), Period = TimeSpan.FromMinutes(1) }, Ct);
        }

        uint[] hashes = [.. grains.Select(g => g.GetUniformHashCode()), 0u, uint.MaxValue, int.MaxValue, (uint)int.MaxValue + 1];
        foreach (var begin in hashes)
        {
            foreach (var end in hashes)
            {
                var expected = grains.Where(g => InRange(g.GetUniformHashCode(), begin, end)).Select(g => g.ToString()).Order(StringComparer.Ordinal);
                var actual = (await Table.ReadRows(begin, end, Ct)).Reminders.Where(r => r.GrainId.Type.ToString() == type).Select(r => r.GrainId.ToString()).Order(StringComparer.Ordinal);
                Assert.True(expected.SequenceEqual(actual), $"range ({begin}, {end}]: expected [{string.Join(", ", expected)}], got [{string.Join(", ", actual)}]");
            }
        }

        Assert.Equal(grains.Length, (await Task.WhenAll(grains.Select(g => Table.ReadRows(g, Ct)))).Sum(d => d.Reminders.Count));
    }

    // The ring range (begin, end] of the reminder service; begin >= end wraps past uint.MaxValue.
    private static bool InRange(uint hash, uint begin, uint end) =>
        begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;

    private async Task<long?> ReminderPeriodAsync(GrainId grainId, string name)
    {
        await using var command = fixture.Database.CreateCommand("select period_ms from orleans_reminder where service_id = $1 and grain_id = $2 and reminder_name = $3");
        command.Parameters.Add(new NpgsqlParameter { Value = Cluster.Options.ServiceId });
        command.Parameters.Add(new NpgsqlParameter { Value = grainId.ToString() });
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        return (long?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }
}
