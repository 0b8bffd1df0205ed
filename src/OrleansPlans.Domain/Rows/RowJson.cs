using System.Buffers;
using System.Text.Json;

namespace OrleansPlans.Domain.Rows;

/// <summary>Serializes rows to the output topics' JSON values.</summary>
public static class RowJson
{
    /// <summary>The row's JSON value as UTF-8 bytes.</summary>
    public static byte[] ToUtf8(OutputRow row)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            row.WriteJson(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The row's JSON value as a string.</summary>
    public static string ToText(OutputRow row) => System.Text.Encoding.UTF8.GetString(ToUtf8(row));
}
