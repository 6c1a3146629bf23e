using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.Instrumentation;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;
using GraphQLParser.AST;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using SpmGraph.GraphQL.Limits;
using SpmGraph.QueryConventions;
using SpmGraph.Tests.Infrastructure;

namespace SpmGraph.Tests.Security;

/// <summary>
/// The limits as configured (section GraphQL:Limits) on the shared host, and, on a small probe schema wired the
/// same way (AddSpmLimits), the behaviours the real schema cannot show: timeouts, masked server errors, the
/// introspection switch.
/// </summary>
[Collection(ServerFixtureGroup.Name)]
public sealed class LimitTests(SpmGraphFactory factory)
{
    /// <summary>The contract's queries with the variables ContractOperationTests runs them with.</summary>
    public static TheoryData<string, string> ContractQueries => new()
    {
        { "RegionCard", """{"code":"19.71"}""" },
        { "CitiesOfProvince", """{"province":"32"}""" },
        { "Catalog", "{}" },
        { "Achievements", """{"region":"19.71","year":2024}""" },
        { "Reports", """{"province":"16","year":2024,"quarter":2}""" },
        { "ProvinceRollup", """{"province":"16","year":2024,"quarter":4}""" },
        { "Trend", """{"from":2023}""" },
        { "Ranking", """{"year":2024,"quarter":4}""" },
        { "Laggards", """{"year":2024,"quarter":4}""" },
        { "Budget", """{"year":2024}""" },
        { "Timeliness", """{"year":2024,"quarter":2}""" },
    };

    [Fact]
    public void Limits_default_to_the_documented_values()
    {
        var limits = factory.Services.GetRequiredService<IOptions<GraphQLLimits>>().Value;
        var conventions = factory.Services.GetRequiredService<QueryConventionOptions>();

        Assert.Equal(15, limits.MaxDepth);
        Assert.Equal(25_000, limits.MaxComplexity);
        Assert.Equal(100, limits.MaxAliases);
        Assert.Equal(50_000, limits.MaxDocumentLength);
        Assert.Equal(TimeSpan.FromSeconds(30), limits.ExecutionTimeout);
        Assert.Equal(10, conventions.DefaultPageSize);
        Assert.Equal(100, conventions.MaxPageSize);
        Assert.Equal(1000, conventions.MaxInListLength);
    }

    [Theory]
    [MemberData(nameof(ContractQueries))]
    public async Task Contract_queries_cost_a_tenth_of_the_limit_or_less(string operation, string variables)
    {
        var limits = factory.Services.GetRequiredService<IOptions<GraphQLLimits>>().Value;

        var cost = await CostAsync(ContractOperations.Operation(operation), variables);

        Assert.True(cost <= limits.MaxComplexity / 10.0, $"{operation} costs {cost}; the limit is {limits.MaxComplexity}.");
    }

    [Theory]
    [MemberData(nameof(ContractQueries))]
    public async Task Contract_queries_run_within_the_limits(string operation, string variables)
    {
        var request = new JsonObject { ["query"] = ContractOperations.Operation(operation), ["variables"] = JsonNode.Parse(variables) };

        var (status, body) = await SecurityHttp.PostRawAsync(factory, request.ToJsonString());

        Assert.True(status == HttpStatusCode.OK, body.ToJsonString());
        Assert.Null(body["errors"]);
    }

    [Fact]
    public async Task Cost_counts_each_list_at_its_first_argument()
    {
        // regions 1 + nodes 1 + 100 x (children 1 + nodes 1 + 50 x name 1) = 5202.
        var cost = await CostAsync("{ regions(first: 100) { nodes { children(first: 50) { nodes { name } } } } }", "{}");

        Assert.Equal(5202, cost);
    }

    [Fact]
    public async Task Cost_counts_a_list_without_first_at_the_default_page_size()
    {
        // regions 1 + nodes 1 + 10 x (code 1 + children 1 + nodes 1 + 10 x name 1) = 132.
        var cost = await CostAsync("{ regions { nodes { code children { nodes { name } } } } }", "{}");

        Assert.Equal(132, cost);
    }

