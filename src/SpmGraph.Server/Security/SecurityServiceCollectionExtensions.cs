using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

using SpmGraph.Domain;
using SpmGraph.GraphQL.Security;
using SpmGraph.Server.Http;

namespace SpmGraph.Server.Security;

public static class SecurityServiceCollectionExtensions
{
    private const string SelectorScheme = "SpmGraph";

    /// <summary>
    /// JWT bearer tokens for people, `X-Api-Key` for third parties, anonymous otherwise; and
    /// per-caller rate limits (per API key, per user, per anonymous IP).
    /// </summary>
    public static IServiceCollection AddSpmSecurity(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section);
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section);
        services.AddSpmClock();
        services.AddSingleton<SigningKeys>();
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<ApiKeyStore>();

        services.AddAuthentication(SelectorScheme)
            .AddPolicyScheme(SelectorScheme, "Bearer token or API key", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.Header) ? ApiKeyAuthenticationHandler.SchemeName : JwtBearerDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>, SigningKeys>((jwt, auth, keys) =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = auth.Value.Jwt.Issuer,
                    ValidAudience = auth.Value.Jwt.Audience,
                    IssuerSigningKey = keys.Key,
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    NameClaimType = SpmClaims.Subject,
                    RoleClaimType = SpmClaims.Role,
                    ClockSkew = TimeSpan.FromMinutes(1),
                };

                // Endpoints that need a caller (the uploads) answer in the server's one error shape, not with an empty body.
                jwt.Events = new JwtBearerEvents
                {
                    OnChallenge = async challenge =>
                    {
                        challenge.HandleResponse();
                        challenge.Response.Headers.WWWAuthenticate = "Bearer";
                        await ErrorAnswers.WriteAsync(challenge.HttpContext, StatusCodes.Status401Unauthorized, HttpErrorCodes.Unauthenticated, "Sign in: send `Authorization: Bearer <token>` or `X-Api-Key: <key>`.");
                    },
                    OnForbidden = forbidden => ErrorAnswers.WriteAsync(forbidden.HttpContext, StatusCodes.Status403Forbidden, HttpErrorCodes.Forbidden, "The caller's role or region does not allow this."),
                };
            });

        services.AddAuthorization();
        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                var (partition, permits) = Partition(context, limits);
                return RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permits,
                    Window = limits.Window,
                    QueueLimit = 0,
                });
            });
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var response = rejected.HttpContext.Response;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await ErrorAnswers.WriteAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests, HttpErrorCodes.RateLimited, $"Too many requests; retry after {seconds} s.");
            };
        });
        return services;
    }

    /// <summary>Authentication, the refusal of bad credentials (never a silent downgrade to anonymous), then rate limits.</summary>
    public static IApplicationBuilder UseSpmSecurity(this IApplicationBuilder app)
    {
        app.UseAuthentication();
        app.Use(async (context, next) =>
        {
            var sentCredentials = context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.Header)
                || context.Request.Headers.Authorization.Count > 0;
            if (sentCredentials && context.User.Identity?.IsAuthenticated != true)
            {
                context.Response.Headers.WWWAuthenticate = "Bearer";
                await ErrorAnswers.WriteAsync(context, StatusCodes.Status401Unauthorized, HttpErrorCodes.Unauthenticated, "The token or API key is invalid, expired or revoked.");
                return;
            }

            await next(context);
        });
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }

    private static (string Partition, int Permits) Partition(HttpContext context, RateLimitOptions limits)
    {
        var user = context.User;
        if (user.FindFirst(SpmClaims.ApiKeyId)?.Value is { } keyId)
        {
            var own = int.TryParse(user.FindFirst(SpmClaims.RequestsPerMinute)?.Value, CultureInfo.InvariantCulture, out var rpm) ? rpm : limits.ApiKeyPermitLimit;
            return ("key:" + keyId, own);
        }

        if (user.Identity?.IsAuthenticated == true)
        {
            return ("user:" + user.Identity.Name, limits.UserPermitLimit);
        }

        return ("ip:" + context.Connection.RemoteIpAddress, limits.AnonymousPermitLimit);
    }
}

/// <summary>Requests per window (configuration section `RateLimiting`).</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimiting";

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    public int AnonymousPermitLimit { get; set; } = 120;

    public int UserPermitLimit { get; set; } = 600;

    public int ApiKeyPermitLimit { get; set; } = 1200;
}
