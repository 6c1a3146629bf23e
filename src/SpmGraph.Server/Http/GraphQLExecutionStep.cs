using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Validation;

namespace SpmGraph.Server.Http;

/// <summary>
/// Runs one request's document with the request's services and user. Limits, the timeout and the masking of
/// unexpected errors are configured with the schema (AddSpmLimits), so they hold for every caller of the executer.
/// </summary>
internal sealed class GraphQLExecutionStep(ILogger<GraphQLExecutionStep> logger)
{
    private static readonly IValidationRule[] OverGetRules = QueriesOnlyValidationRule.OverGet.Rules;

    public Task<ExecutionResult> ExecuteAsync(HttpContext context, string query, GraphQLHttpRequest request, bool overGet) =>
        ExecuteAsync(context, query, request, overGet ? OverGetRules : null);

    /// <summary>Runs with <paramref name="validationRules"/> in place of the core rules (the export's queries-only rules).</summary>
    public async Task<ExecutionResult> ExecuteAsync(HttpContext context, string query, GraphQLHttpRequest request, IEnumerable<IValidationRule>? validationRules)
    {
        var executer = context.RequestServices.GetRequiredService<IDocumentExecuter<ISchema>>();
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = query,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            ValidationRules = validationRules,
            RequestServices = context.RequestServices,
            User = context.User,
            CancellationToken = context.RequestAborted,
        });

        if (result.Errors?.Any(e => e is TimeoutError) == true)
        {
            logger.LogWarning("GraphQL operation {OperationName} ran past the execution timeout and was cancelled", request.OperationName);
        }

        return result;
    }
}