    [Fact]
    public async Task Cost_reads_first_from_variables()
    {
        var cost = await CostAsync("query Q($n: Int) { regions(first: $n) { nodes { name } } }", """{"n":100}""");

        Assert.Equal(102, cost);
    }

    [Fact]
    public async Task Banana_cake_pops_introspection_query_passes_the_limits()
    {
        var (status, body) = await SecurityHttp.PostRawAsync(factory, JsonSerializer.Serialize(new { query = IdeIntrospectionQuery }));

        Assert.True(status == HttpStatusCode.OK, body.ToJsonString());
        Assert.Null(body["errors"]);
        Assert.NotEmpty(body["data"]!["__schema"]!["types"]!.AsArray());
    }

    [Fact]
    public async Task A_hundred_aliases_are_allowed()
    {
        var aliases = string.Join(' ', Enumerable.Range(0, 100).Select(i => $"n{i}: name"));

        var data = await factory.ExecuteDataAsync("{ region(code: \"19.71\") { " + aliases + " } }");

        Assert.Equal("Kota Pangkal Pinang", (string?)data["region"]!["n99"]);
    }

    [Fact]
    public async Task Fifteen_levels_are_allowed()
    {
        // region + 13 x parent + name = 15 levels; a kota's grandparent is null, so this stays cheap.
        var query = "{ region(code: \"19.71\") { " + string.Concat(Enumerable.Repeat("parent { ", 13)) + "name" + new string('}', 14) + " }";

        var data = await factory.ExecuteDataAsync(query);

        Assert.Null(data["region"]!["parent"]!["parent"]);
    }

    [Fact]
    public async Task A_page_over_the_maximum_is_an_error_with_a_code()
    {
        var body = await factory.ExecuteAsync("{ regions(first: 101) { nodes { name } } }");

        Assert.Equal("PAGE_SIZE_EXCEEDED", SecurityHttp.Code(body));
    }

    [Fact]
    public async Task A_request_running_past_the_timeout_is_a_timeout_error()
    {
        using var probe = Probe(new() { ["GraphQL:Limits:ExecutionTimeout"] = "00:00:00.050" });

        var body = await probe.ExecuteAsync("{ hang }");

        Assert.Equal("TIMEOUT", SecurityHttp.Code(body));
        Assert.Null(body["data"]);
    }

