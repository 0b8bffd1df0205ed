using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace OrleansPlans.Dashboard.Page;

/// <summary>
/// The page's three files, embedded in the assembly (no build step, no CDN: it must work offline) and read once.
/// Each gets an entity tag from its content, so browsers revalidate cheaply and always see a new version after an upgrade.
/// </summary>
internal sealed class DashboardAssets
{
    public const string Html = "index.html";
    public const string Script = "dashboard.js";
    public const string Styles = "dashboard.css";

    private const string ResourcePrefix = "OrleansPlans.Dashboard.Page.Assets.";

    private readonly Dictionary<string, DashboardAsset> _assets;

    public DashboardAssets()
    {
        _assets = new Dictionary<string, DashboardAsset>(StringComparer.Ordinal)
        {
            [Html] = Load(Html, "text/html; charset=utf-8"),
            [Script] = Load(Script, "text/javascript; charset=utf-8"),
            [Styles] = Load(Styles, "text/css; charset=utf-8"),
        };
    }

    public DashboardAsset this[string fileName] => _assets[fileName];

    private static DashboardAsset Load(string fileName, string contentType)
    {
        using var stream = typeof(DashboardAssets).Assembly.GetManifestResourceStream(ResourcePrefix + fileName)
            ?? throw new InvalidOperationException($"The dashboard asset '{fileName}' is not embedded in {typeof(DashboardAssets).Assembly.GetName().Name}.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var content = buffer.ToArray();
        var tag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..32]}\"");
        return new DashboardAsset(fileName, content, contentType, tag);
    }
}
