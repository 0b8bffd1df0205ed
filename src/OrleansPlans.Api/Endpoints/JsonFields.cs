using System.Text.Json;
using Microsoft.AspNetCore.Http;
using OrleansPlans.Domain.Operations;

namespace OrleansPlans.Api.Endpoints;

/// <summary>
/// Reads a JSON object body's string fields by hand, so that a malformed body or a field of the wrong type gets a
/// 400 naming the field, rather than the framework's bare 400. Unknown fields are ignored; null counts as absent.
/// </summary>
internal sealed class JsonFields
{
    private const int MaxBodyBytes = 64 * 1024;
    private readonly Dictionary<string, string> _values;

    private JsonFields(Dictionary<string, string> values) => _values = values;

    public string? this[string name] => _values.GetValueOrDefault(name);

    /// <summary>The fields, or null and the problem.</summary>
    public static async Task<(JsonFields? Fields, FieldError? Error)> ReadAsync(HttpRequest request, IReadOnlyList<string> names)
    {
        if (request.ContentLength is > MaxBodyBytes)
        {
            return (null, new FieldError("body", $"the body has {request.ContentLength} bytes; at most {MaxBodyBytes} are accepted"));
        }

        if (!request.HasJsonContentType())
        {
            return (null, new FieldError("body", "the body must be a JSON object sent with Content-Type: application/json"));
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, default, request.HttpContext.RequestAborted);
        }
        catch (JsonException e)
        {
            return (null, new FieldError("body", $"the body is not valid JSON: {e.Message}"));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, new FieldError("body", $"the body is a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}; expected an object"));
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var name in names)
            {
                if (!document.RootElement.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
                {
                    continue;
                }

                if (value.ValueKind != JsonValueKind.String)
                {
                    return (null, new FieldError(name, $"field '{name}' is a JSON {value.ValueKind.ToString().ToLowerInvariant()}; expected a string"));
                }

                values[name] = value.GetString()!;
            }

            return (new JsonFields(values), null);
        }
    }
}
