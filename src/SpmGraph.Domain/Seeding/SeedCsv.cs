using System.Text;

namespace SpmGraph.Domain.Seeding;

/// <summary>A parsed CSV file: a header and rows of fields, read by column name.</summary>
public sealed class SeedCsv
{
    private readonly Dictionary<string, int> _columns;

    private SeedCsv(string name, IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        Name = name;
        Header = header;
        Rows = rows;
        _columns = header.Select((column, index) => (column, index)).ToDictionary(x => x.column, x => x.index, StringComparer.Ordinal);
    }

    public string Name { get; }

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<IReadOnlyList<string>> Rows { get; }

    /// <summary>Reads one of the CSV files embedded under Seeding/Data (resource "SpmGraph.Seeding.&lt;file&gt;").</summary>
    public static SeedCsv ReadEmbedded(string fileName) => Parse(fileName, ReadEmbeddedText(fileName));

    /// <summary>The raw text of an embedded seed file.</summary>
    public static string ReadEmbeddedText(string fileName)
    {
        var resource = "SpmGraph.Seeding." + fileName;
        using var stream = typeof(SeedCsv).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded seed file '{resource}' is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>Parses RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks; CRLF is accepted.</summary>
    public static SeedCsv Parse(string name, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = new List<IReadOnlyList<string>>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                records.Add([.. fields]);
                fields.Clear();
            }
            else if (c != '\r')
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add([.. fields]);
        }

        if (records.Count == 0)
        {
            throw new FormatException($"{name}: no header.");
        }

        var header = records[0];
        var rows = records.Skip(1).ToList();
        for (var r = 0; r < rows.Count; r++)
        {
            if (rows[r].Count != header.Count)
            {
                throw new FormatException($"{name}: line {r + 2} has {rows[r].Count} fields, the header {header.Count}.");
            }
        }

        return new SeedCsv(name, header, rows);
    }

    /// <summary>The field of <paramref name="row"/> in the named column.</summary>
    public string Get(IReadOnlyList<string> row, string column)
    {
        ArgumentNullException.ThrowIfNull(row);
        return _columns.TryGetValue(column, out var index)
            ? row[index]
            : throw new FormatException($"{Name}: no column '{column}'.");
    }
}
