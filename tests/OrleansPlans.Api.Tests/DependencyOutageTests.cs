using System.Data.Common;
using Confluent.Kafka;
using OrleansPlans.Api.Diagnostics;

namespace OrleansPlans.Api.Tests;

/// <summary>An outage (503, retry later) is told from a bug (500) by what was thrown.</summary>
public sealed class DependencyOutageTests
{
    public static TheoryData<string, Exception, string?> Failures => new()
    {
        { "connection refused (transient)", new FakeDbException(transient: true, sqlState: null), "PostgreSQL" },
        { "server shutting down", new FakeDbException(transient: false, sqlState: "57P01"), "PostgreSQL" },
        { "too many clients", new FakeDbException(transient: false, sqlState: "53300"), "PostgreSQL" },
        { "connection failure", new FakeDbException(transient: false, sqlState: "08006"), "PostgreSQL" },
        { "unique violation: a bug", new FakeDbException(transient: false, sqlState: "23505"), null },
        { "broker down", new KafkaException(Confluent.Kafka.ErrorCode.Local_AllBrokersDown), "Kafka" },
        { "grain call timed out, wrapped", new AggregateException(new TimeoutException("no answer")), "The Orleans cluster" },
        { "storage failure inside a grain call", new InvalidOperationException("grain failed", new FakeDbException(transient: true, sqlState: null)), "PostgreSQL" },
        { "a bug", new InvalidOperationException("Sequence contains no elements"), null },
        { "a cancelled request", new OperationCanceledException(), null },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void the_system_that_did_not_answer_is_named_and_anything_else_is_no_outage(string failure, Exception error, string? system) =>
        Assert.True(DependencyOutage.Of(error) == system, $"{failure}: {DependencyOutage.Of(error) ?? "no outage"}, expected {system ?? "no outage"}");

    private sealed class FakeDbException(bool transient, string? sqlState) : DbException("database failure")
    {
        public override bool IsTransient => transient;

        public override string? SqlState => sqlState;
    }
}
