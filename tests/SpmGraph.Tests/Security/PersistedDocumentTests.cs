using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SpmGraph.Server.PersistedDocuments;
using SpmGraph.Tests.Infrastructure;

namespace SpmGraph.Tests.Security;

/// <summary>
/// Persisted documents: requests that send a registered document's id (`documentId`, or Apollo's
/// extensions.persistedQuery.sha256Hash) instead of its text; the store; the OnlyPersisted switch.
/// </summary>
[Collection(ServerFixtureGroup.Name)]
public sealed class PersistedDocumentTests(SpmGraphFactory factory)
{
    private const string RegionCardVariables = """{"code":"19.71"}""";

    public static TheoryData<string> ContractQueryNames =>
    [
        "RegionCard", "CitiesOfProvince", "Catalog", "Achievements", "Reports", "ProvinceRollup", "Trend", "Ranking", "Laggards", "Budget", "Timeliness",
    ];

    [Theory]
    [MemberData(nameof(ContractQueryNames))]
    public void Every_contract_query_is_registered_under_its_hash(string operation)
    {
        var text = ContractOperations.Registered(operation);
        var file = Path.Combine(Store.Folder, PersistedDocumentIds.FileName(text));

        Assert.True(File.Exists(file), $"{operation} is not registered (or no longer matches the contract): write it to {file}.");
        Assert.Equal(text, File.ReadAllText(file));
    }

    [Fact]
    public async Task A_registered_document_runs_by_document_id_as_its_text_does()
    {
        var text = ContractOperations.Registered("RegionCard");
        var byText = await PostAsync(new JsonObject { ["query"] = text, ["variables"] = JsonNode.Parse(RegionCardVariables) });

        var byId = await PostAsync(new JsonObject { ["documentId"] = PersistedDocumentIds.ForDocument(text), ["variables"] = JsonNode.Parse(RegionCardVariables) });

        Assert.Equal(HttpStatusCode.OK, byId.Status);
        Assert.Null(byId.Body["errors"]);
        Assert.Equal("Kota Pangkal Pinang", (string?)byId.Body["data"]!["region"]!["name"]);
        Assert.True(JsonNode.DeepEquals(byText.Body["data"], byId.Body["data"]));
    }

    [Fact]
    public async Task An_upper_case_document_id_finds_the_same_document()
    {
        var id = PersistedDocumentIds.ForDocument(ContractOperations.Registered("Catalog"));

        var (status, body) = await PostAsync(new JsonObject { ["documentId"] = "sha256:" + id["sha256:".Length..].ToUpperInvariant() });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(6, body["data"]!["sectors"]!.AsArray().Count);
    }

    [Fact]
    public async Task An_apollo_persisted_query_hash_runs_the_registered_document()
    {
        var hash = PersistedDocumentIds.ForDocument(ContractOperations.Registered("RegionCard"))["sha256:".Length..];

        var (status, body) = await PostAsync(new JsonObject
        {
            ["variables"] = JsonNode.Parse(RegionCardVariables),
            ["extensions"] = new JsonObject { ["persistedQuery"] = new JsonObject { ["version"] = 1, ["sha256Hash"] = hash } },
        });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Kota Pangkal Pinang", (string?)body["data"]!["region"]!["name"]);
    }

