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

    /// <summary>
    /// A contract operation as registered in the persisted documents: from `query` to its closing brace. (The cut
    /// of <see cref="Operation"/> runs on to the next definition, taking the comments between them.)
    /// </summary>
    public static string Registered(string name)
    {
        var lines = Operation(name).Split('\n').ToList();
        while (lines.Count > 0 && (string.IsNullOrWhiteSpace(lines[^1]) || lines[^1].TrimStart().StartsWith('#')))
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return string.Join('\n', lines);
    }
}
