using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansPlans.Host.Health;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(HealthReportBody))]
internal sealed partial class HostJsonContext : JsonSerializerContext;
