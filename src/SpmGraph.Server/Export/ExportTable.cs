using System.Text.Json;
using System.Text.Json.Nodes;

namespace SpmGraph.Server.Export;

/// <summary>
/// A GraphQL answer's rows as a table: the first list in the answer (a connection's `nodes`, else its `edges[].node`,
/// else any list), searched depth-first in field order, each row flattened to columns named by dotted paths
/// (`key.province.name`). A list inside a row becomes one text cell per path, its items' values joined with
/// <see cref="ListSeparator"/>. Columns are in first-seen order across the rows.
/// </summary>
internal sealed class ExportTable
{
    public const string ListSeparator = "; ";

    /// <summary>The column of rows that are plain values (a list of strings or numbers).</summary>
    public const string ValueColumn = "value";

    private readonly List<string> _columns = [];
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private readonly List<Dictionary<string, JsonNode?>> _rows = [];

    private ExportTable()
    {
    }

    public IReadOnlyList<string> Columns => _columns;

    /// <summary>Each row's cells by column; a column a row lacks is absent (an empty cell).</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, JsonNode?>> Rows => _rows;

    /// <summary>
    /// The table of <paramref name="data"/> (an answer's `data`), from the first list at or under the field
    /// <paramref name="listPath"/> (dotted response names, e.g. `reportingStats`; the whole answer when empty). With no
    /// list there, the object itself is the one row; a null there is no row. False when the path names no field.
    /// </summary>
    public static bool TryCreate(JsonObject data, string? listPath, out ExportTable table)
    {
        ArgumentNullException.ThrowIfNull(data);
        table = new ExportTable();
        JsonNode? start = data;
        foreach (var name in string.IsNullOrEmpty(listPath) ? [] : listPath.Split('.'))
        {
            if (start is not JsonObject parent || !parent.TryGetPropertyValue(name, out start))
            {
                return false;
            }
        }

        var rows = FirstList(start) ?? (start is null ? [] : [start]);
        foreach (var row in rows)
        {
            var cells = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
            Flatten(row, string.Empty, cells);
            if (cells.Count > 0)
            {
                table.Add(cells);
            }
        }

        return true;
    }

    /// <summary>A cell as text: numbers as the answer writes them (invariant), booleans as true/false, null as empty.</summary>
    public static string Text(JsonNode? cell) => cell?.GetValueKind() switch
    {
        null or JsonValueKind.Null => string.Empty,
        JsonValueKind.String => cell.GetValue<string>(),
        _ => cell.ToJsonString(),
    };

    /// <summary>A cell as a value: whole numbers as long, other numbers as double, booleans, text, or null.</summary>
    public static object? Value(JsonNode? cell) => cell?.GetValueKind() switch
    {
        JsonValueKind.Number when cell.AsValue().TryGetValue<long>(out var whole) => whole,
        JsonValueKind.Number => cell.GetValue<double>(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => cell.GetValue<string>(),
        _ => null,
    };

    private void Add(Dictionary<string, JsonNode?> cells)
    {
        foreach (var column in cells.Keys.Where(_known.Add))
        {
            _columns.Add(column);
        }

        _rows.Add(cells);
    }

    /// <summary>The rows of the first list at or under <paramref name="node"/>, or <see langword="null"/> when there is none.</summary>
    private static IEnumerable<JsonNode?>? FirstList(JsonNode? node) => node switch
    {
        JsonArray list => list,
        JsonObject connection when connection["nodes"] is JsonArray nodes => nodes,
        JsonObject connection when connection["edges"] is JsonArray edges => edges.Select(e => e is JsonObject edge ? edge["node"] : e),
        JsonObject fields => fields.Select(f => FirstList(f.Value)).FirstOrDefault(rows => rows is not null),
        _ => null,
    };

    private static void Flatten(JsonNode? node, string path, Dictionary<string, JsonNode?> cells)
    {
        switch (node)
        {
            case JsonObject fields:
                foreach (var (name, value) in fields)
                {
                    Flatten(value, path.Length == 0 ? name : path + "." + name, cells);
                }

                break;
            case JsonArray list:
                FlattenList(list, path, cells);
                break;
            default:
                cells[path.Length == 0 ? ValueColumn : path] = node;
                break;
        }
    }

    /// <summary>A list inside a row: for each path its items have, their values joined into one text cell.</summary>
    private static void FlattenList(JsonArray list, string path, Dictionary<string, JsonNode?> cells)
    {
        var items = list.Select(item =>
        {
            var itemCells = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
            Flatten(item, path, itemCells);
            return itemCells;
        }).ToList();

        foreach (var column in items.SelectMany(i => i.Keys).Distinct(StringComparer.Ordinal))
        {
            var values = items.Select(i => Text(i.GetValueOrDefault(column)));
            cells[column] = JsonValue.Create(string.Join(ListSeparator, values));
        }
    }
}
