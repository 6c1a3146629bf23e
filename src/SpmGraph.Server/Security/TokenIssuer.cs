using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SpmGraph.Domain.Model;

using SpmGraph.GraphQL.Security;

namespace SpmGraph.Server.Security;

/// <summary>Issues the JWTs people call the API with (development and operator tooling).</summary>
public sealed class TokenIssuer(SigningKeys keys, IOptions<AuthOptions> options, TimeProvider clock)
{
    public string Create(AccessRole role, string? regionCode, string subject)
    {
        var claims = SpmClaims.For(role, regionCode, subject)
            ?? throw new ArgumentException(role == AccessRole.National ? "A NATIONAL token has no region." : $"A {role} token needs --region.", nameof(regionCode));
        var now = clock.GetUtcNow().UtcDateTime;
        var jwt = options.Value.Jwt;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = jwt.Issuer,
            Audience = jwt.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + jwt.TokenLifetime,
            SigningCredentials = new SigningCredentials(keys.Key, SecurityAlgorithms.HmacSha256),
        });
    }
}
