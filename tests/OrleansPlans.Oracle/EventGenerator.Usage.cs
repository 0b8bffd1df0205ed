using System.Text;
using System.Text.Json.Nodes;

namespace OrleansPlans.Oracle;

/// <summary>Usage: random times, plus instants exactly on membership boundaries and zero-length intervals.</summary>
public sealed partial class EventGenerator
{
    private void AddUsage()
    {
        var users = Enumerable.Range(0, options.Users).Select(UserId).ToList();
        for (var n = 0; n < options.UsageEvents; n++)
        {
            var user = Pick(users);
            var roll = rng.NextDouble();
            var t = roll < 0.06 && userMembershipInstants.TryGetValue(user, out var instants) && instants.Count > 0
                ? Pick(instants)
                : roll < 0.12 && zeroLengthInstants.TryGetValue(user, out var zero)
                    ? Pick(zero)
                    : RandomInstant(options.StartUtc, End);
            var secondsRoll = rng.NextDouble();
            long seconds = secondsRoll < 0.01 ? 1 : secondsRoll < 0.02 ? 86400 : rng.Next(1, 3601);
            var body = new JsonObject
            {
                ["eventId"] = NextId("u-"),
                ["userId"] = user,
                ["contentId"] = ContentId(rng.Next(60)),
                ["seconds"] = seconds,
                ["occurredAt"] = Stamp(t),
            };
            AddUnknownFields(body);
            if (rng.NextDouble() < 0.01)
            {
                EmitEscaped(body, user, t);
            }
            else
            {
                EmitValid(Topics.Usage, KeyFor(user), body, t);
            }
        }
    }

    /// <summary>A valid record whose userId is spelled with a JSON \u escape: equal after decoding, not in bytes.</summary>
    private void EmitEscaped(JsonObject body, string user, DateTime t)
    {
        var json = body.ToJsonString(RelaxedJson);
        var escaped = json.Replace(
            $"\"userId\":\"{user}\"",
            $"\"userId\":\"\\u{(int)user[0]:x4}{user[1..]}\"",
            StringComparison.Ordinal);
        Emit(Topics.Usage, user, Encoding.UTF8.GetBytes(escaped), t + TimeSpan.FromSeconds(rng.Next(0, 600)), body, null);
    }
}
