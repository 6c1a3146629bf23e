using System.Security.Claims;
using SpmGraph.Domain.Model;

namespace SpmGraph.GraphQL.Security;

/// <summary>The claims SpmGraph puts in tokens and API-key identities.</summary>
public static class SpmClaims
{
    public const string Role = "role";

    /// <summary>Kemendagri code of the region a PROVINCE or REGION caller speaks for.</summary>
    public const string Region = "spm_region";

    /// <summary>Id of the API key that authenticated the caller (rate-limit partition).</summary>
    public const string ApiKeyId = "spm_api_key";

    /// <summary>The key's own requests-per-minute quota, when it has one.</summary>
    public const string RequestsPerMinute = "spm_rpm";

    public const string Subject = "sub";

    /// <summary>The claims of a role; null when the combination is not valid.</summary>
    public static List<Claim>? For(AccessRole role, string? regionCode, string subject)
    {
        if (role == AccessRole.National ? regionCode is not null : string.IsNullOrWhiteSpace(regionCode))
        {
            return null;
        }

        var claims = new List<Claim> { new(Subject, subject), new(Role, role.ToString().ToUpperInvariant()) };
        if (regionCode is not null)
        {
            claims.Add(new Claim(Region, regionCode));
        }

        return claims;
    }

    public static bool TryParseRole(string? text, out AccessRole role) =>
        Enum.TryParse(text, ignoreCase: true, out role) && Enum.IsDefined(role);
}
