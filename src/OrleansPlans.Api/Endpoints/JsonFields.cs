using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;
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
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];
    private static readonly byte[] JsonWhitespace = " \t\r\n"u8.ToArray();
    private readonly Dictionary<string, string> _values;

    private JsonFields(Dictionary<string, string> values) => _values = values;

    public string? this[string name] => _values.GetValueOrDefault(name);

    /// <summary>The fields, or null and the problem.</summary>
    public static async Task<(JsonFields? Fields, FieldError? Error)> ReadAsync(HttpRequest request, IReadOnlyList<string> names)
    {
        if (request.ContentLength is > MaxBodyBytes)
        {
            return (null, TooLarge(request.ContentLength.Value.ToString(CultureInfo.InvariantCulture)));
        }

        if (!request.HasJsonContentType())
        {
            return (null, new FieldError("body", "the body must be a JSON object sent with Content-Type: application/json"));
        }

        // Read whole (bounded, also when chunked without a length) and check the encoding before parsing: the JSON reader
        // does not validate UTF-8 inside strings, and reading such a string later throws, which answered 500.
        if (await ReadBoundedAsync(request.Body, request.HttpContext.RequestAborted) is not { } body)
        {
            return (null, TooLarge($"more than {MaxBodyBytes}"));
        }

        var json = body.AsMemory();
        if (json.Span.StartsWith(Utf8Bom))
        {
            json = json[Utf8Bom.Length..];
        }

        if (json.Span.Trim(JsonWhitespace).IsEmpty)
        {
            return (null, new FieldError("body", "the body is empty; expected a JSON object"));
        }

        if (!Utf8.IsValid(json.Span))
        {
            return (null, new FieldError("body", "the body is not valid UTF-8; JSON must be sent as UTF-8"));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
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

                try
                {
                    values[name] = value.GetString()!;
                }
                catch (InvalidOperationException)
                {
                    // An escaped lone surrogate ("\ud800") is valid JSON but no text.
                    return (null, new FieldError(name, $"field '{name}' is not valid Unicode text (an unpaired surrogate escape)"));
                }
            }

            return (new JsonFields(values), null);
        }
    }

    private static FieldError TooLarge(string bytes) => new("body", $"the body has {bytes} bytes; at most {MaxBodyBytes} are accepted");

    // Null when the body is longer than MaxBodyBytes.
    private static async Task<byte[]?> ReadBoundedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var copy = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (copy.Length + read > MaxBodyBytes)
            {
                return null;
            }

            copy.Write(chunk, 0, read);
        }

        return copy.ToArray();
    }
}
