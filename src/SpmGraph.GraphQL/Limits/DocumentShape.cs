using GraphQLParser.AST;

namespace SpmGraph.GraphQL.Limits;

/// <summary>
/// The size of a document, measured in time linear in its length: fragments are expanded by memo, never by copy,
/// so a fragment bomb (each fragment spreading the next twice) is measured as fast as it is read. Fragment cycles
/// and unknown fragments count as empty; GraphQL.NET's own rules report them.
/// </summary>
internal sealed class DocumentShape
{
    /// <summary>Introspection fields whose lists nest recursively (`type { fields { type { fields ... } } }`).</summary>
    private static readonly HashSet<string> RecursiveIntrospectionLists = ["fields", "inputFields", "interfaces", "possibleTypes"];

    private readonly Dictionary<string, Facts> _fragments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Totals> _totals = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);

    private DocumentShape()
    {
    }

    /// <summary>Aliases written in the document.</summary>
    public int AliasCount { get; private set; }

    /// <summary>
    /// Fields of every operation and fragment once their fragments are expanded, summed: what validating and
    /// executing the document could visit at most.
    /// </summary>
    public double ExpandedFields { get; private set; }

    /// <summary>Deepest field nesting of any operation, fragments expanded, introspection left out.</summary>
    public int Depth { get; private set; }

    /// <summary>Deepest nesting of <see cref="RecursiveIntrospectionLists"/> in any operation.</summary>
    public int IntrospectionListDepth { get; private set; }

    public static DocumentShape Measure(GraphQLDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var shape = new DocumentShape();
        var operations = new List<Facts>();
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case GraphQLOperationDefinition operation:
                    operations.Add(shape.Read(operation.SelectionSet, introspection: false));
                    break;
                case GraphQLFragmentDefinition fragment:
                    // Fragments on __Type, __Field, ... are introspection; a duplicate name is reported by GraphQL.NET.
                    var facts = shape.Read(fragment.SelectionSet, IsIntrospectionType(fragment.TypeCondition.Type.Name));
                    shape._fragments.TryAdd(fragment.FragmentName.Name.StringValue, facts);
                    break;
            }
        }

        foreach (var name in shape._fragments.Keys)
        {
            shape.ExpandedFields += shape.Total(name).Fields;
        }

        foreach (var operation in operations)
        {
            foreach (var spread in operation.Spreads)
            {
                shape.Total(spread.Fragment);
            }

            var totals = shape.Combine(operation);
            shape.ExpandedFields += totals.Fields;
            shape.Depth = Math.Max(shape.Depth, totals.Depth);
            shape.IntrospectionListDepth = Math.Max(shape.IntrospectionListDepth, totals.IntrospectionListDepth);
        }

        return shape;
    }

    private static bool IsIntrospectionType(GraphQLName name) => name.Value.Length >= 2 && name.Value.Span[0] == '_' && name.Value.Span[1] == '_';

    private Facts Read(GraphQLSelectionSet selectionSet, bool introspection)
    {
        var facts = new Facts();
        Walk(selectionSet, level: 0, listDepth: 0, introspection, facts);
        return facts;
    }

    /// <summary>Records what one definition says itself; recursion is bounded by the parser's depth limit.</summary>
    private void Walk(GraphQLSelectionSet selectionSet, int level, int listDepth, bool introspection, Facts facts)
    {
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    facts.Fields++;
                    if (field.Alias is not null)
                    {
                        AliasCount++;
                    }

                    var name = field.Name.StringValue;
                    var fieldListDepth = introspection && RecursiveIntrospectionLists.Contains(name) ? listDepth + 1 : listDepth;
                    facts.IntrospectionListDepth = Math.Max(facts.IntrospectionListDepth, fieldListDepth);
                    if (!introspection)
                    {
                        // An introspection field counts as one level: its answer is bounded by the schema, not the data.
                        facts.Depth = Math.Max(facts.Depth, level + 1);
                    }

                    if (field.SelectionSet is not null)
                    {
                        var entersIntrospection = introspection || name is "__schema" or "__type";
                        Walk(field.SelectionSet, level + 1, fieldListDepth, entersIntrospection, facts);
                    }

                    break;
                case GraphQLInlineFragment inline:
                    var inlineIntrospection = introspection || (inline.TypeCondition is { } condition && IsIntrospectionType(condition.Type.Name));
                    Walk(inline.SelectionSet, level, listDepth, inlineIntrospection, facts);
                    break;
                case GraphQLFragmentSpread spread:
                    facts.Spreads.Add(new Spread(spread.FragmentName.Name.StringValue, level, listDepth, CountsDepth: !introspection));
                    break;
            }
        }
    }

    /// <summary>A fragment's totals, its spreads resolved depth-first without recursion (spread chains can be long).</summary>
    private Totals Total(string fragment)
    {
        if (_totals.TryGetValue(fragment, out var known) || !_fragments.ContainsKey(fragment))
        {
            return known;
        }

        var stack = new Stack<(string Name, int NextSpread)>();
        stack.Push((fragment, 0));
        _inProgress.Add(fragment);
        while (stack.Count > 0)
        {
            var (name, nextSpread) = stack.Pop();
            var facts = _fragments[name];
            var descended = false;
            for (var i = nextSpread; i < facts.Spreads.Count && !descended; i++)
            {
                var target = facts.Spreads[i].Fragment;
                if (_totals.ContainsKey(target) || _inProgress.Contains(target) || !_fragments.ContainsKey(target))
                {
                    continue;
                }

                stack.Push((name, i + 1));
                stack.Push((target, 0));
                _inProgress.Add(target);
                descended = true;
            }

            if (!descended)
            {
                _totals[name] = Combine(facts);
                _inProgress.Remove(name);
            }
        }

        return _totals[fragment];
    }

    /// <summary>A definition's totals from its own facts and its (resolved) fragments; a cycle's back edge counts as empty.</summary>
    private Totals Combine(Facts facts)
    {
        var fields = facts.Fields;
        var depth = facts.Depth;
        var listDepth = facts.IntrospectionListDepth;
        foreach (var spread in facts.Spreads)
        {
            var target = _totals.GetValueOrDefault(spread.Fragment);
            fields += target.Fields;
            if (spread.CountsDepth && target.Depth > 0)
            {
                depth = Math.Max(depth, spread.Level + target.Depth);
            }

            listDepth = Math.Max(listDepth, spread.ListDepth + target.IntrospectionListDepth);
        }

        return new Totals(fields, depth, listDepth);
    }

    /// <summary>What a definition says itself, before its fragment spreads are expanded.</summary>
    private sealed class Facts
    {
        public double Fields { get; set; }

        public int Depth { get; set; }

        public int IntrospectionListDepth { get; set; }

        public List<Spread> Spreads { get; } = [];
    }

    /// <param name="Fragment">The spread fragment's name.</param>
    /// <param name="Level">Fields above the spread within its definition.</param>
    /// <param name="ListDepth">Recursive introspection lists above the spread.</param>
    /// <param name="CountsDepth">False inside introspection, which depth leaves out.</param>
    private readonly record struct Spread(string Fragment, int Level, int ListDepth, bool CountsDepth);

    /// <summary>A definition with its fragments expanded; fields as a double, since a bomb overflows any integer.</summary>
    private readonly record struct Totals(double Fields, int Depth, int IntrospectionListDepth);
}
