using System.Text;
using System.Text.Json.Nodes;
using CsvHelper;
using MiniExcelLibs;
using SpmGraph.Server.Export;

namespace SpmGraph.Tests.Export;

/// <summary>The CSV and XLSX writers, read back with CsvHelper and MiniExcel.</summary>
public sealed class ExportFormatTests
{
    private const string Data = """{"xs":[{"name":"Kota \"Baru\", Timur","rate":63.46153846153846,"count":12,"onTime":true,"formula":"=1+1","negative":-5,"none":null}]}""";

    [Fact]
    public async Task Csv_starts_with_a_bom_and_quotes_as_rfc_4180()
    {
        var bytes = await WriteAsync(ExportFormats.Csv, Data);

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.Equal(
            "name,rate,count,onTime,formula,negative,none\r\n\"Kota \"\"Baru\"\", Timur\",63.46153846153846,12,true,\"'=1+1\",-5,\r\n",
            text);
    }

    [Fact]
    public async Task Csv_reads_back_cell_by_cell()
    {
        var bytes = await WriteAsync(ExportFormats.Csv, Data);

        var (header, rows) = ReadCsv(bytes);

        Assert.Equal(["name", "rate", "count", "onTime", "formula", "negative", "none"], header);
        Assert.Equal(["Kota \"Baru\", Timur", "63.46153846153846", "12", "true", "'=1+1", "-5", ""], Assert.Single(rows));
    }

    [Fact]
    public async Task Xlsx_has_numbers_as_numbers_and_text_as_text()
    {
        var bytes = await WriteAsync(ExportFormats.Xlsx, Data);

        var row = Assert.Single(ReadXlsx(bytes));

        Assert.Equal(["name", "rate", "count", "onTime", "formula", "negative", "none"], row.Keys);
        Assert.Equal("Kota \"Baru\", Timur", row["name"]);
        Assert.Equal(63.46153846153846, row["rate"]);
        Assert.Equal(12d, row["count"]);
        Assert.Equal(true, row["onTime"]);
        Assert.Equal("=1+1", row["formula"]);
        Assert.Equal(-5d, row["negative"]);
        Assert.Null(row["none"]);
    }

    [Fact]
    public async Task An_empty_table_is_an_empty_file_with_a_bom_in_csv()
    {
        var bytes = await WriteAsync(ExportFormats.Csv, """{"xs":[]}""");

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes);
    }

    /// <summary>A CSV's header and rows, the BOM skipped.</summary>
    internal static (List<string> Header, List<List<string>> Rows) ReadCsv(byte[] bytes)
    {
        using var text = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var csv = CsvReader.Create(text, CsvReaderOptions.Default, leaveOpen: false);
        csv.ReadHeader();
        var header = csv.Headers.ToList();
        var rows = new List<List<string>>();
        while (csv.Read())
        {
            rows.Add([.. Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i) ?? "")]);
        }

        return (header, rows);
    }

    /// <summary>An XLSX's rows by header name, as MiniExcel reads them (numbers as double).</summary>
    internal static List<IDictionary<string, object?>> ReadXlsx(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return [.. MiniExcel.Query(stream, useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>()];
    }

    private static async Task<byte[]> WriteAsync(ExportFormat format, string data)
    {
        Assert.True(ExportTable.TryCreate(JsonNode.Parse(data)!.AsObject(), null, out var table));
        using var stream = new MemoryStream();
        await format.WriteAsync(table, stream, CancellationToken.None);
        return stream.ToArray();
    }
}
