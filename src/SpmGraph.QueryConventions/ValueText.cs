using System.Collections;
using System.Globalization;
using System.Text;

namespace SpmGraph.QueryConventions;

/// <summary>
/// A GraphQL value (an argument's, a request's variables) as text that differs whenever a value, its type or its shape
/// does: strings by length, numbers with their type, instants to the tick, objects by key (their order is not part
/// of the value). The key of what was decided or read for that very value.
/// </summary>
public static class ValueText
{
    public static string Of(object? value)
    {
        var text = new StringBuilder();
        Append(text, value);
        return text.ToString();
    }

    public static void Append(StringBuilder text, object? value)
    {
        ArgumentNullException.ThrowIfNull(text);
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
            case DateTime or DateTimeOffset:
                // Round-trip form: the default one drops fractions of a second.
                text.Append(value.GetType().Name).Append(':').Append(((IFormattable)value).ToString("O", CultureInfo.InvariantCulture)).Append(';');
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
            case IFormattable formattable:
                text.Append(value.GetType().Name).Append(':').Append(formattable.ToString(null, CultureInfo.InvariantCulture)).Append(';');
                break;
            default:
                text.Append(value.GetType().Name).Append(':').Append(value).Append(';');
                break;
        }
    }
}
