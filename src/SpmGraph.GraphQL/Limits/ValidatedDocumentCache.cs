using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;
using GraphQL.Validation.Rules.Custom;
using GraphQLParser;
using GraphQLParser.AST;
using Microsoft.Extensions.Caching.Memory;
using SpmGraph.QueryConventions;

namespace SpmGraph.GraphQL.Limits;

/// <summary>
/// A validation rule whose verdict is the same for every request of a document, whatever its operation name and
/// variables: it walks the whole document. A document that passed it once need not pass it again.
/// </summary>
internal interface IWholeDocumentRule : IValidationRule;

/// <summary>
/// Parsed documents that passed validation, by their text and the operation named: a request with a known pair skips
/// parsing and every rule whose verdict holds for the whole document (GraphQL.NET's core rules and each
/// <see cref="IWholeDocumentRule"/>; keyed by the operation too, so no rule's verdict on one operation is reused for another).
/// The rules that read the request still run: the queries-only rules of GET and the export (the operation chosen), and
/// the cost analysis, except for a document whose cost passed with the very same variables before. Variables are
/// coerced for every request. Bounded by the characters of the texts held.
/// </summary>
public sealed class ValidatedDocumentCache : IConfigureExecution, IDisposable
{
    /// <summary>The characters of document text held at most; the parsed documents take several times that in memory.</summary>
    public const long MaxCharacters = 4_000_000;

    private static readonly HashSet<IValidationRule> CoreRules = [.. DocumentValidator.CoreRules];

    /// <summary>The characters of variables held at most by the cost verdicts.</summary>
    public const long MaxPricedCharacters = 4_000_000;

    private readonly MemoryCache _documents = new(new MemoryCacheOptions { SizeLimit = MaxCharacters });

    /// <summary>Requests (document and variables) whose cost passed the complexity analysis once.</summary>
    private readonly MemoryCache _priced = new(new MemoryCacheOptions { SizeLimit = MaxPricedCharacters });

    /// <summary>After <see cref="LimitsExecution"/> has put the limit rules in, and refused over-long texts.</summary>
    public float SortOrder => 200;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(next);
        if (options.Document is not null || options.Query is not { } query)
        {
            return await next(options);
        }

        var key = new DocumentKey(query, options.OperationName);
        if (_documents.TryGetValue(key, out GraphQLDocument? document) && document is not null)
        {
            // The cost depends on the variables too (`first: $n`): a verdict is kept per document and variables.
            var priced = new PricedKey(key, ValueText.Of(options.Variables));
            var pricedBefore = _priced.TryGetValue(priced, out _);
            options.Document = document;
            options.ValidationRules = [.. (options.ValidationRules ?? DocumentValidator.CoreRules).Where(r => !IsWholeDocument(r) && !(pricedBefore && r is ComplexityValidationRule))];
            var answer = await next(options);
            if (!pricedBefore && answer.Executed)
            {
                Priced(priced);
            }

            return answer;
        }

        var result = await next(options);

        // Executed: the document passed validation, its cost with these variables included (and they were coerced).
        if (result.Executed && result.Document is { } validated)
        {
            _documents.Set(key, validated, new MemoryCacheEntryOptions { Size = Math.Max(1, query.Length) });
            Priced(new PricedKey(key, ValueText.Of(options.Variables)));
        }

        return result;
    }

    /// <summary>Whether the text is a document that passed validation and <paramref name="operationName"/> picks a mutation in it; false when unknown.</summary>
    public bool IsKnownMutation(string query, string? operationName) =>
        _documents.TryGetValue(new DocumentKey(query, operationName), out GraphQLDocument? document)
        && document?.OperationWithName(operationName)?.Operation == OperationType.Mutation;

    public void Dispose()
    {
        _documents.Dispose();
        _priced.Dispose();
    }

    private void Priced(PricedKey key) => _priced.Set(key, true, new MemoryCacheEntryOptions { Size = Math.Max(1, key.Variables.Length) });

    private static bool IsWholeDocument(IValidationRule rule) => rule is IWholeDocumentRule || CoreRules.Contains(rule);

    private readonly record struct DocumentKey(string Query, string? OperationName);

    private readonly record struct PricedKey(DocumentKey Document, string Variables);
}
