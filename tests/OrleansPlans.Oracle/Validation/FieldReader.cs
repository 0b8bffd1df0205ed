using System.Globalization;
using System.Text.Json;

namespace OrleansPlans.Oracle.Validation;

/// <summary>Reads the fields of one JSON object, remembering the first problem found.</summary>
internal sealed class FieldReader(JsonElement root)
{
    public string? Error { get; private set; }

    public void Fail(string reason) => Error ??= reason;

    /// <summary>A required JSON string; a JSON null counts as missing.</summary>
    public string? String(string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            Fail($"{name} is missing");
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Fail($"{name} is not a string");
            return null;
        }

        return value.GetString();
    }

    public string? Identifier(string name)
    {
        var text = String(name);
        if (text is not null && !Validation.Identifier.IsValid(text))
        {
            Fail($"{name} is not an identifier (1 to 128 of A-Z a-z 0-9 . _ : @ -)");
            return null;
        }

        return text;
    }

    public ParsedTimestamp Timestamp(string name)
    {
        var text = String(name);
        if (text is null)
        {
            return default;
        }

        if (!Rfc3339.TryParse(text, out var parsed))
        {
            Fail($"{name} is not an RFC 3339 date-time with an offset");
        }

        return parsed;
    }

    /// <summary>An integer literal (no fraction, no exponent) from 1 to 86400.</summary>
    public long Seconds(string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            Fail($"{name} is missing");
            return 0;
        }

        var raw = value.ValueKind == JsonValueKind.Number ? value.GetRawText() : "";
        var isIntegerLiteral = raw.Length > 0 && raw.All(c => c is (>= '0' and <= '9') or '-');
        if (!isIntegerLiteral
            || !long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds)
            || seconds is < 1 or > 86400)
        {
            Fail($"{name} is not an integer from 1 to 86400");
            return 0;
        }

        return seconds;
    }

    /// <summary>A non-null key must equal the id the contract keys the topic by.</summary>
    public void RequireKey(string? key, string? expected, string fieldName)
    {
        if (key is not null && expected is not null && !string.Equals(key, expected, StringComparison.Ordinal))
        {
            Fail($"record key does not match {fieldName}");
        }
    }

    public bool HasUnknownFields(IReadOnlyCollection<string> known) =>
        root.EnumerateObject().Any(p => !known.Contains(p.Name, StringComparer.Ordinal));
}
