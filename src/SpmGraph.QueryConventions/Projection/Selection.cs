using GraphQL;
using GraphQLParser.AST;

namespace SpmGraph.QueryConventions.Projection;

/// <summary>Reads which fields a query selects under a field, through fragments and aliases.</summary>
public static class Selection
{
    /// <summary>Names of the fields selected directly under the resolving field.</summary>
    public static HashSet<string> Fields(IResolveFieldContext context) =>
        Collect(context, [context.FieldAst.SelectionSet]);

    /// <summary>Names of the node fields of a connection, under `nodes` and `edges { node }`.</summary>
    public static HashSet<string> NodeFields(IResolveFieldContext context)
    {
        var sets = new List<GraphQLSelectionSet?>();
        foreach (var field in FieldNodes(context, [context.FieldAst.SelectionSet]))
        {
            if (field.Name.StringValue == "nodes")
            {
                sets.Add(field.SelectionSet);
            }
            else if (field.Name.StringValue == "edges")
            {
                sets.AddRange(FieldNodes(context, [field.SelectionSet]).Where(f => f.Name.StringValue == "node").Select(f => f.SelectionSet));
            }
        }

        return Collect(context, sets);
    }

    private static HashSet<string> Collect(IResolveFieldContext context, IEnumerable<GraphQLSelectionSet?> sets) =>
        [.. FieldNodes(context, sets).Select(f => f.Name.StringValue)];

    private static IEnumerable<GraphQLField> FieldNodes(IResolveFieldContext context, IEnumerable<GraphQLSelectionSet?> sets)
    {
        var pending = new Stack<GraphQLSelectionSet>(sets.OfType<GraphQLSelectionSet>());
        var visitedFragments = new HashSet<string>();
        while (pending.Count > 0)
        {
            foreach (var selection in pending.Pop().Selections)
            {
                switch (selection)
                {
                    case GraphQLField field:
                        yield return field;
                        break;
                    case GraphQLInlineFragment inline:
                        pending.Push(inline.SelectionSet);
                        break;
                    case GraphQLFragmentSpread spread when visitedFragments.Add(spread.FragmentName.Name.StringValue):
                        var definition = context.Document.Definitions.OfType<GraphQLFragmentDefinition>()
                            .FirstOrDefault(d => d.FragmentName.Name == spread.FragmentName.Name);
                        if (definition is not null)
                        {
                            pending.Push(definition.SelectionSet);
                        }

                        break;
                }
            }
        }
    }
}
