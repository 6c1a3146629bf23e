using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CsvHelper;
using SpmGraph.Domain.Writing;
using SpmGraph.GraphQL.Common;

using SpmGraph.Server.Http;

namespace SpmGraph.Server.Import;

/// <summary>
/// Bulk import of achievements and plans from CSV (README, "Writing data"): every line is parsed
/// and checked first, with the same checks as the mutations, and every bad line is reported; only
/// a file without any is written, all of it in one transaction. Rows are keyed by region, indicator,
/// year (and quarter), so importing the same file again changes nothing. Used by the `import`
/// command; an authenticated HTTP upload can call it the same way.
/// </summary>
public sealed class CsvImporter(AchievementWriter achievements, PlanWriter plans)
{
    /// <summary>How often reading reports progress, in rows.</summary>
    public const int ProgressEvery = 10_000;

    /// <summary>The columns of an achievements file, in the documented order.</summary>
    public static IReadOnlyList<CsvColumn> AchievementColumns { get; } =
    [
        new("region_code", true),
        new("indicator_code", true),
        new("year", true),
        new("quarter", true),
        new("target", true),
        new("served", true),
        new("quality_rate", false),
        new("budget_realized", true),
    ];

    /// <summary>The columns of a plans file, in the documented order.</summary>
    public static IReadOnlyList<CsvColumn> PlanColumns { get; } =
    [
        new("region_code", true),
        new("indicator_code", true),
        new("year", true),
        new("opd_id", true),
        new("target", true),
        new("unit_cost", true),
        new("budget_allocated", true),
        new("program_code", false),
        new("budget_needed", false),
        new("plan_period", false),
    ];

    public Task<ImportResult> ImportAchievementsAsync(TextReader csv, string actor, IProgress<ImportProgress>? progress, CancellationToken cancellationToken, Func<string, bool>? mayWriteRegion = null) =>
        ImportAsync(
            csv,
            AchievementColumns,
            row => new AchievementInput
            {
                RegionCode = row.Text("region_code"),
                IndicatorCode = row.Text("indicator_code"),
                Year = row.Int("year"),
                Quarter = row.Int("quarter"),
                Target = row.Long("target"),
                Served = row.Long("served"),
                QualityRate = row.OptionalDouble("quality_rate"),
                BudgetRealized = row.Long("budget_realized"),
            },
            input => $"{input.RegionCode.Trim()}|{input.IndicatorCode.Trim().ToUpperInvariant()}|{input.Year}|{input.Quarter}",
            input => input.RegionCode.Trim(),
            mayWriteRegion,
            "region, indicator, year and quarter",
            (inputs, options) => achievements.RecordManyAsync(inputs, actor, options, cancellationToken),
            progress);

    public Task<ImportResult> ImportPlansAsync(TextReader csv, string actor, IProgress<ImportProgress>? progress, CancellationToken cancellationToken, Func<string, bool>? mayWriteRegion = null) =>
        ImportAsync(
            csv,
            PlanColumns,
            row => new PlanInput
            {
                RegionCode = row.Text("region_code"),
                IndicatorCode = row.Text("indicator_code"),
                Year = row.Int("year"),
                OpdId = row.OpdId("opd_id"),
                Target = row.Long("target"),
                UnitCost = row.Long("unit_cost"),
                BudgetAllocated = row.Long("budget_allocated"),
                ProgramCode = row.OptionalText("program_code"),
                BudgetNeeded = row.OptionalLong("budget_needed"),
                PlanPeriod = row.OptionalText("plan_period"),
            },
            input => $"{input.RegionCode.Trim()}|{input.IndicatorCode.Trim().ToUpperInvariant()}|{input.Year}",
            input => input.RegionCode.Trim(),
            mayWriteRegion,
            "region, indicator and year",
            (inputs, options) => plans.UpsertManyAsync(inputs, actor, options, cancellationToken),
            progress);

    /// <summary>A field name of the writers' inputs as the file's column: served, budgetRealized: budget_realized.</summary>
    public static string ColumnOf(string field) => JsonNamingPolicy.SnakeCaseLower.ConvertName(field);

