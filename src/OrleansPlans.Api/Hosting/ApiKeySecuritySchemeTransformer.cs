using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using OrleansPlans.Api.Authentication;

namespace OrleansPlans.Api.Hosting;

/// <summary>Describes the <c>X-Api-Key</c> header (and the same keys as bearer tokens) in the OpenAPI document, so clients know how to authenticate.</summary>
internal sealed class ApiKeySecuritySchemeTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiKeyDefaults.SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyDefaults.HeaderName,
            Description = "Operator keys (Api:OperatorKeys) may call every endpoint; read keys (Api:ReadKeys) only the reads. "
                + "Reads need no key unless Api:RequireAuthForReads is true.",
        };
        document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The same keys as ApiKey, sent as Authorization: Bearer <key> (send one or the other, not both).",
        };
        return Task.CompletedTask;
    }
}
