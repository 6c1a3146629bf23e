using System.Collections;
using System.Globalization;
using System.Text;
using GraphQL;

namespace SpmGraph.GraphQL.Limits;

/// <summary>
/// A request's variables as text that differs whenever a value, its type or its shape does (objects by key, so their
/// order does not matter): the key of what was decided for those very variables.
/// </summary>
internal static class VariablesKey
{
    public static string Of(Inputs? variables)
    {
        if (variables is null || variables.Count == 0)
        {
            return "";
        }

        var text = new StringBuilder();
        Append(text, variables);
        return text.ToString();
    }

    private static void Append(StringBuilder text, object? value)
    {
        switch (value)
        {
            case null:
                text.Append('n');
                break;
            case string s:
                text.Append('s').Append(s.Length).Append(':').Append(s);
                break;
            case bool b:
                text.Append(b ? 't' : 'f');
                break;
            case IEnumerable<KeyValuePair<string, object?>> fields:
                text.Append('{');
                foreach (var (name, field) in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
                {
                    text.Append(name.Length).Append(':').Append(name);
                    Append(text, field);
                }

                text.Append('}');
                break;
            case IEnumerable items:
                text.Append('[');
                foreach (var item in items)
                {
                    Append(text, item);
                }

                text.Append(']');
                break;
            case IFormattable number:
                text.Append(number.GetType().Name).Append(':').Append(number.ToString(null, CultureInfo.InvariantCulture)).Append(';');
                break;
            default:
                text.Append(value.GetType().Name).Append(':').Append(value).Append(';');
                break;
        }
    }
}
