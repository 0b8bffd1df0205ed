using System.Text;
using System.Text.Json;
using OrleansPlans.Sink.Postgres.Tables;

namespace OrleansPlans.Sink.Postgres.Decoding;

/// <summary>Decodes an output record (key = primary key joined with '|', value = row JSON or null) into column values.</summary>
internal static class RecordDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <returns>The record, or null with <paramref name="error"/> saying why it cannot be applied.</returns>
    public static DecodedRecord? Decode(SinkTable table, byte[]? key, byte[]? value, out string? error)
    {
        error = null;
        if (key is null || key.Length == 0)
        {
            error = "the record has no key";
            return null;
        }

        string keyText;
        try
        {
            keyText = StrictUtf8.GetString(key);
        }
        catch (DecoderFallbackException)
        {
            error = "the key is not UTF-8";
            return null;
        }

        var keyValues = ParseKey(table, keyText, out error);
        if (keyValues is null)
        {
            return null;
        }

        var identity = string.Join('|', keyValues.Select(ColumnValues.Format));
        if (value is null)
        {
            return new DecodedRecord(table, keyValues, identity, null);
        }

        var values = ParseValue(table, value, out error);
        if (values is null)
        {
            return null;
        }

        for (var i = 0; i < table.KeyCount; i++)
        {
            if (!Equals(values[i], keyValues[i]))
            {
                error = $"the key '{keyText}' does not match the value's '{table.Columns[i].Name}'";
                return null;
            }
        }

        return new DecodedRecord(table, keyValues, identity, values);
    }

    private static object[]? ParseKey(SinkTable table, string keyText, out string? error)
    {
        error = null;
        var parts = keyText.Split('|');
        if (parts.Length != table.KeyCount)
        {
            error = $"the key '{keyText}' has {parts.Length} part(s), {table.Name} needs {table.KeyCount}";
            return null;
        }

        var values = new object[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (ColumnValues.FromText(table.Columns[i], parts[i]) is not { } part)
            {
                error = $"key part {i + 1} of '{keyText}' is not a valid {table.Columns[i].Name}";
                return null;
            }

            values[i] = part;
        }

        return values;
    }

    private static object?[]? ParseValue(SinkTable table, byte[] value, out string? error)
    {
        error = null;
        try
        {
            using var document = JsonDocument.Parse(value);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                error = "the value is not a JSON object";
                return null;
            }

            var values = new object?[table.Columns.Count];
            for (var i = 0; i < values.Length; i++)
            {
                if (!ColumnValues.TryFromJson(table.Columns[i], document.RootElement, out values[i], out error))
                {
                    return null;
                }
            }

            return values;
        }
        catch (JsonException json)
        {
            error = $"the value is not valid JSON: {json.Message}";
            return null;
        }
    }
}
