using System.Text;
using CsvHelper;
using SpmGraph.Server.Http;

namespace SpmGraph.Server.Export;

/// <summary>
/// RFC 4180 CSV written by CsvHelper (fields quoted when needed, CRLF line ends) in UTF-8 with a BOM, so Excel reads it
/// as UTF-8: a header line of the column paths, then the rows; numbers in invariant form (`.` decimal point, shortest
/// round-trip text), booleans as true/false. Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`...)
/// gets a leading apostrophe, as OWASP advises; numbers never do.
/// </summary>
internal sealed class CsvExportFormat() : ExportFormat("csv", "text/csv")
{
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
        TrueValue = "true",
        FalseValue = "false",
    };

    public override string ContentType => MediaType + GraphQLMediaTypes.Utf8Suffix;

    public override async Task WriteAsync(ExportTable table, Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.Columns.Count == 0)
        {
            // No rows: nothing but the BOM (a record needs a field).
            await stream.WriteAsync(Encoding.UTF8.Preamble.ToArray(), cancellationToken);
            return;
        }

        await using var csv = CsvWriter.Create(stream, Options, leaveOpen: true);
        await csv.WriteRecordAsync([.. table.Columns], cancellationToken);
        foreach (var row in table.Rows)
        {
            foreach (var column in table.Columns)
            {
                switch (ExportTable.Value(row.GetValueOrDefault(column)))
                {
                    case long whole:
                        csv.WriteField(whole, default);
                        break;
                    case double number:
                        csv.WriteField(number, default);
                        break;
                    case bool flag:
                        csv.WriteField(flag);
                        break;
                    case var text:
                        csv.WriteField((string?)text);
                        break;
                }
            }

            await csv.EndRecordAsync(cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }
}
