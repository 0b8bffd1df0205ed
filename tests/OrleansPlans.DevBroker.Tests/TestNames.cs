namespace OrleansPlans.DevBroker.Tests;

/// <summary>Unique topic and group names, so tests never share state even on a shared cluster.</summary>
internal static class TestNames
{
    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}";
}