    [Fact]
    public async Task An_unexpected_exception_is_an_internal_server_error_without_details()
    {
        using var probe = Probe(new(), environment: "Production");

        var body = await probe.ExecuteAsync("{ hello broken }");

        var error = Assert.Single(body["errors"]!.AsArray())!;
        Assert.Equal("Internal server error.", (string?)error["message"]);
        Assert.Equal("INTERNAL_SERVER_ERROR", (string?)error["extensions"]!["code"]);
        Assert.Equal("broken", (string?)error["path"]![0]);
        Assert.Equal("world", (string?)body["data"]!["hello"]);
        var text = body.ToJsonString();
        Assert.DoesNotContain("secret", text, StringComparison.Ordinal);
        Assert.DoesNotContain("INVALID_OPERATION", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_thrown_on_purpose_keeps_its_message_and_code()
    {
        using var probe = Probe(new(), environment: "Production");

        var body = await probe.ExecuteAsync("{ refused }");

        var error = Assert.Single(body["errors"]!.AsArray())!;
        Assert.Equal("Not for you.", (string?)error["message"]);
        Assert.Equal("NOT_ALLOWED", (string?)error["extensions"]!["code"]);
    }

    [Fact]
    public async Task In_development_an_unexpected_exception_keeps_its_details()
    {
        using var probe = Probe(new(), environment: "Development");

        var body = await probe.ExecuteAsync("{ broken }");

        Assert.Equal("INVALID_OPERATION", SecurityHttp.Code(body));
        Assert.Contains("secret", body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_introspection_disabled_schema_and_type_are_rejected()
    {
        using var probe = Probe(new() { ["GraphQL:EnableIntrospection"] = "false" });

        var schema = await probe.ExecuteAsync("{ __schema { queryType { name } } }");
        var type = await probe.ExecuteAsync("{ hello __type(name: \"Query\") { name } }");

        Assert.Equal("INTROSPECTION_DISABLED", SecurityHttp.Code(schema));
        Assert.Equal("INTROSPECTION_DISABLED", SecurityHttp.Code(type));
        Assert.Null(type["data"]);
    }

    [Fact]
    public async Task With_introspection_disabled_typename_is_answered()
    {
        using var probe = Probe(new() { ["GraphQL:EnableIntrospection"] = "false" });

        var body = await probe.ExecuteAsync("{ __typename hello }");

        Assert.Null(body["errors"]);
        Assert.Equal("Query", (string?)body["data"]!["__typename"]);
    }

    [Fact]
    public async Task Introspection_is_answered_by_default()
    {
        var data = await factory.ExecuteDataAsync("{ __type(name: \"Region\") { name } }");

        Assert.Equal("Region", (string?)data["__type"]!["name"]);
    }

    [Fact]
    public async Task Limits_apply_as_configured()
    {
        using var probe = Probe(new() { ["GraphQL:Limits:MaxDepth"] = "2", ["GraphQL:Limits:MaxAliases"] = "1", ["GraphQL:Limits:MaxDocumentLength"] = "40" });

        Assert.Null((await probe.ExecuteAsync("{ a: hello }"))["errors"]);
        Assert.Equal("MAX_ALIASES_EXCEEDED", SecurityHttp.Code(await probe.ExecuteAsync("{ a: hello b: hello }")));
        Assert.Equal("MAX_DEPTH_EXCEEDED", SecurityHttp.Code(await probe.ExecuteAsync("{ me { me { hello } } }")));
        Assert.Equal("MAX_DOCUMENT_LENGTH_EXCEEDED", SecurityHttp.Code(await probe.ExecuteAsync("{ hello }" + new string(' ', 40))));
    }

    [Fact]
    public async Task Depth_counts_the_levels_inside_fragments_where_they_are_spread()
    {
        using var probe = Probe(new() { ["GraphQL:Limits:MaxDepth"] = "3" });

        var within = await probe.ExecuteAsync("{ me { ...F } } fragment F on Query { me { hello } }");
        var past = await probe.ExecuteAsync("{ me { ...F } } fragment F on Query { me { ...G } } fragment G on Query { me { hello } }");

        Assert.Null(within["errors"]);
        Assert.Equal("MAX_DEPTH_EXCEEDED", SecurityHttp.Code(past));
    }

    [Fact]
    public void Unusable_limits_are_refused()
    {
        using var probe = Probe(new() { ["GraphQL:Limits:MaxDepth"] = "0" });

        Assert.Throws<OptionsValidationException>(() => probe.Services.GetRequiredService<IOptions<GraphQLLimits>>().Value);
    }

    [Fact]
    public void Page_limits_are_bound_from_the_limits_section()
    {
        using var probe = Probe(new() { ["GraphQL:Limits:MaxPageSize"] = "40", ["GraphQL:Limits:DefaultPageSize"] = "5" });

        var conventions = probe.Services.GetRequiredService<QueryConventionOptions>();

        Assert.Equal(40, conventions.MaxPageSize);
        Assert.Equal(5, conventions.DefaultPageSize);
    }

    /// <summary>The cost GraphQL.NET's analyzer gives an operation, priced as the server prices it.</summary>
    private async Task<double> CostAsync(string query, string variables)
    {
        var configured = factory.Services.GetRequiredService<ComplexityOptions>();
        double? cost = null;
        var measuring = new ComplexityOptions
        {
            DefaultComplexityImpactDelegate = configured.DefaultComplexityImpactDelegate,
            DefaultListImpactMultiplier = configured.DefaultListImpactMultiplier,
            DefaultObjectImpact = configured.DefaultObjectImpact,
            DefaultScalarImpact = configured.DefaultScalarImpact,
            ValidateComplexityDelegate = context =>
            {
                cost = context.TotalImpact;
                return Task.CompletedTask;
            },
        };

        var document = GraphQLParser.Parser.Parse(query);
        using var scope = factory.Services.CreateScope();
        var serializer = factory.Services.GetRequiredService<IGraphQLTextSerializer>();
        var result = await new DocumentValidator().ValidateAsync(new ValidationOptions
        {
            Schema = factory.Services.GetRequiredService<ISchema>(),
            Document = document,
            Operation = document.Definitions.OfType<GraphQLOperationDefinition>().Single(),
            Rules = [.. DocumentValidator.CoreRules, new ComplexityValidationRule(measuring)],
            Variables = serializer.Deserialize<Inputs>(variables)!,
            Extensions = Inputs.Empty,
            UserContext = new Dictionary<string, object?>(),
            Metrics = Metrics.None,
            RequestServices = scope.ServiceProvider,
        });

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => e.Message)));
        return cost ?? throw new InvalidOperationException("The complexity analyzer did not run.");
    }

    /// <summary>A probe schema wired like the server's (AddSpmLimits) under the given configuration.</summary>
    private static ProbeServer Probe(Dictionary<string, string?> settings, string environment = "Testing") => new(settings, environment);

    /// <summary>The Banana Cake Pop IDE's introspection query (its TypeRef nests ofType nine times).</summary>
    private const string IdeIntrospectionQuery = """
        query IntrospectionQuery {
          __schema {
            queryType { name }
            mutationType { name }
            subscriptionType { name }
            types { ...FullType }
            directives { name description locations args { ...InputValue } }
          }
        }
        fragment FullType on __Type {
          kind name description
          fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
          inputFields { ...InputValue }
          interfaces { ...TypeRef }
          enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
          possibleTypes { ...TypeRef }
        }
        fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
        fragment TypeRef on __Type {
          kind name
          ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name
            ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } } }
        }
        """;

    private sealed class ProbeServer : IDisposable
    {
        private readonly ServiceProvider _services;

        public ProbeServer(Dictionary<string, string?> settings, string environment)
        {
            var services = new ServiceCollection();
            services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
            services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = environment });
            services.AddLogging();
            services.AddGraphQL(b => b
                .AddSchema(_ => new ProbeSchema())
                .AddSystemTextJson()
                .AddErrorInfoProvider(options => options.ExposeExceptionDetails = environment == Environments.Development)
                .AddSpmLimits());
            _services = services.BuildServiceProvider();
        }

