using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;
using GraphQLParser.AST;
using SpmGraph.GraphQL.Limits;
using SpmGraph.Tests.Infrastructure;

namespace SpmGraph.Tests.Security;

/// <summary>
/// A document that passed validation once is reused parsed, and skips the rules that judge the whole document; the
/// rules that read the request (its variables, its operation, its HTTP method) still judge every request.
/// </summary>
[Collection(ServerFixtureGroup.Name)]
public sealed class DocumentCacheTests(SpmGraphFactory factory)
{
    [Fact]
    public async Task A_known_document_and_operation_run_parsed_with_only_the_rules_that_read_the_request()
    {
        using var cache = new ValidatedDocumentCache();
        var requestRule = new ProbeRule();
        IEnumerable<IValidationRule> Rules() => [OperationTypeValidationRule.Instance, IntrospectionDisabledValidationRule.Instance, .. DocumentValidator.CoreRules, requestRule];
        var parsed = GraphQLParser.Parser.Parse("{ __typename }");
        var seen = new List<(GraphQLDocument? Document, IValidationRule[] Rules)>();
        Task<ExecutionResult> Next(ExecutionOptions options)
        {
            seen.Add((options.Document, [.. options.ValidationRules!]));
            return Task.FromResult(new ExecutionResult { Executed = true, Document = options.Document ?? parsed });
        }

        await cache.ExecuteAsync(new ExecutionOptions { Query = "{ __typename }", ValidationRules = Rules() }, Next);
        await cache.ExecuteAsync(new ExecutionOptions { Query = "{ __typename }", ValidationRules = Rules() }, Next);
        await cache.ExecuteAsync(new ExecutionOptions { Query = "{ __typename } ", ValidationRules = Rules() }, Next);
        await cache.ExecuteAsync(new ExecutionOptions { Query = "{ __typename }", OperationName = "Other", ValidationRules = Rules() }, Next);

        Assert.Null(seen[0].Document);
        Assert.Equal(Rules().Count(), seen[0].Rules.Length);
        Assert.Same(parsed, seen[1].Document);
        Assert.Equal([requestRule], seen[1].Rules);
        Assert.Null(seen[2].Document);
        Assert.Null(seen[3].Document);
    }

    [Fact]
    public async Task A_document_that_failed_validation_is_not_kept()
    {
        using var cache = new ValidatedDocumentCache();
        var documents = new List<GraphQLDocument?>();
        Task<ExecutionResult> Next(ExecutionOptions options)
        {
            documents.Add(options.Document);
            return Task.FromResult(new ExecutionResult { Executed = false, Document = GraphQLParser.Parser.Parse("{ nope }") });
        }

        await cache.ExecuteAsync(new ExecutionOptions { Query = "{ nope }" }, Next);
        await cache.ExecuteAsync(new ExecutionOptions { Query = "{ nope }" }, Next);

        Assert.Equal([null, null], documents);
    }

    [Fact]
    public async Task The_cost_is_judged_again_unless_the_document_passed_with_the_very_same_variables()
    {
        const string Query = "query($n: Int, $m: Int) { regions(first: $n) { totalCount } }";
        using var cache = new ValidatedDocumentCache();
        var cost = new ComplexityValidationRule(new ComplexityOptions());
        var parsed = GraphQLParser.Parser.Parse(Query);
        var judged = new List<bool>();
        Task<ExecutionResult> Next(ExecutionOptions options)
        {
            judged.Add(options.ValidationRules!.Contains(cost));
            return Task.FromResult(new ExecutionResult { Executed = true, Document = options.Document ?? parsed });
        }

        async Task Run(string variables) => await cache.ExecuteAsync(
            new ExecutionOptions { Query = Query, Variables = new GraphQLSerializer().Deserialize<Inputs>(variables), ValidationRules = [.. DocumentValidator.CoreRules, cost] },
            Next);

        await Run("""{"n":2,"m":1}""");
        await Run("""{"m":1,"n":2}""");
        await Run("""{"n":3,"m":1}""");
        await Run("""{"n":"2","m":1}""");
        await Run("""{"n":2}""");
        await Run("""{"n":3,"m":1}""");

        Assert.Equal([true, false, true, true, true, false], judged);
    }

    /// <summary>A document, variables it runs with, and variables the cost limit or their coercion refuses.</summary>
    public static TheoryData<string, string, string, string> RequestChecks => new()
    {
        {
            "# DocumentCacheTests: cost\nquery Nested($n: Int) { regions(first: $n) { nodes { children(first: $n) { nodes { opds(first: $n) { nodes { name } } } } } } }",
            """{"n":2}""", """{"n":100}""", "MAX_COMPLEXITY_EXCEEDED"
        },
        { "# DocumentCacheTests: variables\nquery One($code: String!) { region(code: $code) { name } }", """{"code":"19.71"}""", """{"code":5}""", "INVALID_VALUE" },
    };

    [Theory]
    [MemberData(nameof(RequestChecks))]
    public async Task The_variables_of_a_known_document_are_still_checked(string query, string accepted, string refused, string code)
    {
        string Body(string variables) => new JsonObject { ["query"] = query, ["variables"] = JsonNode.Parse(variables) }.ToJsonString();

        var (first, _) = await SecurityHttp.PostRawAsync(factory, Body(accepted));
        var (second, body) = await SecurityHttp.PostRawAsync(factory, Body(refused));

        Assert.Equal(HttpStatusCode.OK, first);
        Assert.Equal(HttpStatusCode.BadRequest, second);
        Assert.Equal(code, SecurityHttp.Code(body));
    }

    [Fact]
    public async Task A_mutation_known_from_a_POST_is_still_refused_over_GET()
    {
        const string Query = "# DocumentCacheTests: GET\nmutation { __typename }";
        var (posted, _) = await SecurityHttp.PostRawAsync(factory, JsonSerializer.Serialize(new { query = Query }));

        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/graphql?query=" + Uri.EscapeDataString(Query), UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, posted);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("METHOD_NOT_ALLOWED", SecurityHttp.Code(await SecurityHttp.ReadJsonAsync(response)));
    }

    /// <summary>A rule that reads the request: it never counts as judging the whole document.</summary>
    private sealed class ProbeRule : ValidationRuleBase;
}
