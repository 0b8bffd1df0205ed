using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansPlans.Operations.Status;

/// <summary>Source-generated System.Text.Json metadata for <see cref="PipelineStatus"/> (camelCase, indented), for the CLI and the API.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(PipelineStatus))]
public sealed partial class PipelineStatusJsonContext : JsonSerializerContext;
