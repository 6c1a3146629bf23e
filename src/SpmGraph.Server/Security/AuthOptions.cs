namespace SpmGraph.Server.Security;

/// <summary>Authentication settings (configuration section `Auth`).</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    public JwtOptions Jwt { get; set; } = new();

    public sealed class JwtOptions
    {
        public string Issuer { get; set; } = "spmgraph";

        public string Audience { get; set; } = "spmgraph";

        /// <summary>
        /// HMAC-SHA256 key, at least 32 bytes (base64, or plain text). When empty, a random key is
        /// made on first use and kept in `.data/jwt-signing.key` under the content root, so a
        /// single machine works out of the box and nothing secret ships in the repository.
        /// </summary>
        public string? SigningKey { get; set; }

        /// <summary>How long `token create` tokens live.</summary>
        public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(8);
    }
}
