using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQL.Validation;
using Microsoft.Extensions.Logging;

namespace SpmGraph.GraphQL.Limits;

/// <summary>
/// Applies the limits to every execution: document length before parsing, the shape rule first among the
/// validation rules, the introspection switch, the timeout, and the masking of unexpected errors.
/// </summary>
internal sealed class LimitsExecution(GraphQLLimits limits, bool enableIntrospection, bool development, ILogger<LimitsExecution> logger) : IConfigureExecution
{
    private readonly DocumentShapeValidationRule _shapeRule = new(limits);

    /// <summary>After the option configurations (100) that add rules, so the shape rule can go before all of them.</summary>
    public float SortOrder => 150;

    public Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(next);
        if (options.Query is { } query && query.Length > limits.MaxDocumentLength)
        {
            return Task.FromResult(new ExecutionResult
            {
                Errors = [new ExecutionError($"The document is {query.Length} characters long; at most {limits.MaxDocumentLength} are allowed.") { Code = LimitErrorCodes.MaxDocumentLengthExceeded }],
            });
        }

        IEnumerable<IValidationRule> rules = [_shapeRule, OperationTypeValidationRule.Instance, .. options.ValidationRules ?? DocumentValidator.CoreRules];
        options.ValidationRules = enableIntrospection ? rules : rules.Append(IntrospectionDisabledValidationRule.Instance);
        options.Timeout = limits.ExecutionTimeout;
        options.TimeoutAction = TimeoutAction.ReturnTimeoutError;
        var earlier = options.UnhandledExceptionDelegate;
        options.UnhandledExceptionDelegate = async context =>
        {
            await earlier(context);
            await UnhandledErrors.HandleAsync(context, logger, development);
        };
        return next(options);
    }
}