    [Fact]
    public async Task A_get_request_runs_a_registered_document()
    {
        var id = PersistedDocumentIds.ForDocument(ContractOperations.Registered("RegionCard"));
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri($"/graphql?documentId={Uri.EscapeDataString(id)}&variables={Uri.EscapeDataString(RegionCardVariables)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await SecurityHttp.ReadJsonAsync(response);
        Assert.Equal("Kota Pangkal Pinang", (string?)body["data"]!["region"]!["name"]);
    }

    [Theory]
    [InlineData("sha256:0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("sha256:../../appsettings")]
    [InlineData("md5:d41d8cd98f00b204e9800998ecf8427e")]
    [InlineData("")]
    public async Task An_unknown_document_id_is_not_found_and_runs_nothing(string documentId)
    {
        var (status, body) = await PostAsync(new JsonObject { ["documentId"] = documentId });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(PersistedDocumentResolver.NotFound, SecurityHttp.Code(body));
        Assert.False(body.ContainsKey("data"));
        Assert.Empty(factory.Sql.Commands);
    }

    [Fact]
    public async Task Query_text_and_a_document_id_together_are_a_bad_request()
    {
        var text = ContractOperations.Registered("Catalog");

        var (status, body) = await PostAsync(new JsonObject { ["query"] = text, ["documentId"] = PersistedDocumentIds.ForDocument(text) });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("BAD_REQUEST", SecurityHttp.Code(body));
    }

    [Fact]
    public async Task A_document_id_that_is_not_a_string_is_a_bad_request()
    {
        var (status, body) = await PostAsync(new JsonObject { ["documentId"] = 42 });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("BAD_REQUEST", SecurityHttp.Code(body));
    }

    [Fact]
    public async Task An_apollo_hash_that_does_not_match_the_query_is_a_bad_request()
    {
        var (status, body) = await PostAsync(new JsonObject
        {
            ["query"] = "{ __typename }",
            ["extensions"] = new JsonObject { ["persistedQuery"] = new JsonObject { ["version"] = 1, ["sha256Hash"] = new string('0', 64) } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("BAD_REQUEST", SecurityHttp.Code(body));
    }

    [Fact]
    public async Task An_apollo_retry_with_the_text_of_an_unregistered_hash_runs_the_text()
    {
        const string query = "{ __typename }";
        var hash = PersistedDocumentIds.ForDocument(query)["sha256:".Length..];

        var (status, body) = await PostAsync(new JsonObject
        {
            ["query"] = query,
            ["extensions"] = new JsonObject { ["persistedQuery"] = new JsonObject { ["version"] = 1, ["sha256Hash"] = hash } },
        });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Query", (string?)body["data"]!["__typename"]);
    }

    [Fact]
    public void A_document_id_is_the_sha256_of_the_text_as_sha256sum_prints_it()
    {
        // printf '%s' '{ __typename }' | sha256sum
        Assert.Equal("sha256:7f56e67dd21ab3f30d1ff8b7bed08893f0a0db86449836189b361dd1e56ddb4b", PersistedDocumentIds.ForDocument("{ __typename }"));
        Assert.Equal("7f56e67dd21ab3f30d1ff8b7bed08893f0a0db86449836189b361dd1e56ddb4b.graphql", PersistedDocumentIds.FileName("{ __typename }"));
    }

    [Fact]
    public async Task With_only_persisted_documents_query_text_is_refused()
    {
        using var folder = new TempFolder();
        var resolver = Resolver(folder.Path, onlyPersisted: true);

        var resolution = await resolver.ResolveAsync("{ __typename }", null, null, CancellationToken.None);

        Assert.Null(resolution.Query);
        Assert.Equal(PersistedDocumentResolver.Required, resolution.ErrorCode);
    }

    [Fact]
    public async Task With_only_persisted_documents_a_registered_document_runs()
    {
        using var folder = new TempFolder();
        const string document = "query Hello { __typename }";
        folder.Register(document);
        var resolver = Resolver(folder.Path, onlyPersisted: true);

        var byId = await resolver.ResolveAsync(null, PersistedDocumentIds.ForDocument(document), null, CancellationToken.None);
        var byApolloRetry = await resolver.ResolveAsync("{ other }", null, ApolloExtensions(PersistedDocumentIds.ForDocument("{ other }")), CancellationToken.None);

        Assert.Equal(document, byId.Query);
        Assert.Equal(PersistedDocumentResolver.NotFound, byApolloRetry.ErrorCode);
    }

    [Fact]
    public async Task A_document_dropped_into_the_folder_is_found_without_a_restart()
    {
        using var folder = new TempFolder();
        var store = NewStore(folder.Path);
        const string document = "{ __typename }";
        var hash = PersistedDocumentIds.ForDocument(document)["sha256:".Length..];
        Assert.Null(await store.FindAsync(hash, CancellationToken.None));

        folder.Register(document);

        Assert.Equal(document, await store.FindAsync(hash, CancellationToken.None));
    }

    [Fact]
    public async Task A_file_whose_content_does_not_match_its_name_is_ignored()
    {
        using var folder = new TempFolder();
        var hash = PersistedDocumentIds.ForDocument("{ __typename }")["sha256:".Length..];
        await File.WriteAllTextAsync(Path.Combine(folder.Path, hash + ".graphql"), "{ __typename }\n");

        Assert.Null(await NewStore(folder.Path).FindAsync(hash, CancellationToken.None));
    }

    private PersistedDocumentStore Store => factory.Services.GetRequiredService<PersistedDocumentStore>();

    private Task<(HttpStatusCode Status, JsonObject Body)> PostAsync(JsonObject request) => SecurityHttp.PostRawAsync(factory, request.ToJsonString());

    private static PersistedDocumentStore NewStore(string folder) =>
        new(Options.Create(new PersistedDocumentOptions { Folder = folder }), new HostingEnvironment { ContentRootPath = Path.GetTempPath() }, NullLogger<PersistedDocumentStore>.Instance);

    private static PersistedDocumentResolver Resolver(string folder, bool onlyPersisted) =>
        new(NewStore(folder), Options.Create(new PersistedDocumentOptions { Folder = folder, OnlyPersisted = onlyPersisted }));

    private static Inputs ApolloExtensions(string documentId) =>
        new(new Dictionary<string, object?>
        {
            ["persistedQuery"] = new Dictionary<string, object?> { ["version"] = 1, ["sha256Hash"] = documentId["sha256:".Length..] },
        });

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("spmgraph-persisted-").FullName;

        /// <summary>Registers a document as the README says: its bytes under the name sha256sum gives them.</summary>
        public void Register(string document) =>
            File.WriteAllBytes(System.IO.Path.Combine(Path, PersistedDocumentIds.FileName(document)), Encoding.UTF8.GetBytes(document));

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
