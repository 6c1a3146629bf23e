using System.Globalization;
using SpmGraph.Domain.Writing;
using SpmGraph.Server.Import;

namespace SpmGraph.Server.Commands;

/// <summary>`import achievements FILE.csv` and `import plans FILE.csv`: the bulk import (README, "Writing data").</summary>
internal static class ImportCommand
{
    public const string Name = "import";

    private const string Usage =
        "usage: import achievements FILE.csv | import plans FILE.csv  [--ConnectionStrings:Spm=...]\n"
        + "  achievements columns: region_code,indicator_code,year,quarter,target,served,quality_rate,budget_realized\n"
        + "  plans columns:        region_code,indicator_code,year,opd_id,target,unit_cost,budget_allocated,program_code,budget_needed,plan_period";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (args.Length < 2 || args[0] is not ("achievements" or "plans") || args[1].StartsWith('-'))
        {
            await error.WriteLineAsync(Usage);
            return 1;
        }

        var kind = args[0];
        if (Locate(args[1]) is not { } file)
        {
            await error.WriteLineAsync($"import: no file {args[1]}");
            return 1;
        }

        await using var host = await CommandHost.StartAsync(args[2..], services => services.AddSpmWriting().AddSingleton<CsvImporter>(), cancellationToken);
        var importer = host.Services.GetRequiredService<CsvImporter>();
        var actor = "import:" + Path.GetFileName(file);
        var progress = new Reporter(output);

        await output.WriteLineAsync($"import {kind} from {file}: reading and checking every line, then writing all of them in one transaction");
        ImportResult result;
        using (var reader = new StreamReader(file, detectEncodingFromByteOrderMarks: true))
        {
            result = kind == "plans"
                ? await importer.ImportPlansAsync(reader, actor, progress, cancellationToken)
                : await importer.ImportAchievementsAsync(reader, actor, progress, cancellationToken);
        }

        if (!result.Succeeded)
        {
            foreach (var bad in result.Errors)
            {
                await error.WriteLineAsync(bad.ToString());
            }

            var badLines = result.Errors.Select(e => e.Line).Distinct().Count();
            await error.WriteLineAsync(Invariant($"import failed: {result.Errors.Count:N0} errors on {badLines:N0} lines of {result.Rows:N0} rows; nothing was written."));
            return 1;
        }

        var seconds = result.Elapsed.TotalSeconds;
        await output.WriteLineAsync(
            Invariant($"import done: {result.Rows:N0} rows in {seconds:0.0} s ({result.Rows / Math.Max(seconds, 0.001):N0} rows/s; reading {result.ReadTime.TotalSeconds:0.0} s): ")
            + Invariant($"{result.Created:N0} created, {result.Updated:N0} updated, {result.Unchanged:N0} unchanged; {result.AuditEntries:N0} audit entries as {actor}"));
        return 0;
    }

    /// <summary>
    /// The file, relative to the directory the command was started from: `dotnet run --project` runs
    /// the server in its project folder, but the shell's folder (PWD) is what the user typed a path against.
    /// </summary>
    private static string? Locate(string path)
    {
        if (!Path.IsPathRooted(path) && Environment.GetEnvironmentVariable("PWD") is { Length: > 0 } shell && File.Exists(Path.Combine(shell, path)))
        {
            return Path.Combine(shell, path);
        }

        return File.Exists(path) ? Path.GetFullPath(path) : null;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>A progress line every <see cref="CsvImporter.ProgressEvery"/> rows read and every chunk written.</summary>
    private sealed class Reporter(TextWriter output) : IProgress<ImportProgress>
    {
        private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

        public void Report(ImportProgress value) => output.WriteLine(value.Stage switch
        {
            ImportStage.Reading => Invariant($"  {value.Rows,9:N0} rows read     ({_clock.Elapsed.TotalSeconds:0.0} s)"),
            ImportStage.Checked => Invariant($"  {value.Rows,9:N0} rows checked  ({_clock.Elapsed.TotalSeconds:0.0} s): no errors, writing"),
            _ => Invariant($"  {value.Rows,9:N0} rows written  ({_clock.Elapsed.TotalSeconds:0.0} s)"),
        });
    }
}
