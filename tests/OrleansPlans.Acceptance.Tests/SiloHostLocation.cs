using System.Reflection;

namespace OrleansPlans.Acceptance.Tests;

/// <summary>Finds the OrleansPlans.Host entry assembly built beside this test (same configuration, see the csproj).</summary>
internal static class SiloHostLocation
{
    private const string MetadataKey = "OrleansPlans.Host.Path";

    /// <summary>The full path of <c>OrleansPlans.Host.dll</c>; throws with a hint when it was not built.</summary>
    public static string EntryAssembly()
    {
        var path = typeof(SiloHostLocation).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == MetadataKey)?.Value
            ?? throw new InvalidOperationException($"The test assembly has no '{MetadataKey}' metadata; see OrleansPlans.Acceptance.Tests.csproj.");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The silo host is not built at '{path}'. Build tests/OrleansPlans.Acceptance.Tests (it builds the host too).", path);
        }

        return path;
    }
}
