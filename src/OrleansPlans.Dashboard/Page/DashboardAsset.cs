using Microsoft.Net.Http.Headers;

namespace OrleansPlans.Dashboard.Page;

/// <summary>A file of the page, held in memory: its bytes, content type and an entity tag over its content.</summary>
internal sealed record DashboardAsset(string FileName, byte[] Content, string ContentType, EntityTagHeaderValue ETag);
