using Microsoft.AspNetCore.Builder;
using Microsoft.OpenApi;

namespace OrleansPlans.Api.Hosting;

/// <summary>Describes an endpoint's JSON body in the OpenAPI document only.</summary>
internal static class JsonBodyDocumentation
{
    /// <summary>
    /// Documents a required <c>application/json</c> body of shape <typeparamref name="TBody"/>. Not <c>Accepts&lt;T&gt;()</c>:
    /// that also makes routing answer a body of another content type with a bare 415, before the handler can answer the
    /// 400 problem details every malformed body gets (see <c>JsonFields</c>).
    /// </summary>
    public static RouteHandlerBuilder DocumentsJsonBody<TBody>(this RouteHandlerBuilder builder) =>
        builder.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var schema = await context.GetOrCreateSchemaAsync(typeof(TBody), null, cancellationToken);
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
            };
        });
}