    private static async Task<ImportResult> ImportAsync<TInput, TRow>(
        TextReader text,
        IReadOnlyList<CsvColumn> columns,
        Func<ImportLine, TInput> parse,
        Func<TInput, string> keyOf,
        Func<TInput, string> regionOf,
        Func<string, bool>? mayWriteRegion,
        string keyName,
        Func<IReadOnlyList<TInput>, BatchWriteOptions, Task<BatchWriteResult<TRow>>> write,
        IProgress<ImportProgress>? progress)
    {
        var stopwatch = Stopwatch.StartNew();
        var errors = new List<ImportError>();
        var inputs = new List<TInput>();
        var lines = new List<int>();
        var firstLines = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = 0;
        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = true,
            TrimWhitespace = true,
            TrackLineNumbers = true,
            FormatProvider = CultureInfo.InvariantCulture,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            OnMalformedRecord = bad => errors.Add(new ImportError((int)bad.LineNumber, null, WriteErrorCodes.InvalidFormat, $"Malformed CSV ({bad.Reason}): {bad.RawRecord}")),
        };

        using (var csv = CsvReader.Create(text, options, leaveOpen: true))
        {
            var header = ReadHeader(csv, columns, errors);
            if (header is null)
            {
                return new ImportResult { Errors = errors, Elapsed = stopwatch.Elapsed };
            }

            while (csv.Read())
            {
                rows++;
                var line = (int)csv.LineNumber;
                var before = errors.Count;
                if (csv.FieldCount != header.Count)
                {
                    errors.Add(new ImportError(line, null, WriteErrorCodes.InvalidFormat, $"The line has {csv.FieldCount} fields; the header has {header.Count}."));
                }
                else
                {
                    var input = parse(new ImportLine(csv, header, line, errors));
                    if (errors.Count == before && mayWriteRegion is not null && !mayWriteRegion(regionOf(input)))
                    {
                        // An upload writes only the regions its caller may write (README, "Authentication and roles").
                        errors.Add(new ImportError(line, "region_code", WriteErrorCodes.Forbidden, $"The caller may not write the data of {regionOf(input)}."));
                    }
                    else if (errors.Count == before && !firstLines.TryAdd(keyOf(input), line))
                    {
                        errors.Add(new ImportError(line, null, WriteErrorCodes.DuplicateRow, $"The same {keyName} as line {firstLines[keyOf(input)]}."));
                    }
                    else if (errors.Count == before)
                    {
                        inputs.Add(input);
                        lines.Add(line);
                    }
                }

                if (rows % ProgressEvery == 0)
                {
                    progress?.Report(new ImportProgress(ImportStage.Reading, rows));
                }
            }
        }

        var readTime = stopwatch.Elapsed;
        if (rows % ProgressEvery != 0)
        {
            progress?.Report(new ImportProgress(ImportStage.Reading, rows));
        }

        if (rows == 0)
        {
            errors.Add(new ImportError(0, null, WriteErrorCodes.Required, "The file has a header but no rows."));
        }

        // Lines that did not parse are reported already; the others are still checked (not written) so every bad line shows at once.
        var writeProgress = progress is null ? null : new InlineProgress<int>(n =>
            progress.Report(n == 0 ? new ImportProgress(ImportStage.Checked, inputs.Count) : new ImportProgress(ImportStage.Writing, n)));
        var result = await write(inputs, new BatchWriteOptions { CheckOnly = errors.Count > 0, Progress = writeProgress });
        foreach (var (index, error) in result.Errors)
        {
            errors.Add(new ImportError(
                index < 0 ? 0 : lines[index],
                error.Path.Count == 0 ? null : ColumnOf(error.Path[0]),
                error.Code,
                RenameFields(error.Message, columns)));
        }

