using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;


namespace SpmGraph.Server.Security;

/// <summary>The JWT signing key: from configuration, or a random one kept beside the embedded database.</summary>
public sealed class SigningKeys(IOptions<AuthOptions> options, IHostEnvironment environment)
{
    private readonly Lazy<SymmetricSecurityKey> _key = new(() => new SymmetricSecurityKey(Load(options.Value.Jwt.SigningKey, environment.ContentRootPath)));

    public SymmetricSecurityKey Key => _key.Value;

    private static byte[] Load(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var bytes = TryBase64(configured) ?? Encoding.UTF8.GetBytes(configured);
            return bytes.Length >= 32
                ? bytes
                : throw new InvalidOperationException("Auth:Jwt:SigningKey must be at least 32 bytes (256 bits).");
        }

        var file = Path.Combine(contentRoot, ".data", "jwt-signing.key");
        if (File.Exists(file))
        {
            return Convert.FromBase64String(File.ReadAllText(file).Trim());
        }

        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var key = RandomNumberGenerator.GetBytes(64);
        try
        {
            using var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write);
            stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(key)));
            return key;
        }
        catch (IOException) when (File.Exists(file))
        {
            // Another process made it first: use theirs.
            return Convert.FromBase64String(File.ReadAllText(file).Trim());
        }
    }

    private static byte[]? TryBase64(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var length) && length >= 32 ? buffer[..length] : null;
    }
}
