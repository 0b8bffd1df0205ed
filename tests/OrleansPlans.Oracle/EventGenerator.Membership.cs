using System.Text.Json.Nodes;

namespace OrleansPlans.Oracle;

/// <summary>Membership timelines: several plans per user, ineffective removals, re-adds, ties, zero-length intervals.</summary>
public sealed partial class EventGenerator
{
    private readonly Dictionary<string, List<DateTime>> userMembershipInstants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<DateTime>> zeroLengthInstants = new(StringComparer.Ordinal);

    private void AddMemberships()
    {
        var members = Enumerable.Range(0, options.Users).Where(i => i % 10 != 9).ToList(); // every 10th user: never a member
        var perUser = Math.Max(2, options.MembershipEvents / Math.Max(1, members.Count));
        foreach (var i in members)
        {
            var user = UserId(i);
            userMembershipInstants[user] = [];
            var favorites = Enumerable.Range(0, rng.Next(2, 5)).Select(_ => PlanId(rng.Next(options.Plans))).Distinct().ToList();

            // Memberships start up to 3 days in, so earlier usage is unattributed.
            var firstAt = options.StartUtc + TimeSpan.FromHours(rng.Next(0, 72));
            var count = Math.Max(2, perUser + rng.Next(-perUser / 2, perUser / 2 + 1));
            string? current = null;
            foreach (var t in Enumerable.Range(0, count).Select(_ => RandomInstant(firstAt, End)).Order())
            {
                var roll = rng.NextDouble();
                if (roll < 0.55 || current is null && roll < 0.75)
                {
                    current = Pick(favorites);
                    Membership(user, "member_added", current, t);
                }
                else if (roll < 0.75)
                {
                    Membership(user, "member_removed", current!, t);
                    current = null;
                }
                else if (roll < 0.87)
                {
                    // Names a plan the user is (most likely) not in: no effect.
                    Membership(user, "member_removed", PlanId(rng.Next(options.Plans)), t);
                }
                else
                {
                    Membership(user, "member_added", current ?? Pick(favorites), t);
                }
            }

            if (rng.NextDouble() < 0.15)
            {
                AddTie(user, Pick(favorites), RandomInstant(firstAt, End));
            }

            if (rng.NextDouble() < 0.12)
            {
                AddZeroLength(user, favorites, RandomInstant(firstAt, End));
            }
        }
    }

    /// <summary>
    /// An added/removed pair for one plan at one instant whose order is decided by ordinal eventId only:
    /// 'M' (77) sorts before 'm' (109) and '-' (45) before '_' (95), unlike culture-aware comparison.
    /// </summary>
    private void AddTie(string user, string plan, DateTime t)
    {
        var n = NextId("");
        if (rng.NextDouble() < 0.5)
        {
            Membership(user, "member_removed", plan, t, "m-" + n);
            Membership(user, "member_added", plan, t, "M-" + n);
        }
        else
        {
            Membership(user, "member_added", plan, t, "m_" + n);
            Membership(user, "member_removed", plan, t, "m-" + n);
        }
    }

    /// <summary>Two adds at one instant: the first (lower eventId) plan gets a zero-length interval.</summary>
    private void AddZeroLength(string user, List<string> favorites, DateTime t)
    {
        var first = Pick(favorites);
        var second = favorites.FirstOrDefault(p => p != first) ?? PlanId(rng.Next(options.Plans));
        var n = NextId("");
        Membership(user, "member_added", second, t, "m:" + n + "b");
        Membership(user, "member_added", first, t, "m:" + n + "a");
        zeroLengthInstants.TryAdd(user, []);
        zeroLengthInstants[user].Add(t);
    }

    private void Membership(string user, string type, string plan, DateTime t, string? eventId = null)
    {
        var body = new JsonObject
        {
            ["eventId"] = eventId ?? NextId("m-"),
            ["type"] = type,
            ["planId"] = plan,
            ["userId"] = user,
            ["occurredAt"] = Stamp(t),
        };
        AddUnknownFields(body);
        userMembershipInstants[user].Add(t);
        EmitValid(Topics.Membership, KeyFor(user), body, t);
    }

    /// <summary>Forward compatibility: about 5% of valid records carry fields the contract does not name.</summary>
    private void AddUnknownFields(JsonObject body)
    {
        if (rng.NextDouble() < 0.05)
        {
            body["source"] = "crm";
            body["meta"] = new JsonObject { ["attempt"] = 2, ["tags"] = new JsonArray("a", "b"), ["note"] = null };
        }
    }
}
