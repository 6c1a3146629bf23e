using MiniExcelLibs;

namespace SpmGraph.Server.Export;

/// <summary>An XLSX workbook of one sheet written by MiniExcel: a header row of the column paths, numbers as number cells, text as text.</summary>
internal sealed class XlsxExportFormat() : ExportFormat("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
{
    public const string SheetName = "Export";

    public override Task WriteAsync(ExportTable table, Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        // Every row holds every column, in the table's order: the header is the first row's keys.
        var rows = table.Rows.Select(row => table.Columns.ToDictionary(c => c, c => ExportTable.Value(row.GetValueOrDefault(c)), StringComparer.Ordinal));
        return MiniExcel.SaveAsAsync(stream, rows, printHeader: true, sheetName: SheetName, excelType: ExcelType.XLSX, cancellationToken: cancellationToken);
    }
}
