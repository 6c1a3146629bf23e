using System.Text;
using System.Text.Json.Nodes;
using GraphQL.Execution;
using GraphQL.Validation;
using SpmGraph.QueryConventions.Tests.Infrastructure;

namespace SpmGraph.QueryConventions.Tests;

/// <summary>Bad input becomes a GraphQL error with a code, never an exception out of the executor.</summary>
public sealed class ErrorTests
{
    private static TestHost Host => TestHost.Instance;

    public static TheoryData<string> InvalidDocuments => new()
    {
        "{ books(where: { nope: { eq: 1 } }) { totalCount } }",
        "{ books(where: { title: { foo: \"a\" } }) { totalCount } }",
        "{ books(where: { pages: { eq: \"abc\" } }) { totalCount } }",
        "{ books(where: { pages: { gt: 1.5 } }) { totalCount } }",
        "{ books(where: { genre: { eq: NOVEL } }) { totalCount } }",
        "{ books(where: { inPrint: { gt: true } }) { totalCount } }",
        "{ books(where: { title: { gt: \"a\" } }) { totalCount } }",
        "{ books(where: { and: { title: { eq: \"a\" } }, or: [null] }) { totalCount } }",
        "{ books(where: { reviews: { some: { nope: { eq: 1 } } } }) { totalCount } }",
        "{ books(where: \"title = 'x'\") { totalCount } }",
        "{ books(order: [{ nope: ASC }]) { totalCount } }",
        "{ books(order: [{ title: UP }]) { totalCount } }",
        "{ books(first: \"ten\") { totalCount } }",
        "{ books(first: 1.5) { totalCount } }",
        "{ books(after: 5) { totalCount } }",
    };

    public static TheoryData<string, string> CodedErrors => new()
    {
        { "first: -1", QueryConventionErrors.InvalidPagingArgument },
        { "last: -5", QueryConventionErrors.InvalidPagingArgument },
        { "first: 101", QueryConventionErrors.PageSizeExceeded },
        { "last: 101", QueryConventionErrors.PageSizeExceeded },
        { "first: 2147483647", QueryConventionErrors.PageSizeExceeded },
        { "after: \"abc\"", QueryConventionErrors.InvalidCursor },
        { "after: \"\"", QueryConventionErrors.InvalidCursor },
        { "before: \"!!!\"", QueryConventionErrors.InvalidCursor },
        { $"after: \"{Base64("\u00ff\u00fe garbage")}\"", QueryConventionErrors.InvalidCursor },
        { $"after: \"{Base64("pos:")}\"", QueryConventionErrors.InvalidCursor },
        { $"after: \"{Base64("pos:-1")}\"", QueryConventionErrors.InvalidCursor },
        { $"after: \"{Base64("pos:1.5")}\"", QueryConventionErrors.InvalidCursor },
        { $"before: \"{Base64("pos:99999999999999999999")}\"", QueryConventionErrors.InvalidCursor },
        { $"after: \"{Base64("pos:4294967296")}\"", QueryConventionErrors.InvalidCursor },
        { $"after: \"{Base64("pos:9223372036854775807")}\"", QueryConventionErrors.InvalidCursor },
        { "where: { title: null }", QueryConventionErrors.InvalidFilter },
        { "where: { not: null }", QueryConventionErrors.InvalidFilter },
        { "where: { title: { contains: null } }", QueryConventionErrors.InvalidFilter },
        { "where: { pages: { gt: null } }", QueryConventionErrors.InvalidFilter },
        { "where: { reviews: { any: null } }", QueryConventionErrors.InvalidFilter },
        { "where: { reviews: { some: null } }", QueryConventionErrors.InvalidFilter },
        { "where: { reviews: null }", QueryConventionErrors.InvalidFilter },
        { "where: { tags: { any: null } }", QueryConventionErrors.InvalidFilter },
        { $"where: {{ id: {{ in: [{string.Join(", ", Enumerable.Range(0, 1001))}] }} }}", QueryConventionErrors.InvalidFilter },
        { $"where: {string.Concat(Enumerable.Repeat("{ not: ", 17))}{{}}{new string('}', 17)}", QueryConventionErrors.InvalidFilter },
        { "order: [{ title: null }]", QueryConventionErrors.InvalidSort },
        { "order: [{ publisher: null }]", QueryConventionErrors.InvalidSort },
    };

    [Theory]
    [MemberData(nameof(InvalidDocuments))]
    public async Task Unknown_fields_operators_and_wrong_value_types_fail_validation(string query)
    {
        var result = await Host.ExecuteAsync(query);

        Assert.NotNull(result.Errors);
        Assert.NotEmpty(result.Errors);
        Assert.All(result.Errors, e => Assert.IsAssignableFrom<ValidationError>(e));
        Assert.Null(result.Data);
        var response = await Host.ResponseAsync(query);
        Assert.False(string.IsNullOrEmpty(response["errors"]![0]!["extensions"]?["code"]?.GetValue<string>()));
    }

    [Theory]
    [MemberData(nameof(CodedErrors))]
    public async Task Bad_arguments_give_an_error_with_the_expected_code(string arguments, string code)
    {
        var query = $"{{ books({arguments}) {{ totalCount nodes {{ id }} }} }}";
        var result = await Host.ExecuteAsync(query);

        var error = Assert.Single(result.Errors ?? []);
        Assert.IsNotType<UnhandledError>(error);
        Assert.Equal(code, error.Code);
        var response = await Host.ResponseAsync(query);
        Assert.Equal(code, response["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(new JsonArray("books"), response["errors"]![0]!["path"], JsonNode.DeepEquals);
    }

    [Fact]
    public async Task A_bad_nested_argument_fails_each_parent_with_the_code_and_keeps_the_rest()
    {
        var result = await Host.ExecuteAsync("{ authors(first: 3) { totalCount nodes { id books(first: 101) { totalCount } } } }");

        Assert.NotNull(result.Errors);
        Assert.All(result.Errors, e => Assert.Equal(QueryConventionErrors.PageSizeExceeded, e.Code));
        Assert.All(result.Errors, e => Assert.IsNotType<UnhandledError>(e));
        var response = await Host.ResponseAsync("{ authors(first: 3) { totalCount nodes { id books(first: 101) { totalCount } } } }");
        Assert.Equal(Host.Authors.Count, response["data"]!["authors"]!["totalCount"]!.GetValue<int>());
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
