namespace OrleansPlans.Api.Endpoints;

/// <summary>The domain's rows carry UTC <see cref="DateTime"/>s; the API answers with explicit offsets.</summary>
internal static class UtcInstants
{
    public static DateTimeOffset Of(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    public static DateTimeOffset Of(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
