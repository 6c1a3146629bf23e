using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SpmGraph.Domain.Data;
using SpmGraph.Server.Commands;
using SpmGraph.Tests.Infrastructure;
using SpmGraph.Tests.Writing;

namespace SpmGraph.Tests.Import;

/// <summary>`import achievements|plans FILE.csv`, run in-process against the write host's database, in 2033 and 2034.</summary>
[Collection(WriteHostGroup.Name)]
public sealed class ImportCommandTests(SpmGraphFactory factory) : IAsyncLifetime, IDisposable
{
    private const string AchievementHeader = "region_code,indicator_code,year,quarter,target,served,quality_rate,budget_realized";
    private static readonly string[] ExpectedBadLines =
    [
        "line 3, column indicator_code: WRONG_LEVEL",
        "line 4, column served: INVALID_FORMAT",
        "line 5, column quality_rate: OUT_OF_RANGE",
        "line 6: DUPLICATE_ROW",
    ];

    private static readonly string[] ImportedRegions = ["61.03", "61.04"];

    private readonly string _folder = Directory.CreateTempSubdirectory("spmgraph-import-").FullName;

    public Task InitializeAsync() => factory.PeriodsAsync(2033);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_file_with_one_bad_row_writes_nothing_and_names_its_line_and_column()
    {
        var file = Csv(
            "bad.csv",
            AchievementHeader,
            "61.01,KES.KK.01,2033,1,1000,100,90,5000",
            "61.01,KES.KK.01,2033,2,1000,-5,90,5000",
            "61.01,KES.KK.01,2033,3,1000,300,,5000");
        var before = await factory.CountsAsync();

        var (exitCode, output, error) = await RunAsync("import", "achievements", file);

        Assert.Equal(1, exitCode);
        Assert.Contains("line 3, column served: NEGATIVE_VALUE", error, StringComparison.Ordinal);
        Assert.Single(error.Split('\n'), l => l.StartsWith("line ", StringComparison.Ordinal));
        Assert.Contains("nothing was written", error, StringComparison.Ordinal);
        Assert.DoesNotContain("import done", output, StringComparison.Ordinal);
        Assert.Equal(before, await factory.CountsAsync());
    }

    [Fact]
    public async Task Every_bad_line_is_reported_at_once_with_its_reason()
    {
        var file = Csv(
            "many.csv",
            AchievementHeader,
            "61.02,KES.KK.01,2033,1,1000,100,90,5000",
            "61.02,KES.P.01,2033,1,1000,100,90,5000",
            "61.02,KES.KK.02,2033,1,1000,12a,90,5000",
            "61.02,KES.KK.03,2033,1,1000,100,101,5000",
            "61.02,KES.KK.01,2033,1,1000,100,90,5000");

        var (exitCode, _, error) = await RunAsync("import", "achievements", file);

        Assert.Equal(1, exitCode);
        Assert.Equal(
            ExpectedBadLines,
            error.Split('\n').Where(l => l.StartsWith("line ", StringComparison.Ordinal)).Select(l => l[..l.IndexOf(':', l.IndexOf(':') + 1)]));
    }

    [Fact]
    public async Task Importing_writes_every_row_in_one_go_and_importing_the_same_file_again_changes_nothing()
    {
        string[] lines =
        [
            .. ImportedRegions.SelectMany(region => Enumerable.Range(1, 4).Select(q =>
                string.Create(CultureInfo.InvariantCulture, $"{region},KES.KK.05,2033,{q},2000,{q * 400},{80 + q}.5,{q * 1_000_000}"))),
        ];
        var file = Csv("good.csv", [AchievementHeader, .. lines]);
        var before = await factory.CountsAsync();

        var (exitCode, output, error) = await RunAsync("import", "achievements", file);

        Assert.True(exitCode == 0, error);
        Assert.Contains("8 created, 0 updated, 0 unchanged", output, StringComparison.Ordinal);
        var afterFirst = await factory.CountsAsync();
        Assert.Equal(before with { Achievements = before.Achievements + 8, Reports = before.Reports + 8, AuditEntries = before.AuditEntries + 16 }, afterFirst);

        // The rows read back as the file has them, audited as the import.
        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync())
        {
            var stored = await db.Achievements.Where(a => a.Year == 2033 && (a.Region!.Code == "61.03" || a.Region.Code == "61.04") && a.Indicator!.Code == "KES.KK.05")
                .OrderBy(a => a.Region!.Code).ThenBy(a => a.Quarter)
                .Select(a => new { a.Region!.Code, a.Year, a.Quarter, a.Target, a.Served, a.QualityRate, a.BudgetRealized, a.Status })
                .ToListAsync();
            Assert.Equal(lines, stored.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Code},KES.KK.05,{a.Year},{a.Quarter},{a.Target},{a.Served},{a.QualityRate},{a.BudgetRealized}")));
            Assert.All(stored, a => Assert.Equal(SpmGraph.Domain.Model.ReportStatus.Draft, a.Status));
            var actors = await db.AuditEntries.Where(e => e.Region!.Code == "61.03" || e.Region.Code == "61.04").Select(e => e.Actor).Distinct().ToListAsync();
            Assert.Equal(["import:good.csv"], actors);
        }

