using GraphQLParser;
using GraphQLParser.AST;

namespace SpmGraph.Tests.Infrastructure;

/// <summary>The operations of docs/api/contract.graphql, each cut out exactly as written.</summary>
public static class ContractOperations
{
    private static readonly Lazy<Dictionary<string, string>> Operations = new(() =>
    {
        var text = File.ReadAllText(RepositoryPaths.ContractFile);
        var document = Parser.Parse(text);
        return document.Definitions.OfType<GraphQLOperationDefinition>()
            .ToDictionary(o => o.Name!.StringValue, o => text[o.Location.Start..o.Location.End]);
    });

    public static string Operation(string name) =>
        Operations.Value.TryGetValue(name, out var operation)
            ? operation
            : throw new KeyNotFoundException($"The contract has no operation named {name}.");
}