        public IServiceProvider Services => _services;

        public async Task<JsonObject> ExecuteAsync(string query)
        {
            using var scope = _services.CreateScope();
            var executer = _services.GetRequiredService<IDocumentExecuter<ISchema>>();
            var result = await executer.ExecuteAsync(new ExecutionOptions { Query = query, RequestServices = scope.ServiceProvider });
            var json = _services.GetRequiredService<IGraphQLTextSerializer>().Serialize(result);
            return JsonNode.Parse(json)!.AsObject();
        }

        public void Dispose() => _services.Dispose();
    }

    /// <summary>Fields that behave as the real schema's never should on demand: fail, refuse, hang.</summary>
    private sealed class ProbeSchema : global::GraphQL.Types.Schema
    {
        public ProbeSchema()
        {
            var query = new ObjectGraphType { Name = "Query" };
            query.Field<StringGraphType>("hello").Resolve(_ => "world");
            query.Field<StringGraphType>("broken").Resolve(_ => throw new InvalidOperationException("SELECT secret FROM credentials failed"));
            query.Field<StringGraphType>("refused").Resolve(_ => throw new ExecutionError("Not for you.") { Code = "NOT_ALLOWED" });
            query.Field<StringGraphType>("hang").ResolveAsync(async context =>
            {
                await Task.Delay(Timeout.Infinite, context.CancellationToken);
                return null;
            });
            query.Field("me", query).Resolve(_ => new object());
            Query = query;
        }
    }
}
