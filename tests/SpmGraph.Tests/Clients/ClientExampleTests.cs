using System.Text.Json.Nodes;
using SpmGraph.Domain.Model;
using SpmGraph.Tests.Infrastructure;

namespace SpmGraph.Tests.Clients;

/// <summary>
/// The client examples of README (docs/clients): each is run against the live test host with a token and must print
/// exactly what the API answers that token for the persisted document it names. The JavaScript one needs Node.js and
/// its npm packages (docs/clients/package-lock.json, installed on first run), the Python one python3, the shell one
/// bash and curl.
/// </summary>
[Collection(ServerFixtureGroup.Name)]
public sealed class ClientExampleTests(SpmGraphFactory factory)
{
    /// <summary>What every example runs: contract operation 7 for 2025 Q4, the latest quarter of the seed.</summary>
    private const string Operation = "Ranking";

    private static readonly TimeSpan ExampleTimeout = TimeSpan.FromMinutes(1);

    private static JsonObject Variables => new() { ["year"] = 2025, ["quarter"] = 4 };

    private static string Folder => RepositoryPaths.InRepository("docs", "clients");

    [Theory]
    [InlineData("node", "example.mjs")]
    [InlineData("python3", "example.py")]
    [InlineData("bash", "example.sh")]
    public async Task Client_example_prints_the_APIs_answer_for_its_token(string program, string example)
    {
        var token = factory.TokenFor(AccessRole.National);
        var expected = await factory.GetDataAsync(Operation, Variables, token);

        // A NATIONAL caller also sees drafts, so an example that dropped its token would print another answer.
        var anonymous = await factory.GetDataAsync(Operation, Variables);
        Assert.False(JsonNode.DeepEquals(expected, anonymous), "The example's quarter must hold drafts, so the token shows in the answer.");

        if (program == "node")
        {
            await ExternalPrograms.InstallNpmPackagesAsync(Folder, "@urql/core");
        }

        var url = new Uri(factory.ServerAddress, "graphql").ToString();
        var run = await ExternalPrograms.RunAsync(program, [example, url], Folder, ExampleTimeout, new Dictionary<string, string> { ["TOKEN"] = token });
        Assert.True(run.ExitCode == 0, $"{program} {example} failed:\n{run}");

        var printed = JsonNode.Parse(run.Output)!.AsObject();
        // The curl example prints the whole response, the others its data.
        var data = printed["data"] is JsonObject inner && printed.Count == 1 ? inner : printed;
        Assert.True(JsonNode.DeepEquals(expected, data), $"{example} printed something else than the API's answer:\n{run.Output}\nexpected:\n{expected.ToJsonString()}");
    }

    [Theory]
    [InlineData("example.mjs")]
    [InlineData("example.py")]
    [InlineData("example.sh")]
    public void Readme_shows_the_client_example_as_it_is_in_docs_clients(string example)
    {
        var readme = File.ReadAllText(RepositoryPaths.InRepository("README.md")).ReplaceLineEndings("\n");
        var text = File.ReadAllText(Path.Combine(Folder, example)).ReplaceLineEndings("\n");
        Assert.Contains($"[docs/clients/{example}](docs/clients/{example})", readme, StringComparison.Ordinal);
        Assert.True(readme.Contains(text, StringComparison.Ordinal), $"README's copy of docs/clients/{example} differs from the file; paste the file into README again.");
    }
}
