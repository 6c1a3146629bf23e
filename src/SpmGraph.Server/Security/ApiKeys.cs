using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SpmGraph.Domain.Data;
using SpmGraph.Domain.Model;

using SpmGraph.GraphQL.Security;

namespace SpmGraph.Server.Security;

/// <summary>Creates, lists and revokes API keys; only hashes are stored.</summary>
public sealed class ApiKeyStore(IDbContextFactory<SpmDbContext> factory, TimeProvider clock)
{
    private const string KeyPrefix = "spm_";

    /// <summary>Makes a key and returns it in clear: the only time it is ever shown.</summary>
    public async Task<string> CreateAsync(string name, AccessRole role, string? regionCode, int? requestsPerMinute, CancellationToken cancellationToken)
    {
        if (SpmClaims.For(role, regionCode, name) is null)
        {
            throw new ArgumentException(role == AccessRole.National ? "A NATIONAL key has no region." : $"A {role} key needs a region.", nameof(regionCode));
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (regionCode is not null && !await db.Regions.AnyAsync(r => r.Code == regionCode, cancellationToken))
        {
            throw new ArgumentException($"Unknown region {regionCode}.", nameof(regionCode));
        }

        if (await db.ApiKeys.AnyAsync(k => k.Name == name, cancellationToken))
        {
            throw new ArgumentException($"A key named \"{name}\" exists already.", nameof(name));
        }

        var key = KeyPrefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        db.ApiKeys.Add(new ApiKey
        {
            Name = name,
            Prefix = key[..10],
            KeyHash = Hash(key),
            Role = role,
            RegionCode = regionCode,
            RequestsPerMinute = requestsPerMinute,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }

    /// <summary>Revokes a key by name; false when there is no such live key.</summary>
    public async Task<bool> RevokeAsync(string name, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Name == name && k.RevokedAt == null, cancellationToken);
        if (key is null)
        {
            return false;
        }

        key.RevokedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<List<ApiKey>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.ApiKeys.AsNoTracking().OrderBy(k => k.Name).ToListAsync(cancellationToken);
    }

    /// <summary>The live key with this secret, or null.</summary>
    public async Task<ApiKey?> FindAsync(string key, CancellationToken cancellationToken)
    {
        var hash = Hash(key);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.KeyHash == hash && k.RevokedAt == null, cancellationToken);
    }

    internal static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>Authenticates `X-Api-Key: spm_...` against the stored hashes.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyStore keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    public const string Header = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values))
        {
            return AuthenticateResult.NoResult();
        }

        var key = values.ToString();
        if (key.Length is < 8 or > 256)
        {
            return AuthenticateResult.Fail("Malformed API key.");
        }

        var stored = await keys.FindAsync(key, Context.RequestAborted);
        if (stored is null)
        {
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        var claims = SpmClaims.For(stored.Role, stored.RegionCode, "apikey:" + stored.Name)!;
        claims.Add(new Claim(SpmClaims.ApiKeyId, stored.Id.ToString(CultureInfo.InvariantCulture)));
        if (stored.RequestsPerMinute is { } rpm)
        {
            claims.Add(new Claim(SpmClaims.RequestsPerMinute, rpm.ToString(CultureInfo.InvariantCulture)));
        }

        var identity = new ClaimsIdentity(claims, SchemeName, SpmClaims.Subject, SpmClaims.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
