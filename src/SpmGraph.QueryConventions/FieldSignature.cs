using System.Text;
using GraphQL;
using GraphQL.Execution;
using GraphQLParser.AST;

namespace SpmGraph.QueryConventions;

/// <summary>
/// Text equal for two fields of one level that ask the same of the database, so a batch loader may serve both: the
/// parent type and the field, each argument's value (<see cref="ValueText"/>), and the order in which inline objects
/// were written. GraphQL.NET hands an input object over in schema order; `order` sorts by its fields in the order
/// written, so `{ a: ASC, b: DESC }` and `{ b: DESC, a: ASC }` are two orders with the same values.
/// </summary>
public static class FieldSignature
{
    public static StringBuilder Of(IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        // The parent type too: the same field name on two types is two different loaders (and node types).
        var text = new StringBuilder(context.ParentType.Name).Append('.').Append(context.FieldDefinition.Name).Append('|');
        foreach (var (name, value) in (context.Arguments ?? new Dictionary<string, ArgumentValue>()).OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            text.Append(name).Append('=');
            ValueText.Append(text, value.Value);
            text.Append(';');
        }

        foreach (var argument in context.FieldAst.Arguments?.Items ?? [])
        {
            if (argument.Value is GraphQLObjectValue or GraphQLListValue)
            {
                text.Append('|').Append(argument.Name.StringValue).Append('=');
                AppendWrittenOrder(text, argument.Value);
            }
        }

        return text;
    }

    private static void AppendWrittenOrder(StringBuilder text, GraphQLValue value)
    {
        switch (value)
        {
            case GraphQLObjectValue written:
                text.Append('{');
                foreach (var field in written.Fields ?? [])
                {
                    text.Append(field.Name.StringValue).Append(':');
                    AppendWrittenOrder(text, field.Value);
                    text.Append(',');
                }

                text.Append('}');
                break;
            case GraphQLListValue list:
                text.Append('[');
                foreach (var item in list.Values ?? [])
                {
                    AppendWrittenOrder(text, item);
                    text.Append(',');
                }

                text.Append(']');
                break;
        }
    }
}
