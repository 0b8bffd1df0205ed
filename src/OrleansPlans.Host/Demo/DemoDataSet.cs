using System.Globalization;
using System.Text;
using OrleansPlans.Domain.Events;

namespace OrleansPlans.Host.Demo;

/// <summary>
/// A small, believable data set: companies' plans, people joining and leaving, course usage over two weeks,
/// late and duplicated deliveries, two company merges (one chained), and a few malformed records.
/// Deterministic for a seed, so the printed tables are reproducible.
/// </summary>
public static class DemoDataSet
{
    private static readonly string[] Companies = ["acme", "globex", "initech", "umbrella", "hooli", "stark", "wayne", "wonka"];
    private static readonly string[] Courses = ["csharp-basics", "orleans-intro", "kafka-streams", "sql-for-analysts", "k8s-ops", "security-101"];

    /// <summary>Generates the data set; <paramref name="users"/> people spread over the companies.</summary>
    public static IReadOnlyList<DemoRecord> Generate(int users = 400, int usagePerUser = 25, int seed = 42)
    {
        var random = new Random(seed);
        var start = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
        var records = new List<DemoRecord>();
        for (var u = 0; u < users; u++)
        {
            var user = $"user-{u:D4}";
            var plan = $"plan-{Companies[u % Companies.Length]}";
            var joined = start.AddHours(random.Next(0, 72));
            records.Add(Membership($"m-{u}-1", "member_added", plan, user, joined));
            if (u % 10 == 0)
            {
                // Some people change company mid-way.
                var moved = joined.AddDays(random.Next(3, 8));
                records.Add(Membership($"m-{u}-2", "member_added", $"plan-{Companies[(u + 3) % Companies.Length]}", user, moved));
            }

            if (u % 17 == 0)
            {
                records.Add(Membership($"m-{u}-3", "member_removed", plan, user, joined.AddDays(10)));
            }

            for (var i = 0; i < usagePerUser; i++)
            {
                var at = start.AddMinutes(random.Next(-600, 14 * 24 * 60));
                records.Add(Usage($"u-{u}-{i}", user, Courses[random.Next(Courses.Length)], random.Next(60, 3600), at));
            }
        }

        // Deliveries arrive out of order, some twice.
        var shuffled = records.OrderBy(_ => random.Next()).ToList();
        shuffled.AddRange(shuffled.Where((_, i) => i % 50 == 0).ToList());

        // Initech is bought by Acme, then Acme by Globex: everything ends up under plan-globex.
        shuffled.Insert(shuffled.Count / 3, Merge("g-1", "plan-initech", "plan-acme"));
        shuffled.Insert(2 * shuffled.Count / 3, Merge("g-2", "plan-acme", "plan-globex"));
        shuffled.Add(Merge("g-3", "plan-globex", "plan-initech"));
        shuffled.Add(new DemoRecord(InputTopic.Usage, "user-0001", Encoding.UTF8.GetBytes("{\"eventId\":\"u-bad\",\"userId\":\"user-0001\",\"seconds\":\"ten\"}")));
        shuffled.Add(new DemoRecord(InputTopic.Membership, "user-0002", Encoding.UTF8.GetBytes("not json")));
        return shuffled;
    }

    private static DemoRecord Membership(string id, string type, string plan, string user, DateTimeOffset at) =>
        new(InputTopic.Membership, user, Json($$"""{"eventId":"{{id}}","type":"{{type}}","planId":"{{plan}}","userId":"{{user}}","occurredAt":"{{Time(at)}}"}"""));

    private static DemoRecord Usage(string id, string user, string content, int seconds, DateTimeOffset at) =>
        new(InputTopic.Usage, user, Json($$"""{"eventId":"{{id}}","userId":"{{user}}","contentId":"{{content}}","seconds":{{seconds}},"occurredAt":"{{Time(at)}}"}"""));

    private static DemoRecord Merge(string id, string source, string target) =>
        new(InputTopic.Merges, source, Json($$"""{"eventId":"{{id}}","sourcePlanId":"{{source}}","targetPlanId":"{{target}}","occurredAt":"2026-03-09T12:00:00Z","requestedBy":"ops@example.com"}"""));

    private static string Time(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static byte[] Json(string text) => Encoding.UTF8.GetBytes(text);
}
