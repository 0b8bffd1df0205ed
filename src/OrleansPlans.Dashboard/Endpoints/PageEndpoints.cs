using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansPlans.Dashboard.Page;

namespace OrleansPlans.Dashboard.Endpoints;

/// <summary>Serves the page's files with their content type, an entity tag and headers that keep the page to itself.</summary>
internal static class PageEndpoints
{
    // The page loads only its own script and styles and calls only this host; it draws its chart as inline SVG.
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static Delegate Serve(string fileName) => (HttpContext context, DashboardAssets assets) => Serve(context, assets[fileName]);

    private static FileContentHttpResult Serve(HttpContext context, DashboardAsset asset)
    {
        var headers = context.Response.Headers;
        // no-cache = "revalidate before use": with the entity tag an unchanged file costs a 304, a new version is seen at once.
        headers.CacheControl = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        return TypedResults.Bytes(asset.Content, asset.ContentType, entityTag: asset.ETag);
    }
}
