using System.Text.Json.Serialization;

namespace OrleansPlans.Domain.Contract;

/// <summary>
/// Source-generated System.Text.Json metadata for the input records. Strict on purpose: no reading numbers
/// from strings, case-sensitive camelCase names, unknown properties ignored (forward compatibility).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = false,
    NumberHandling = JsonNumberHandling.Strict,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow,
    AllowTrailingCommas = false)]
[JsonSerializable(typeof(MembershipRecord))]
[JsonSerializable(typeof(UsageRecord))]
[JsonSerializable(typeof(MergeRecord))]
internal sealed partial class ContractJsonContext : JsonSerializerContext;
