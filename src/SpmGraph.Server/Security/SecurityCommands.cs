using SpmGraph.Domain.Model;

using SpmGraph.GraphQL.Security;

namespace SpmGraph.Server.Security;

/// <summary>
/// `token create --role ROLE [--region CODE] [--subject NAME]` and `apikey create|revoke|list`.
/// The secret is printed alone on the last line: scripts read it from there.
/// </summary>
public static class SecurityCommands
{
    public static bool Handles(string[] args) => args is ["token", ..] or ["apikey", ..];

    public static async Task<int> RunAsync(string[] args, IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var options = Options(args.Skip(2));
        try
        {
            switch (args)
            {
                case ["token", "create", ..]:
                    {
                        var role = Role(options);
                        var token = services.GetRequiredService<TokenIssuer>().Create(role, options.GetValueOrDefault("region"), options.GetValueOrDefault("subject") ?? $"dev-{role.ToString().ToLowerInvariant()}");
                        await output.WriteLineAsync($"A {role.ToString().ToUpperInvariant()} token{(options.TryGetValue("region", out var r) ? " for " + r : "")}; send it as `Authorization: Bearer <token>`:");
                        await output.WriteLineAsync(token);
                        return 0;
                    }

                case ["apikey", "create", ..]:
                    {
                        var name = options.GetValueOrDefault("name") ?? throw new ArgumentException("--name is required.");
                        int? rpm = options.TryGetValue("rpm", out var text) ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : null;
                        var key = await services.GetRequiredService<ApiKeyStore>().CreateAsync(name, Role(options), options.GetValueOrDefault("region"), rpm, cancellationToken);
                        await output.WriteLineAsync($"API key \"{name}\"; send it as `X-Api-Key: <key>`. It is shown once: store it now.");
                        await output.WriteLineAsync(key);
                        return 0;
                    }

                case ["apikey", "revoke", ..]:
                    {
                        var name = options.GetValueOrDefault("name") ?? throw new ArgumentException("--name is required.");
                        var revoked = await services.GetRequiredService<ApiKeyStore>().RevokeAsync(name, cancellationToken);
                        await output.WriteLineAsync(revoked ? $"Revoked \"{name}\"." : $"No live key named \"{name}\".");
                        return revoked ? 0 : 1;
                    }

                case ["apikey", "list", ..]:
                    foreach (var key in await services.GetRequiredService<ApiKeyStore>().ListAsync(cancellationToken))
                    {
                        await output.WriteLineAsync($"{key.Name}\t{key.Prefix}...\t{key.Role.ToString().ToUpperInvariant()}\t{key.RegionCode ?? "-"}\t{(key.RevokedAt is null ? "live" : "revoked " + key.RevokedAt.Value.ToString("u", System.Globalization.CultureInfo.InvariantCulture))}");
                    }

                    return 0;

                default:
                    await output.WriteLineAsync("Usage: token create --role NATIONAL|PROVINCE|REGION [--region CODE] [--subject NAME]");
                    await output.WriteLineAsync("       apikey create --name NAME --role ROLE [--region CODE] [--rpm N] | apikey revoke --name NAME | apikey list");
                    return 2;
            }
        }
        catch (ArgumentException e)
        {
            await output.WriteLineAsync("error: " + e.Message);
            return 2;
        }
    }

    private static AccessRole Role(Dictionary<string, string> options) =>
        SpmClaims.TryParseRole(options.GetValueOrDefault("role"), out var role)
            ? role
            : throw new ArgumentException("--role must be NATIONAL, PROVINCE or REGION.");

    private static Dictionary<string, string> Options(IEnumerable<string> args)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? pending = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                pending = arg[2..];
                options[pending] = "";
            }
            else if (pending is not null)
            {
                options[pending] = arg;
                pending = null;
            }
        }

        return options;
    }
}
