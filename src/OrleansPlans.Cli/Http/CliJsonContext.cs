using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansPlans.Cli.Http;

/// <summary>Source-generated JSON for the API's bodies (camelCase, as ASP.NET Core writes them).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(MergeRequestBody))]
[JsonSerializable(typeof(MergePreviewBody))]
[JsonSerializable(typeof(MergeRequestResponse))]
[JsonSerializable(typeof(MergePreviewResponse))]
[JsonSerializable(typeof(ProblemDetailsBody))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