        return new ImportResult
        {
            Rows = rows,
            Created = errors.Count == 0 ? result.Created : 0,
            Updated = errors.Count == 0 ? result.Updated : 0,
            Unchanged = errors.Count == 0 ? result.Unchanged : 0,
            AuditEntries = errors.Count == 0 ? result.AuditEntries : 0,
            Errors = [.. errors.OrderBy(e => e.Line).ThenBy(e => e.Column, StringComparer.Ordinal)],
            ReadTime = readTime,
            Elapsed = stopwatch.Elapsed,
        };
    }

    /// <summary>The header's column positions by name, or null (and the errors) when columns are missing, unknown or repeated.</summary>
    private static Dictionary<string, int>? ReadHeader(CsvReader csv, IReadOnlyList<CsvColumn> columns, List<ImportError> errors)
    {
        var expected = string.Join(",", columns.Select(c => c.Name));
        csv.ReadHeader();
        var names = csv.Headers;
        if (names.Count == 0)
        {
            errors.Add(new ImportError(1, null, WriteErrorCodes.Required, $"The file is empty; the first line must be the header: {expected}."));
            return null;
        }

        var header = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i].Trim().ToLowerInvariant();
            if (!columns.Any(c => c.Name == name))
            {
                errors.Add(new ImportError(1, names[i], HttpErrorCodes.UnknownColumn, $"\"{names[i]}\" is not a column of this import; the columns are {expected}."));
            }
            else if (!header.TryAdd(name, i))
            {
                errors.Add(new ImportError(1, name, HttpErrorCodes.DuplicateColumn, $"The column {name} appears twice."));
            }
        }

        foreach (var column in columns.Where(c => c.Required && !header.ContainsKey(c.Name)))
        {
            errors.Add(new ImportError(1, column.Name, HttpErrorCodes.MissingColumn, $"The header has no {column.Name} column; the columns are {expected}."));
        }

        return errors.Count == 0 ? header : null;
    }

    // The writers' messages name input fields (budgetRealized); an import's reader knows columns (budget_realized).
    private static string RenameFields(string message, IReadOnlyList<CsvColumn> columns)
    {
        foreach (var column in columns)
        {
            var field = JsonNamingPolicy.CamelCase.ConvertName(string.Concat(column.Name.Split('_').Select(p => char.ToUpperInvariant(p[0]) + p[1..])));
            if (field != column.Name)
            {
                message = message.Replace(field, column.Name, StringComparison.Ordinal);
            }
        }

        return message;
    }

    /// <summary>Runs the handler on the reporting thread, in order (Progress&lt;T&gt; posts to the thread pool).</summary>
    private sealed class InlineProgress<T>(Action<T> handler) : IProgress<T>
    {
        public void Report(T value) => handler(value);
    }
}

/// <summary>A column of an import file; optional columns may be left out of the header or left empty.</summary>
public sealed record CsvColumn(string Name, bool Required);

/// <summary>Typed reads of one line's fields; a field that is missing or does not parse adds an error and reads as 0 or null.</summary>
internal sealed class ImportLine(CsvReader csv, Dictionary<string, int> header, int line, List<ImportError> errors)
{
    public string Text(string column)
    {
        var value = Raw(column);
        if (value.Length == 0)
        {
            errors.Add(new ImportError(line, column, WriteErrorCodes.Required, $"{column} is empty."));
        }

        return value;
    }

    public string? OptionalText(string column) => Raw(column) is { Length: > 0 } value ? value : null;

    public int Int(string column) => (int)Whole(column, int.MinValue, int.MaxValue);

    public long Long(string column) => Whole(column, long.MinValue, long.MaxValue);

    public long? OptionalLong(string column) => Raw(column).Length == 0 ? null : Long(column);

    public double? OptionalDouble(string column)
    {
        var value = Raw(column);
        if (value.Length == 0)
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        errors.Add(new ImportError(line, column, WriteErrorCodes.InvalidFormat, $"{column} \"{value}\" is not a number (use a dot for decimals: 87.5)."));
        return null;
    }

    /// <summary>An OPD by the id the API shows; an id that is not an OPD's reads as 0, which no OPD has (UNKNOWN_OPD).</summary>
    public int? OpdId(string column)
    {
        var value = Text(column);
        return value.Length == 0 ? null : GlobalId.TryDecode(value, out var type, out var id) && type == "Opd" ? id : 0;
    }

    private long Whole(string column, long min, long max)
    {
        var value = Text(column);
        if (value.Length == 0)
        {
            return 0;
        }

        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }

        errors.Add(new ImportError(line, column, WriteErrorCodes.InvalidFormat, $"{column} \"{value}\" is not a whole number (digits only, no separators)."));
        return 0;
    }

    private string Raw(string column) => header.TryGetValue(column, out var index) ? csv.GetString(index) ?? "" : "";
}
