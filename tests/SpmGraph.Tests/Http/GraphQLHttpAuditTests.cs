using System.Text.Json;
using System.Text.Json.Nodes;
using SpmGraph.Tests.Infrastructure;

namespace SpmGraph.Tests.Http;

/// <summary>
/// The graphql-http package's server audit (GraphQL over HTTP spec conformance) against the live server.
/// Needs Node.js and npm; the audit's packages are installed on first run from Http/audit/package-lock.json.
/// </summary>
[Collection(ServerFixtureGroup.Name)]
public sealed class GraphQLHttpAuditTests(SpmGraphFactory factory)
{
    /// <summary>
    /// Audit ids whose warnings (failed SHOULDs) are accepted; each is explained in AUDIT-WARNINGS.md.
    /// Any other warning fails the test so a transport regression shows up.
    /// </summary>
    private static readonly HashSet<string> AcceptedWarnings = [];

    private static readonly TimeSpan AuditTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Server_passes_the_graphql_http_audit()
    {
        var folder = AuditFolder();
        await ExternalPrograms.InstallNpmPackagesAsync(folder, "graphql-http");

        var url = new Uri(factory.ServerAddress, "graphql").ToString();
        var audit = await ExternalPrograms.RunAsync("node", ["audit.mjs", url], folder, AuditTimeout);
        Assert.True(audit.ExitCode == 0, $"node audit.mjs failed:\n{audit}");

        var report = JsonNode.Parse(audit.Output)!.AsObject();
        var results = report["results"]!.AsArray().Select(r => r!.AsObject()).ToList();
        Assert.True(results.Count > 50, "The audit ran suspiciously few checks:\n" + audit.Output);

        var errors = results.Where(r => (string?)r["status"] == "error").ToList();
        Assert.True(errors.Count == 0, $"graphql-http audit errors (failed MUSTs) at {url}:\n{Describe(errors)}");

        var newWarnings = results.Where(r => (string?)r["status"] == "warn" && !AcceptedWarnings.Contains((string)r["id"]!)).ToList();
        Assert.True(newWarnings.Count == 0, $"graphql-http audit warnings not listed in Http/AUDIT-WARNINGS.md:\n{Describe(newWarnings)}");
    }

    private static string Describe(IEnumerable<JsonObject> entries) =>
        string.Join("\n", entries.Select(e => e.ToJsonString(new JsonSerializerOptions { WriteIndented = true })));

    private static string AuditFolder() => RepositoryPaths.InRepository("tests", "SpmGraph.Tests", "Http", "audit");
}
