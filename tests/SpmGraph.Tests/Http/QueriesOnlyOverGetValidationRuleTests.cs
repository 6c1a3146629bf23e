using GraphQL;
using GraphQL.Types;
using SpmGraph.Server.Http;

namespace SpmGraph.Tests.Http;

/// <summary>The GET check as a validation rule, on a small schema of its own (the transport tests cover the 405).</summary>
public sealed class QueriesOnlyOverGetValidationRuleTests
{
    private static readonly ISchema Schema = global::GraphQL.Types.Schema.For("""
        type Query { a: String }
        type Mutation { b: String }
        """);

    [Fact]
    public async Task A_query_passes()
    {
        var result = await ValidateAsync("{ a }");

        Assert.Null(result.Errors);
    }

    [Fact]
    public async Task A_mutation_is_refused_as_method_not_allowed()
    {
        var result = await ValidateAsync("mutation { b }");

        var error = Assert.Single(result.Errors!);
        Assert.IsType<NotAQueryOverGetError>(error);
        Assert.Equal(HttpErrorCodes.MethodNotAllowed, error.Code);
        Assert.Equal("A mutation operation cannot be sent over GET; use POST.", error.Message);
        Assert.False(result.Executed);
    }

    [Theory]
    [InlineData("Read", false)]
    [InlineData("Write", true)]
    public async Task The_operation_that_runs_is_the_one_checked(string operationName, bool refused)
    {
        var result = await ValidateAsync("query Read { a } mutation Write { b }", operationName);

        Assert.Equal(refused, result.Errors?.OfType<NotAQueryOverGetError>().Any() == true);
    }

    [Fact]
    public async Task A_mutation_with_other_errors_is_still_refused_first()
    {
        var result = await ValidateAsync("mutation { nothingHere }");

        Assert.IsType<NotAQueryOverGetError>(Assert.Single(result.Errors!));
    }

    private static Task<ExecutionResult> ValidateAsync(string query, string? operationName = null) =>
        new DocumentExecuter().ExecuteAsync(new ExecutionOptions
        {
            Schema = Schema,
            Query = query,
            OperationName = operationName,
            ValidationRules = QueriesOnlyValidationRule.OverGet.Rules,
        });
}
