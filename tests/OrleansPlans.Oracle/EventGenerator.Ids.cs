using System.Globalization;

namespace OrleansPlans.Oracle;

/// <summary>Identifiers: users, plans, contents and event ids, including the odd-but-valid ones.</summary>
public sealed partial class EventGenerator
{
    private int nextId;

    private string NextId(string prefix) => prefix + (++nextId).ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>User ids; every 25th uses the rarer allowed characters.</summary>
    private string UserId(int i) =>
        i % 25 == 7 ? $"u:{i}@corp.example_x-{i}" : "user-" + i.ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>Plan ids; one is exactly 128 characters long (the maximum).</summary>
    private static string PlanId(int i) =>
        i == 1 ? "Plan.Max:" + new string('x', 128 - 9) : "plan-" + i.ToString("D3", CultureInfo.InvariantCulture);

    /// <summary>Plans no membership event ever names.</summary>
    private static string GhostPlanId(int i) => "plan-ghost-" + i.ToString(CultureInfo.InvariantCulture);

    private static string ContentId(int i) =>
        i == 0 ? "course:" + new string('c', 128 - 7) : "course-" + i.ToString(CultureInfo.InvariantCulture);
}
