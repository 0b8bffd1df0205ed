using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OrleansPlans.Api.Authentication;
using OrleansPlans.Api.Diagnostics;

namespace OrleansPlans.Api.Hosting;

/// <summary>Registers the services of the plan-analytics HTTP API.</summary>
public static class OrleansPlansApiServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <see cref="ApiOptions"/> from the <c>Api</c> section of <paramref name="configuration"/>
    /// (at start-up), adds the <c>ApiKey</c> authentication scheme (not made the default: the policies name it), the
    /// <see cref="ApiPolicies.Operator"/> and <see cref="ApiPolicies.AnalyticsRead"/> policies, problem details and the
    /// OpenAPI document <see cref="OrleansPlansApiEndpointRouteBuilderExtensions.OpenApiDocumentName"/>. The endpoints
    /// read grains through the <c>IGrainFactory</c> the host registers (a silo or an Orleans client).
    /// Calling it again is a no-op, so other modules that need the key policies (the dashboard) may call it too.
    /// </summary>
    public static IServiceCollection AddOrleansPlansApi(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        // A second AddScheme("ApiKey") would fail when authentication options are built ("Scheme already exists").
        if (services.Any(d => d.ServiceType == typeof(OrleansPlansApiMarker)))
        {
            return services;
        }

        services.AddSingleton<OrleansPlansApiMarker>();
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection(ApiOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ApiOptions>, ApiOptionsValidator>());
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyDefaults.SchemeName, null);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuthorizationHandler, AnalyticsReadHandler>());
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicies.Operator, policy => policy
                .AddAuthenticationSchemes(ApiKeyDefaults.SchemeName)
                .RequireAuthenticatedUser()
                .RequireRole(ApiRoles.Operator))
            .AddPolicy(ApiPolicies.AnalyticsRead, policy => policy
                .AddAuthenticationSchemes(ApiKeyDefaults.SchemeName)
                .AddRequirements(new AnalyticsReadRequirement()));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ApiLogLimits>();
        services.AddProblemDetails();
        services.AddOpenApi(OrleansPlansApiEndpointRouteBuilderExtensions.OpenApiDocumentName, openApi =>
            openApi.AddDocumentTransformer<ApiKeySecuritySchemeTransformer>());
        return services;
    }
}
