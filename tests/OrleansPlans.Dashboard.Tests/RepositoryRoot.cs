namespace OrleansPlans.Dashboard.Tests;

/// <summary>The repository's root folder (the one holding OrleansPlans.sln), found from the test binaries upwards.</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "OrleansPlans.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No OrleansPlans.sln above {AppContext.BaseDirectory}.");
    }
}
