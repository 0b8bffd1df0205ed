using System.Text.Json.Serialization;

namespace OrleansPlans.Grains.State;

/// <summary>Source-generated JSON metadata for the grains' own storage formats.</summary>
[JsonSerializable(typeof(Dictionary<string, byte[]>))]
internal sealed partial class StateJsonContext : JsonSerializerContext;
