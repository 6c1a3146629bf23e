using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SpmGraph.Server.Database;
using SpmGraph.Tests.Infrastructure;

namespace SpmGraph.Tests.Dashboard;

/// <summary>
/// The /dashboard page in Debian's headless Chromium, driven by Dashboard/browser/drive.mjs (playwright-core, installed
/// on first run from its package-lock.json): every number it draws or writes must be the API's answer to the persisted
/// document its block names, in Indonesian, in English and after choosing another quarter. The SQLite run saves the
/// screenshot README shows (docs/dashboard.png).
/// </summary>
[Collection(ServerFixtureGroup.Name)]
public sealed class DashboardPageTests(SpmGraphFactory factory)
{
    private static readonly TimeSpan DriveTimeout = TimeSpan.FromMinutes(3);

    /// <summary>The contract operations the page shows, each in at least one block.</summary>
    private static readonly string[] Operations = ["Trend", "Ranking", "ProvinceRollup", "RegionCard", "Timeliness", "Budget"];

    /// <summary>Trend, ranking, drill-down, on-time reporting, budget gap per province.</summary>
    private const int ChartCount = 5;

    private static string BrowserFolder => RepositoryPaths.InRepository("tests", "SpmGraph.Tests", "Dashboard", "browser");

    private static string Chromium => Environment.GetEnvironmentVariable("SPMGRAPH_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    [Fact]
    public async Task Dashboard_draws_the_APIs_answers_in_both_languages_and_for_another_quarter()
    {
        Assert.True(
            File.Exists(Chromium),
            $"Chromium was not found at {Chromium}. The dashboard test needs Debian's chromium: `apt-get install -y chromium` (.ci/run installs it), or SPMGRAPH_CHROMIUM=/path/to/chromium.");
        await ExternalPrograms.InstallNpmPackagesAsync(BrowserFolder, "playwright-core");

        // What the page must show, asked first: a person opens the dashboard of a server that has been answering.
        var latest = await LatestQuarterAsync();
        var ranking = await factory.GetDataAsync("Ranking", new JsonObject { ["year"] = latest.Year, ["quarter"] = latest.Quarter });
        await factory.GetDataAsync("Trend", new JsonObject { ["from"] = 2018 });

        var screenshot = TestProvider.Current == DatabaseProvider.Sqlite
            ? RepositoryPaths.InRepository("docs", "dashboard.png")
            : Path.Combine(Path.GetTempPath(), $"spmgraph-dashboard-{Guid.NewGuid():N}.png");
        var url = new Uri(factory.ServerAddress, "dashboard/").ToString();
        var drive = await ExternalPrograms.RunAsync("node", ["drive.mjs", url, screenshot, Chromium], BrowserFolder, DriveTimeout);
        Assert.True(drive.ExitCode == 0, $"node drive.mjs {url} failed:\n{drive}");

        var report = JsonNode.Parse(drive.Output)!.AsObject();
        Assert.Empty(report["errors"]!.AsArray());
        Assert.Empty(report["unmatchedKeys"]!.AsArray());
        // Well under a second on an idle machine; the bound leaves room for a busy one and catches request waterfalls.
        var firstNumbers = (int)report["firstNumbersMilliseconds"]!;
        Assert.True(firstNumbers < 10_000, $"The first numbers took {firstNumbers} ms to show.");

        var views = report["views"]!.AsObject();
        var shown = views["default"]!.AsObject();
        var english = views["english"]!.AsObject();
        var otherQuarter = views["otherQuarter"]?.AsObject() ?? throw new InvalidOperationException("The quarter picker offered no other quarter.");

        // The default view: the latest quarter with data, in Indonesian, drilled into the top of the ranking.
        Assert.Equal((latest.Year, latest.Quarter, "id"), Period(shown));
        Assert.Equal((string)ranking["achievementStats"]!["nodes"]![0]!["key"]!["province"]!["code"]!, (string)shown["province"]!);

        Assert.Equal((latest.Year, latest.Quarter, "en"), Period(english));
        Assert.NotEqual((string)shown["title"]!, (string)english["title"]!);

        var (year, quarter, _) = Period(otherQuarter);
        Assert.Equal(latest.Year, year);
        Assert.NotEqual(latest.Quarter, quarter);
        Assert.All(Blocks(otherQuarter).Where(b => b["variables"]!["quarter"] is not null), b => Assert.Equal(quarter, (int)b["variables"]!["quarter"]!));

        foreach (var (name, view) in views)
        {
            var (_, _, language) = Period(view!.AsObject());
            Assert.Equal(language, (string)view["lang"]!);
            Assert.True((int)view["labelCount"]! > 50, $"{name}: only {view["labelCount"]} labels were shown.");
            Assert.True(view["wrongLabels"]!.AsArray().Count == 0, $"{name}: labels that are not the dictionary's {language} text: {view["wrongLabels"]!.ToJsonString()}");
            await AssertShowsTheAnswersAsync(name, view.AsObject());
        }

        Assert.True(new FileInfo(screenshot).Length > 10_000, $"The screenshot {screenshot} is missing or empty.");
        if (TestProvider.Current != DatabaseProvider.Sqlite)
        {
            File.Delete(screenshot);
        }
    }

    /// <summary>Every block's tables, values and charts hold exactly the API's answer to its operation and variables.</summary>
    private async Task AssertShowsTheAnswersAsync(string view, JsonObject shown)
    {
        var blocks = Blocks(shown).ToList();
        Assert.Equal(Operations.Order(), blocks.Select(b => (string)b["operation"]!).Distinct().Order());
        var charts = blocks.Sum(b => b["charts"]!.AsArray().Count);
        Assert.True(charts >= ChartCount, $"{view}: {charts} charts drawn, not {ChartCount}; is Chart.js installed (`npm ci` in src/SpmGraph.Server)?");
        foreach (var block in blocks)
        {
            var operation = (string)block["operation"]!;
            var variables = block["variables"]!.AsObject();
            var where = $"{view}, {operation} {variables.ToJsonString()}";
            var answer = await factory.GetDataAsync(operation, variables);

            foreach (var table in block["tables"]!.AsArray().Select(t => t!.AsObject()))
            {
                var path = (string)table["path"]!;
                var nodes = At(answer, path)!.AsArray();
                var rows = table["rows"]!.AsArray();
                Assert.True(nodes.Count > 0, $"{where}: the API answers no {path}, so the table shows no numbers.");
                Assert.True(nodes.Count == rows.Count, $"{where}: {path} has {nodes.Count} nodes, the table {rows.Count} rows.");
                for (var i = 0; i < rows.Count; i++)
                {
                    foreach (var cell in rows[i]!.AsArray().Select(c => c!.AsObject()))
                    {
                        var field = (string)cell["field"]!;
                        AssertSame(At(nodes[i], field), (string)cell["value"]!, $"{where}: {path}[{i}].{field}");
                    }
                }
            }

            foreach (var value in block["values"]!.AsArray().Select(v => v!.AsObject()))
            {
                var path = (string)value["path"]!;
                AssertSame(At(answer, path), (string)value["value"]!, $"{where}: {path}");
            }

            foreach (var chart in block["charts"]!.AsArray().Select(c => c!.AsObject()))
            {
                var path = (string)chart["path"]!;
                var nodes = At(answer, path)!.AsArray();
                Assert.Equal(nodes.Count, chart["labels"]!.AsArray().Count);
                foreach (var dataset in chart["datasets"]!.AsArray().Select(d => d!.AsObject()))
                {
                    var field = (string)dataset["field"]!;
                    var drawn = dataset["data"]!.AsArray();
                    var expected = new JsonArray([.. nodes.Select(n => At(n, field)?.DeepClone())]);
                    Assert.True(JsonNode.DeepEquals(expected, drawn), $"{where}: the chart of {path} draws {field} as {drawn.ToJsonString()}, the API answers {expected.ToJsonString()}.");
                }
            }
        }
    }

    /// <summary>A shown data-value is the answer's value as JavaScript writes it: numbers, strings, '' for null.</summary>
    private static void AssertSame(JsonNode? expected, string shown, string where)
    {
        switch (expected?.GetValueKind())
        {
            case null or JsonValueKind.Null:
                Assert.True(shown.Length == 0, $"{where}: null in the API's answer, '{shown}' on the page.");
                break;
            case JsonValueKind.Number:
                Assert.True(
                    double.TryParse(shown, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number == expected.GetValue<double>(),
                    $"{where}: {expected.ToJsonString()} in the API's answer, '{shown}' on the page.");
                break;
            case JsonValueKind.String:
                Assert.True(expected.GetValue<string>() == shown, $"{where}: {expected.ToJsonString()} in the API's answer, '{shown}' on the page.");
                break;
            default:
                Assert.True(expected.ToJsonString() == shown, $"{where}: {expected.ToJsonString()} in the API's answer, '{shown}' on the page.");
                break;
        }
    }

    private async Task<(int Year, int Quarter)> LatestQuarterAsync()
    {
        var data = await factory.ExecuteDataAsync(
            "{ achievementStats(groupBy: [YEAR, QUARTER], order: [{ year: DESC }, { quarter: DESC }], first: 1) { nodes { key { year quarter } } } }");
        var key = data["achievementStats"]!["nodes"]![0]!["key"]!;
        return ((int)key["year"]!, (int)key["quarter"]!);
    }

    /// <summary>The page's year, quarter and language (the body's data-* attributes).</summary>
    private static (int Year, int Quarter, string Language) Period(JsonObject view) =>
        (int.Parse((string)view["year"]!, CultureInfo.InvariantCulture), int.Parse((string)view["quarter"]!, CultureInfo.InvariantCulture), (string)view["language"]!);

    private static IEnumerable<JsonObject> Blocks(JsonObject view) => view["blocks"]!.AsArray().Select(b => b!.AsObject());

    private static JsonNode? At(JsonNode? node, string path) =>
        path.Split('.').Aggregate(node, (current, part) => current?[part]);
}
