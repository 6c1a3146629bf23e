using System.Reflection;
using System.Text.RegularExpressions;
using SpmGraph.Domain.Writing;
using SpmGraph.GraphQL.Common;
using SpmGraph.GraphQL.Limits;
using SpmGraph.QueryConventions;
using SpmGraph.Server.Http;
using SpmGraph.Tests.Infrastructure;

namespace SpmGraph.Tests.Schema;

/// <summary>The error code catalogs of the source, the schema's UserErrorCode enum and README's tables say the same.</summary>
[Collection(ServerFixtureGroup.Name)]
public sealed partial class ErrorCodeCatalogTests(SpmGraphFactory factory)
{
    [Fact]
    public async Task Every_user_error_code_is_in_the_schema_enum_and_in_readmes_writing_table()
    {
        var data = await factory.ExecuteDataAsync("{ __type(name: \"UserErrorCode\") { enumValues { name } } }");
        var enumValues = data["__type"]!["enumValues"]!.AsArray().Select(v => (string)v!["name"]!).Order(StringComparer.Ordinal);

        var catalog = Codes(typeof(WriteErrorCodes));
        Assert.Equal(catalog, enumValues);
        Assert.Equal(catalog, ReadmeTable("| code | when |", stopAt: "### Bulk import from CSV"));
    }

    [Fact]
    public void Every_code_answered_outside_a_payload_is_in_readmes_error_codes_table()
    {
        var catalog = new[] { typeof(HttpErrorCodes), typeof(LimitErrorCodes), typeof(ErrorCodes), typeof(QueryConventionErrors) }
            .SelectMany(Codes).Distinct().Order(StringComparer.Ordinal).ToList();

        Assert.Equal(catalog, ReadmeTable("| code | when |", after: "### Error codes"));
    }

    /// <summary>The public string constants of a catalog class.</summary>
    private static List<string> Codes(Type catalog) =>
    [
        .. catalog.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Distinct()
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>The backticked codes in the first column of the README table with <paramref name="header"/>.</summary>
    private static List<string> ReadmeTable(string header, string? after = null, string? stopAt = null)
    {
        var lines = File.ReadAllLines(RepositoryPaths.InRepository("README.md"));
        var start = after is null ? 0 : Array.IndexOf(lines, after);
        var end = stopAt is null ? lines.Length : Array.IndexOf(lines, stopAt);
        Assert.True(start >= 0 && end >= 0, "README lost a heading this test reads.");
        return
        [
            .. lines[start..end].SkipWhile(l => l != header).Skip(2).TakeWhile(l => l.StartsWith('|'))
                .SelectMany(l => CodeInCell().Matches(l.Split('|')[1]).Select(m => m.Groups[1].Value))
                .Order(StringComparer.Ordinal),
        ];
    }

    [GeneratedRegex("`([A-Z_]+)`")]
    private static partial Regex CodeInCell();
}
