using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;

namespace SpmGraph.Server.Http;

/// <summary>Which browser origins may call the API (configuration section <see cref="SectionName"/>).</summary>
public sealed class SpmCorsOptions
{
    public const string SectionName = "Cors";

    /// <summary>Origins allowed to call, e.g. https://dashboard.example.go.id; empty (the default): any origin.</summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>How long a browser may cache a preflight answer.</summary>
    public TimeSpan PreflightMaxAge { get; set; } = TimeSpan.FromMinutes(10);
}

public static class CorsExtensions
{
    /// <summary>The request headers a cross-origin caller may send: credentials travel in headers, never in cookies.</summary>
    public static readonly string[] AllowedHeaders = ["Authorization", "X-Api-Key", "Content-Type", "If-None-Match"];

    /// <summary>The response headers a cross-origin script may read.</summary>
    public static readonly string[] ExposedHeaders = ["ETag", "Retry-After", "Content-Disposition"];

    /// <summary>
    /// ASP.NET Core's CORS middleware with one default policy from <see cref="SpmCorsOptions"/>: the configured origins
    /// (any when none is), GET and POST, the headers above, and no cookies (Access-Control-Allow-Credentials is never sent).
    /// </summary>
    public static IServiceCollection AddSpmCors(this IServiceCollection services)
    {
        services.AddOptions<SpmCorsOptions>().BindConfiguration(SpmCorsOptions.SectionName);
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<SpmCorsOptions>>((cors, spm) => cors.AddDefaultPolicy(Policy(spm.Value)));
        return services;
    }

    /// <summary>Before authentication and rate limits, so preflights pass and refusals carry the CORS headers too.</summary>
    public static IApplicationBuilder UseSpmCors(this IApplicationBuilder app) => app.UseCors();

    public static CorsPolicy Policy(SpmCorsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var policy = new CorsPolicyBuilder()
            .WithMethods(HttpMethods.Get, HttpMethods.Post)
            .WithHeaders(AllowedHeaders)
            .WithExposedHeaders(ExposedHeaders)
            .SetPreflightMaxAge(options.PreflightMaxAge)
            .DisallowCredentials();
        return (options.AllowedOrigins.Length == 0 ? policy.AllowAnyOrigin() : policy.WithOrigins(options.AllowedOrigins)).Build();
    }
}
