using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace OrleansPlans.Host.DataProtection;

/// <summary>
/// ASP.NET Core data protection shared by every host of the cluster, for the operator sign-in cookie: one application
/// name (the default, the content root path, differs between machines and versions) and one key ring, in PostgreSQL.
/// </summary>
/// <remarks>
/// The keys are stored unencrypted, as the key manager warns once when it creates one (that warning is turned off in
/// appsettings.json): they are as safe as the database they sit in, which already holds every grain's state and all
/// the analytics, and they protect only the sign-in to the read-only Orleans Dashboard. A deployment that wants them
/// encrypted at rest adds <c>ProtectKeysWithCertificate</c> here.
/// </remarks>
public static class DataProtectionHosting
{
    /// <summary>The application name all hosts share, so each can read what another protected.</summary>
    public const string ApplicationName = "OrleansPlans";

    /// <summary>
    /// Adds data protection with its key ring in the process's database (the registered <see cref="NpgsqlDataSource"/>;
    /// the table is migrated by <see cref="Postgres.PostgresHosting"/>).
    /// </summary>
    public static IHostApplicationBuilder AddSharedDataProtection(this IHostApplicationBuilder builder)
    {
        builder.Services.AddDataProtection().SetApplicationName(ApplicationName);
        builder.Services.AddSingleton(sp => new PostgresXmlRepository(sp.GetRequiredService<NpgsqlDataSource>()));
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<PostgresXmlRepository>((options, repository) => options.XmlRepository = repository);
        return builder;
    }
}
