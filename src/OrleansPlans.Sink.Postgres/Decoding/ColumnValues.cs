using System.Globalization;
using System.Text.Json;
using OrleansPlans.Domain.Rows;

namespace OrleansPlans.Sink.Postgres.Decoding;

/// <summary>Converts key parts and JSON properties to the CLR values Npgsql writes for each column type.</summary>
internal static class ColumnValues
{
    /// <summary>A key part (text) as the column's value; null when it does not parse.</summary>
    public static object? FromText(OutputColumn column, string text) => column.Type switch
    {
        ColumnType.Text => text.Length > 0 && Allowed(column, text) ? text : null,
        ColumnType.Timestamptz => ParseInstant(text),
        ColumnType.Date => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null,
        ColumnType.Integer => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) ? i : null,
        ColumnType.Bigint => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? l : null,
        _ => null,
    };

    /// <summary>A JSON property as the column's value.</summary>
    /// <returns>False (with a reason) when the property is missing, null where not allowed, or of the wrong shape.</returns>
    public static bool TryFromJson(OutputColumn column, JsonElement row, out object? value, out string? error)
    {
        value = null;
        error = null;
        if (!row.TryGetProperty(column.Name, out var element))
        {
            error = $"'{column.Name}' is missing";
            return false;
        }

        if (element.ValueKind == JsonValueKind.Null)
        {
            error = column.Nullable ? null : $"'{column.Name}' is null";
            return column.Nullable;
        }

        value = column.Type switch
        {
            ColumnType.Integer when element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var i) => i,
            ColumnType.Bigint when element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out var l) => l,
            ColumnType.Bytea when element.ValueKind == JsonValueKind.String && element.TryGetBytesFromBase64(out var bytes) => bytes,
            ColumnType.Text or ColumnType.Timestamptz or ColumnType.Date when element.ValueKind == JsonValueKind.String => FromText(column, element.GetString()!),
            _ => null,
        };

        if (value is null)
        {
            error = $"'{column.Name}' is not a valid {column.Type.ToString().ToLowerInvariant()}: {element.GetRawText()}";
            return false;
        }

        return true;
    }

    /// <summary>The invariant text of a key value, for row identities.</summary>
    public static string Format(object value) => value switch
    {
        DateTime instant => instant.ToString("O", CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("O", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static bool Allowed(OutputColumn column, string text) => column.AllowedValues is null || column.AllowedValues.Contains(text);

    private static object? ParseInstant(string text) =>
        text.Length >= 20 && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) && HasOffset(text)
            ? at.UtcDateTime
            : null;

    // RFC 3339 demands an offset; a bare local time would be read in the server's zone.
    private static bool HasOffset(string text) => text.EndsWith('Z') || text.EndsWith('z') || text[^6] is '+' or '-';
}
