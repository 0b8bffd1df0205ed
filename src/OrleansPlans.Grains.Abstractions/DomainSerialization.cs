using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using OrleansPlans.Domain.Events;
using OrleansPlans.Domain.Serialization;

namespace OrleansPlans.Grains;

/// <summary>
/// Lets Orleans carry the pure domain's types (which have no Orleans attributes) as JSON, using the domain's
/// source-generated metadata. Silos and clients must both register it.
/// </summary>
public static class DomainSerialization
{
    /// <summary>The options used for domain types on the wire and in grain state.</summary>
    public static readonly JsonSerializerOptions Options = new(DomainJsonContext.Default.Options)
    {
        TypeInfoResolver = JsonTypeInfoResolver.Combine(DomainJsonContext.Default, new DefaultJsonTypeInfoResolver()),
    };

    /// <summary>Registers the JSON codec for every type of the domain assembly.</summary>
    public static IServiceCollection AddPlanDomainSerialization(this IServiceCollection services) =>
        services.AddSerializer(serializer => serializer.AddJsonSerializer(
            isSupported: type => type.Assembly == typeof(MembershipEvent).Assembly,
            jsonSerializerOptions: Options));
}
