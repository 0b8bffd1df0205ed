using OrleansPlans.Domain.Contract;
using OrleansPlans.Domain.Events;
using OrleansPlans.Domain.Tests.Support;
using OrleansPlans.Oracle;

namespace OrleansPlans.Domain.Tests.Simulation;

/// <summary>The input as the stream provider holds it: queues of records with offsets and checkpoints, streams in them.</summary>
internal sealed partial class FaultSimulation
{
    /// <summary>
    /// Decodes like the stream provider (bad records dead-lettered at once) and groups the rest into ordered streams:
    /// one per user (membership and usage, 1 to 4 records per delivery) and one for all merges.
    /// </summary>
    private void Streams(IReadOnlyList<RawRecord> records, Random batching)
    {
        var byName = new Dictionary<string, InputStream>(StringComparer.Ordinal);
        var open = new Dictionary<string, (List<MembershipEvent> Memberships, List<UsageEvent> Usages, int Room)>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            var position = new SourcePosition(record.Topic, record.Partition, record.Offset);
            var decoded = ContractCodec.Decode(OracleBridge.TopicOf(record.Topic), record.Key, record.Value);
            if (!decoded.IsValid)
            {
                _cluster.DeadLetter(position, decoded.Error, record.Value);
                continue;
            }

            switch (decoded.Value)
            {
                case MergeEvent merge:
                    var request = new MergeRequest(merge, position, record.Value);
                    Add(Stream("merges", null), () => _cluster.DeliverMerge(request), _cluster.CrashCoordinator);
                    break;
                case MembershipEvent membership:
                    Batch(membership.UserId).Memberships.Add(membership);
                    break;
                case UsageEvent usage:
                    Batch(usage.UserId).Usages.Add(usage);
                    break;
            }
        }

        // A delivery takes the next offset of its stream's queue (a batch of a few records counts as one here).
        void Add(InputStream stream, Func<Task> run, Action crash) =>
            stream.Records.Add(new QueuedRecord(_queues[stream.Queue].Next++, run, crash));

        InputStream Stream(string name, string? userId)
        {
            if (!byName.TryGetValue(name, out var stream))
            {
                // A stable spread over the queues (string.GetHashCode is randomized per process).
                var queue = name == "merges" ? 0 : name.Sum(c => c) % Queues;
                byName[name] = stream = new InputStream(queue, userId);
                _streams.Add(stream);
            }

            return stream;
        }

        (List<MembershipEvent> Memberships, List<UsageEvent> Usages) Batch(string userId)
        {
            if (open.TryGetValue(userId, out var batch) && batch.Room > 0)
            {
                open[userId] = batch with { Room = batch.Room - 1 };
                return (batch.Memberships, batch.Usages);
            }

            batch = ([], [], batching.Next(4));
            open[userId] = batch;
            var (memberships, usages) = (batch.Memberships, batch.Usages);
            Add(Stream(userId, userId), () => _cluster.DeliverUserEvents(userId, memberships, usages), () => _cluster.CrashUser(userId));
            return (memberships, usages);
        }
    }

    private sealed class InputQueue
    {
        /// <summary>The silo whose pulling agent reads this queue.</summary>
        public int Silo { get; set; }

        /// <summary>The committed offset: a new agent starts reading here.</summary>
        public int Checkpoint { get; set; }

        /// <summary>The offset the next record added gets.</summary>
        public int Next { get; set; }
    }

    private sealed class InputStream(int queue, string? userId)
    {
        public int Queue => queue;

        public string? UserId => userId;

        /// <summary>This stream's deliveries, in offset order.</summary>
        public List<QueuedRecord> Records { get; } = [];

        /// <summary>The next delivery to start (those before it completed since the agent started reading).</summary>
        public int Next { get; set; }

        public Task? InFlight { get; set; }

        public int Attempts { get; set; }

        public bool Done => Next >= Records.Count && InFlight is null;
    }

    private sealed record QueuedRecord(int Offset, Func<Task> Run, Action Crash);
}
