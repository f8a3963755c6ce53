using System.Text.Json;
using System.Text.Json.Serialization;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Email;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Jobs;
using Alumni.Api.Infrastructure.OpenApi;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Problems;
using FastEndpoints;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Alumni.Api.Infrastructure.Hosting;

/// <summary>Wires the API: everything <c>Program.cs</c> would otherwise spell out.</summary>
public static class AlumniHost
{
    /// <summary>Largest request body accepted by default (bytes); <c>Api:MaxRequestBodyBytes</c>.</summary>
    public const long DefaultMaxRequestBodyBytes = 1024 * 1024;

    public static WebApplicationBuilder AddAlumni(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.ClearProviders().AddJsonConsole(o => o.IncludeScopes = true);
        }

        builder.AddForwardedHeaders();
        builder.WebHost.ConfigureKestrel(o =>
        {
            o.AddServerHeader = false;
            o.Limits.MaxRequestBodySize = configuration.GetValue("Api:MaxRequestBodyBytes", DefaultMaxRequestBodyBytes);
        });

        TypeHandlers.Register();
        var databaseOptions = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        databaseOptions.ConnectionString = configuration.GetConnectionString("Alumni") ?? "";
        builder.Services
            .AddSingleton(databaseOptions)
            .AddSingleton<Database>()
            .AddSingleton<Migrator>()
            .AddSingleton<AppSecrets>()
            .AddSingleton(TimeProvider.System)
            .AddHostedService<DatabaseStartup>();
        builder.Services.AddEmail(configuration);
        builder.Services.AddJobs(configuration);
        foreach (var task in typeof(AlumniHost).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(IStartupTask))))
        {
            builder.Services.AddSingleton(typeof(IStartupTask), task);
        }

        builder.Services.ConfigureHttpJsonOptions(o => ConfigureJson(o.SerializerOptions));
        builder.Services.AddFastEndpoints(o =>
        {
            // Only this assembly's endpoints: nothing loaded beside it (a test assembly, a plug-in) adds routes by accident.
            o.DisableAutoDiscovery = true;
            o.Assemblies = [typeof(AlumniHost).Assembly];
        });
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.Services.AddContractDocumentation();
        builder.AddSecurity();
        foreach (var module in typeof(AlumniHost).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(ISliceModule))))
        {
            ((ISliceModule)Activator.CreateInstance(module)!).Add(builder);
        }

        builder.Services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);
        return builder;
    }

    public static WebApplication UseAlumni(this WebApplication app)
    {
        app.UseTrustedForwardedHeaders();
        app.UseSecurityHeaders(hsts: !app.Environment.IsDevelopment() && !app.Environment.IsEnvironment("Testing"));
        app.UseProblemResponses();
        app.UseRequestLocalization(o => o
            .SetDefaultCulture(Texts.Languages[0])
            .AddSupportedCultures(Texts.Languages)
            .AddSupportedUICultures(Texts.Languages));
        app.UseWebApp();
        app.UseContractDocumentation();
        app.UseRouting();
        app.UseSecurity();
        app.UseStrictRequests();
        app.UseFastEndpoints(c =>
        {
            c.Endpoints.Configurator = endpoint =>
            {
                SecuritySetup.ApplyAccessRule(endpoint);
                endpoint.PreProcessor<IfMatchRequired>(Order.Before);
            };
            c.Endpoints.RoutePrefix = "api";
            ConfigureJson(c.Serializer.Options);
            c.Serializer.SerializerErrorsField = Problems.SerializerErrorsField;
            c.Binding.JsonExceptionTransformer = Problems.FromJsonException;
            c.Binding.FailureMessage = Problems.BindingFailure;
            c.Errors.ContentType = Problems.MediaType;
            c.Errors.ProducesMetadataType = typeof(Problem);
            c.Errors.ResponseBuilder = (failures, context, status) =>
                Problems.FromFailures(failures, context, status);
        });
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        app.MapWebAppFallback();

        // Registers every endpoint mapped above now rather than when the server starts,
        // so commands (such as writing the contract) see the same endpoints as requests do.
        app.UseEndpoints(_ => { });
        return app;
    }

    private static JsonSerializerOptions ConfigureJson(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        if (!options.Converters.OfType<JsonStringEnumConverter>().Any())
        {
            options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
            options.Converters.Add(new StripZeroWidthConverter());
        }

        return options;
    }
}
