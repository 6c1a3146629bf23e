using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpmGraph.Domain.Data;
using SpmGraph.Domain.Model;
using SpmGraph.Server.PersistedDocuments;
using SpmGraph.Server.Security;
using SpmGraph.Tests.Infrastructure;

namespace SpmGraph.Tests.Export;

/// <summary>
/// `/export` answers the contract's operations with the same numbers as /graphql gives the same caller, as CSV and as
/// XLSX, and refuses what /graphql refuses with the same codes.
/// </summary>
[Collection(ServerFixtureGroup.Name)]
public sealed class ExportEndpointTests(SpmGraphFactory factory)
{
    private const string XlsxMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Operation, the `list` parameter (none: the first list), the path of the rows in the JSON answer.</summary>
    public static TheoryData<string, string?, string> Operations => new()
    {
        { "ProvinceRollup", null, "achievementStats.nodes" },
        { "Ranking", null, "achievementStats.nodes" },
        { "Timeliness", null, "reportingPeriods.nodes" },
        { "Timeliness", "reportingStats", "reportingStats.nodes" },
    };

    public static TheoryData<string, string?, string, string, string> Cases
    {
        get
        {
            var cases = new TheoryData<string, string?, string, string, string>();
            foreach (var (operation, list, rows) in Operations.Select(o => ((string)o[0], (string?)o[1], (string)o[2])))
            {
                foreach (var format in new[] { "csv", "xlsx" })
                {
                    foreach (var caller in new[] { "anonymous", "province-token", "province-key" })
                    {
                        cases.Add(operation, list, rows, format, caller);
                    }
                }
            }

            return cases;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task An_export_has_the_numbers_of_the_json_answer_for_the_same_caller(string operation, string? list, string rows, string format, string caller)
    {
        var period = await PeriodWithUnpublishedRowsAsync();
        var credential = await CredentialAsync(caller, period.Province);
        var variables = new JsonObject { ["province"] = period.Province, ["year"] = period.Year, ["quarter"] = period.Quarter };
        var query = ContractOperations.Operation(operation);
        var expected = ExpectedRows(await factory.ExecuteDataAsAsync(credential, query, variables), rows);
        Assert.NotEmpty(expected);

        using var response = await SendAsync(HttpMethod.Post, credential, $"/export?format={format}" + (list is null ? "" : $"&list={list}"), DocumentRequest(operation, variables));

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal($"{operation}.{format}", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (format == "csv")
        {
            Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
            AssertCsvEquals(expected, bytes);
        }
        else
        {
            Assert.Equal(XlsxMediaType, response.Content.Headers.ContentType?.MediaType);
            AssertXlsxEquals(expected, bytes);
        }
    }

    [Fact]
    public async Task A_province_token_exports_its_own_scope_not_the_anonymous_one()
    {
        var period = await PeriodWithUnpublishedRowsAsync();
        var variables = new JsonObject { ["province"] = period.Province, ["year"] = period.Year, ["quarter"] = period.Quarter };

        var anonymous = await RowCountAsync(null);
        var province = await RowCountAsync(factory.TokenFor(AccessRole.Province, period.Province));

        // The province sees its drafts and rejections too; anonymous callers see published rows only.
        Assert.True(province > anonymous, $"province {province}, anonymous {anonymous}");

        async Task<long> RowCountAsync(string? credential)
        {
            using var response = await SendAsync(HttpMethod.Post, credential, "/export?format=csv", DocumentRequest("ProvinceRollup", variables));
            var (header, rows) = ExportFormatTests.ReadCsv(await response.Content.ReadAsByteArrayAsync());
            var count = header.IndexOf("count");
            return rows.Sum(r => long.Parse(r[count], System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task A_get_with_query_text_and_accept_xlsx_exports_xlsx()
    {
        var query = "{ sectors { code name indicatorCount } }";
        var expected = ExpectedRows(await factory.ExecuteDataAsync(query), "sectors");

        using var response = await SendAsync(HttpMethod.Get, null, "/export?query=" + Uri.EscapeDataString(query), accept: XlsxMediaType);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("export.xlsx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        AssertXlsxEquals(expected, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_get_with_a_document_id_and_no_accept_preference_exports_csv_with_a_bom()
    {
        var variables = new JsonObject { ["year"] = 2024, ["quarter"] = 4 };
        var expected = ExpectedRows(await factory.ExecuteDataAsync(ContractOperations.Operation("Ranking"), variables), "achievementStats.nodes");
        var id = PersistedDocumentIds.ForDocument(ContractOperations.Registered("Ranking"));

        using var response = await SendAsync(HttpMethod.Get, null, $"/export?documentId={Uri.EscapeDataString(id)}&variables={Uri.EscapeDataString(variables.ToJsonString())}", accept: "*/*");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        AssertCsvEquals(expected, bytes);
    }

    public static TheoryData<string, string, object, HttpStatusCode, string> BadRequests => new()
    {
        { "unknown document id", "/export", new { documentId = "sha256:" + new string('0', 64) }, HttpStatusCode.BadRequest, "PERSISTED_DOCUMENT_NOT_FOUND" },
        { "mutation", "/export", new { query = ContractOperations.Operation("SubmitReport"), variables = new { input = new { regionCode = "19.71", year = 2024, quarter = 1 } } }, HttpStatusCode.BadRequest, "OPERATION_NOT_SUPPORTED" },
        { "invalid variables", "/export", new { documentId = PersistedDocumentIds.ForDocument(ContractOperations.Registered("Ranking")), variables = new { year = "twenty", quarter = 4 } }, HttpStatusCode.BadRequest, "INVALID_VALUE" },
        { "variables not an object", "/export", new { query = "{ sectors { code } }", variables = 5 }, HttpStatusCode.BadRequest, "BAD_REQUEST" },
        { "unknown format", "/export?format=pdf", new { query = "{ sectors { code } }" }, HttpStatusCode.BadRequest, "BAD_REQUEST" },
        { "unknown list", "/export?list=nothing", new { query = "{ sectors { code } }" }, HttpStatusCode.BadRequest, "BAD_REQUEST" },
        { "syntax error", "/export", new { query = "{ sectors { code " }, HttpStatusCode.BadRequest, "SYNTAX_ERROR" },
        { "field error: page size", "/export", new { query = "{ regions(first: 1000) { nodes { code } } }" }, HttpStatusCode.BadRequest, "PAGE_SIZE_EXCEEDED" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task A_bad_request_gets_a_coded_json_error_and_no_table(string because, string path, object body, HttpStatusCode status, string code)
    {
        using var response = await SendAsync(HttpMethod.Post, null, path, JsonContent.Create(body));

        Assert.True(status == response.StatusCode, $"{because}: {response.StatusCode}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.False(answer.ContainsKey("data"), because);
        Assert.Contains(code, answer["errors"]!.AsArray().Select(e => (string?)e!["extensions"]?["code"]));
    }

    [Fact]
    public async Task An_accept_that_allows_no_spreadsheet_format_is_not_acceptable()
    {
        using var response = await SendAsync(HttpMethod.Post, null, "/export", JsonContent.Create(new { query = "{ sectors { code } }" }), accept: "application/pdf");

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Equal("NOT_ACCEPTABLE", await CodeAsync(response));
    }

    [Fact]
    public async Task A_post_that_is_not_json_is_unsupported()
    {
        using var response = await SendAsync(HttpMethod.Post, null, "/export", new StringContent("{ sectors { code } }"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("UNSUPPORTED_MEDIA_TYPE", await CodeAsync(response));
    }

    [Fact]
    public async Task An_invalid_token_is_refused_as_on_graphql()
    {
        using var response = await SendAsync(HttpMethod.Post, "not-a-token", "/export", JsonContent.Create(new { query = "{ sectors { code } }" }));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("UNAUTHENTICATED", await CodeAsync(response));
    }

    [Fact]
    public async Task Exports_count_against_the_callers_rate_limit()
    {
        var key = "key:" + await factory.Services.GetRequiredService<ApiKeyStore>()
            .CreateAsync($"export-quota-{Guid.NewGuid():N}", AccessRole.National, null, requestsPerMinute: 1, CancellationToken.None);

        using var first = await SendAsync(HttpMethod.Post, key, "/export", JsonContent.Create(new { query = "{ sectors { code } }" }));
        using var second = await SendAsync(HttpMethod.Post, key, "/export", JsonContent.Create(new { query = "{ sectors { code } }" }));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal("RATE_LIMITED", await CodeAsync(second));
    }

    [Fact]
    public async Task Another_method_is_not_allowed()
    {
        using var response = await SendAsync(HttpMethod.Delete, null, "/export");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("METHOD_NOT_ALLOWED", await CodeAsync(response));
    }

    /// <summary>The rows at <paramref name="path"/> of a JSON answer, each flattened to (dotted path, value) in field order.</summary>
    private static List<List<(string Column, JsonNode? Value)>> ExpectedRows(JsonObject data, string path)
    {
        JsonNode? node = data;
        foreach (var name in path.Split('.'))
        {
            node = node![name];
        }

        return [.. node!.AsArray().Select(row => Flatten(row!, "").ToList())];

        static IEnumerable<(string, JsonNode?)> Flatten(JsonNode node, string prefix) => node is JsonObject fields
            ? fields.SelectMany(f => f.Value is JsonObject ? Flatten(f.Value, prefix + f.Key + ".") : [(prefix + f.Key, f.Value)])
            : [(prefix.TrimEnd('.'), node)];
    }

    private static void AssertCsvEquals(List<List<(string Column, JsonNode? Value)>> expected, byte[] csv)
    {
        var (header, rows) = ExportFormatTests.ReadCsv(csv);
        Assert.Equal(expected[0].Select(c => c.Column), header);
        Assert.Equal(expected.Count, rows.Count);
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < header.Count; c++)
            {
                var (column, value) = expected[r][c];
                var cell = rows[r][c];
                var because = $"row {r}, {column}: CSV {cell}, JSON {value?.ToJsonString()}";
                switch (value?.GetValueKind())
                {
                    case null or System.Text.Json.JsonValueKind.Null:
                        Assert.True(cell.Length == 0, because);
                        break;
                    case System.Text.Json.JsonValueKind.Number:
                        Assert.True(double.Parse(cell, System.Globalization.CultureInfo.InvariantCulture) == value.GetValue<double>(), because);
                        break;
                    default:
                        Assert.True(value.ToString() == cell, because);
                        break;
                }
            }
        }
    }

    private static void AssertXlsxEquals(List<List<(string Column, JsonNode? Value)>> expected, byte[] xlsx)
    {
        var rows = ExportFormatTests.ReadXlsx(xlsx);
        Assert.Equal(expected.Count, rows.Count);
        for (var r = 0; r < rows.Count; r++)
        {
            Assert.Equal(expected[r].Select(c => c.Column), rows[r].Keys);
            foreach (var (column, value) in expected[r])
            {
                var cell = rows[r][column];
                var because = $"row {r}, {column}: XLSX {cell} ({cell?.GetType().Name}), JSON {value?.ToJsonString()}";
                switch (value?.GetValueKind())
                {
                    case null or System.Text.Json.JsonValueKind.Null:
                        Assert.True(cell is null, because);
                        break;
                    case System.Text.Json.JsonValueKind.Number:
                        Assert.True(cell is double number && number == value.GetValue<double>(), because);
                        break;
                    case System.Text.Json.JsonValueKind.String:
                        Assert.True(cell is string text && text == value.GetValue<string>(), because);
                        break;
                    default:
                        Assert.True(cell is bool flag && flag == value.GetValue<bool>(), because);
                        break;
                }
            }
        }
    }

    private static JsonContent DocumentRequest(string operation, JsonObject variables) =>
        JsonContent.Create(new JsonObject { ["documentId"] = PersistedDocumentIds.ForDocument(ContractOperations.Registered(operation)), ["variables"] = variables.DeepClone() });

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string? credential, string path, HttpContent? content = null, string? accept = null)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        if (credential?.StartsWith("key:", StringComparison.Ordinal) == true)
        {
            request.Headers.Add("X-Api-Key", credential[4..]);
        }
        else if (credential is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        }

        return await client.SendAsync(request);
    }

    private static async Task<string?> CodeAsync(HttpResponseMessage response) =>
        (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]![0]!["extensions"]!["code"];

    private async Task<string?> CredentialAsync(string caller, string province) => caller switch
    {
        "province-token" => factory.TokenFor(AccessRole.Province, province),
        "province-key" => "key:" + await factory.Services.GetRequiredService<ApiKeyStore>()
            .CreateAsync($"export-test-{Guid.NewGuid():N}", AccessRole.Province, province, null, CancellationToken.None),
        _ => null,
    };

    /// <summary>A province and quarter holding kab/kota rows that only the province's own callers see (drafts, rejections).</summary>
    private async Task<(string Province, int Year, int Quarter)> PeriodWithUnpublishedRowsAsync()
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync();
        var row = await db.Achievements
            .Where(a => (a.Status == ReportStatus.Draft || a.Status == ReportStatus.Rejected) && a.Region!.ParentId != null)
            .OrderBy(a => a.Year).ThenBy(a => a.Quarter).ThenBy(a => a.Region!.Code)
            .Select(a => new { Province = a.Region!.Parent!.Code, a.Year, a.Quarter })
            .FirstAsync();
        return (row.Province, row.Year, row.Quarter);
    }
}