        var (again, secondOutput, _) = await RunAsync("import", "achievements", file);

        Assert.Equal(0, again);
        Assert.Contains("0 created, 0 updated, 8 unchanged; 0 audit entries", secondOutput, StringComparison.Ordinal);
        Assert.Equal(afterFirst, await factory.CountsAsync());
    }

    [Fact]
    public async Task Plans_import_by_region_and_indicator_code_with_the_OPD_the_API_shows()
    {
        var opds = await factory.ReadAsync("""{ region(code: "62.01") { opds(first: 50) { nodes { id name } } } }""");
        var opd = opds["region"]!["opds"]!["nodes"]!.AsArray().First(o => ((string)o!["name"]!).StartsWith("Dinas Kesehatan", StringComparison.Ordinal))!;
        var (health, name) = ((string)opd["id"]!, (string)opd["name"]!);
        var file = Csv(
            "plans.csv",
            "region_code,indicator_code,year,opd_id,target,unit_cost,budget_allocated,program_code,budget_needed,plan_period",
            $"62.01,KES.KK.01,2034,{health},1500,300000,400000000,1.02.02,,",
            $"62.01,KES.KK.02,2034,{health},1400,500000,900000000,1.02.02,750000000,Periode 2034 - 2039");
        var before = await factory.CountsAsync();

        var (exitCode, output, error) = await RunAsync("import", "plans", file);

        Assert.True(exitCode == 0, error);
        Assert.Contains("2 created", output, StringComparison.Ordinal);
        Assert.Equal(before with { Plans = before.Plans + 2, AuditEntries = before.AuditEntries + 2 }, await factory.CountsAsync());
        var plans = await factory.ReadAsync("""{ plans(where: { region: { code: { eq: "62.01" } }, year: { eq: 2034 } }, order: [{ indicator: { code: ASC } }]) { nodes { budgetNeeded budgetGap unbudgeted planPeriod opd { name } } } }""");
        Assert.Equal(
            $$$"""[{"budgetNeeded":450000000,"budgetGap":50000000,"unbudgeted":true,"planPeriod":"Periode 2034","opd":{"name":"{{{name}}}"}},"""
            + $$$"""{"budgetNeeded":750000000,"budgetGap":0,"unbudgeted":false,"planPeriod":"Periode 2034 - 2039","opd":{"name":"{{{name}}}"}}]""",
            plans["plans"]!["nodes"]!.ToJsonString());
    }

    [Fact]
    public async Task A_wrong_header_or_a_missing_file_fails_with_exit_code_1()
    {
        var file = Csv("header.csv", "region,indicator_code,year,quarter,target,served,budget_realized", "61.05,KES.KK.01,2033,1,10,1,0");

        var (exitCode, _, error) = await RunAsync("import", "achievements", file);
        var (missing, _, missingError) = await RunAsync("import", "achievements", Path.Combine(_folder, "nope.csv"));
        var (usage, _, usageError) = await RunAsync("import", "budgets", file);

        Assert.Equal(1, exitCode);
        Assert.Contains("line 1, column region: UNKNOWN_COLUMN", error, StringComparison.Ordinal);
        Assert.Contains("line 1, column region_code: MISSING_COLUMN", error, StringComparison.Ordinal);
        Assert.Equal(1, missing);
        Assert.Contains("no file", missingError, StringComparison.Ordinal);
        Assert.Equal(1, usage);
        Assert.StartsWith("usage:", usageError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Arguments_that_name_no_command_start_the_web_host()
    {
        Assert.Null(await ServerCommands.RunAsync([], TextWriter.Null, TextWriter.Null, CancellationToken.None));
        Assert.Null(await ServerCommands.RunAsync(["--urls=http://localhost:5001"], TextWriter.Null, TextWriter.Null, CancellationToken.None));
    }

    private string Csv(string name, params string[] lines)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        return path;
    }

    /// <summary>Runs the server command in-process with the write host's database settings, as the CLI would pass them.</summary>
    private async Task<(int? ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var configuration = factory.Services.GetRequiredService<IConfiguration>();
        string[] settings = [$"--ConnectionStrings:Spm={configuration.GetConnectionString("Spm")}"];
        if (configuration["Database:Provider"] is { Length: > 0 } provider)
        {
            settings = [.. settings, $"--Database:Provider={provider}"];
        }

        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var exitCode = await ServerCommands.RunAsync([.. args, .. settings], output, error, CancellationToken.None);
        return (exitCode, output.ToString(), error.ToString());
    }
}
