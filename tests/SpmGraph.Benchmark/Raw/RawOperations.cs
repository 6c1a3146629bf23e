using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SpmGraph.Benchmark.Raw;

/// <summary>
/// The contract operations the benchmark drives, each as hand-written SQL (as few statements as
/// the answer allows, in one command) and a Utf8JsonWriter that writes SpmGraph's answer for the
/// anonymous caller: SUBMITTED and VERIFIED rows only.
/// </summary>
internal sealed class RawOperations(RawDatabase database, RawScheme scheme)
{
    private const string Public = "\"Status\" IN ('Submitted', 'Verified')";
    private const int MeanDecimals = 9;

    public static IReadOnlyCollection<string> Names { get; } =
        ["RegionCard", "CitiesOfProvince", "Achievements", "ProvinceRollup", "Trend", "Ranking", "Laggards", "Timeliness"];

    public Task WriteAsync(string operation, JsonElement variables, Utf8JsonWriter json, CancellationToken cancellationToken) => operation switch
    {
        "RegionCard" => RegionCardAsync(variables.GetProperty("code").GetString()!, json, cancellationToken),
        "CitiesOfProvince" => CitiesOfProvinceAsync(variables.GetProperty("province").GetString()!, json, cancellationToken),
        "Achievements" => AchievementsAsync(variables.GetProperty("region").GetString()!, variables.GetProperty("year").GetInt32(), json, cancellationToken),
        "ProvinceRollup" => ProvinceRollupAsync(variables.GetProperty("province").GetString()!, variables.GetProperty("year").GetInt32(), variables.GetProperty("quarter").GetInt32(), json, cancellationToken),
        "Trend" => TrendAsync(variables.GetProperty("from").GetInt32(), json, cancellationToken),
        "Ranking" => RankingAsync(variables.GetProperty("year").GetInt32(), variables.GetProperty("quarter").GetInt32(), json, cancellationToken),
        "Laggards" => LaggardsAsync(variables.GetProperty("year").GetInt32(), variables.GetProperty("quarter").GetInt32(), json, cancellationToken),
        "Timeliness" => TimelinessAsync(variables.GetProperty("year").GetInt32(), variables.GetProperty("quarter").GetInt32(), json, cancellationToken),
        _ => throw new KeyNotFoundException($"The raw endpoint has no operation {operation}."),
    };

    // 1. Region, parent and counts; the first 50 children by name; the first 20 OPDs with their sectors.
    private async Task RegionCardAsync(string code, Utf8JsonWriter json, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var reader = await database.ReadAsync(
            connection,
            """
            SELECT r."Id", r."Code", r."Name", r."Kind", p."Code", p."Name",
                (SELECT COUNT(*) FROM "Regions" AS c WHERE c."ParentId" = r."Id"),
                (SELECT COUNT(*) FROM "Opds" AS o WHERE o."RegionId" = r."Id")
            FROM "Regions" AS r LEFT JOIN "Regions" AS p ON p."Id" = r."ParentId"
            WHERE r."Code" = @code;
            SELECT c."Code", c."Name", c."Kind" FROM "Regions" AS c
            WHERE c."ParentId" = (SELECT "Id" FROM "Regions" WHERE "Code" = @code)
            ORDER BY c."Name", c."Id" LIMIT 50;
            SELECT o."Id", o."Name", s."Sector"
            FROM (SELECT "Id", "Name" FROM "Opds" WHERE "RegionId" = (SELECT "Id" FROM "Regions" WHERE "Code" = @code) ORDER BY "Id" LIMIT 20) AS o
            LEFT JOIN "OpdSectors" AS s ON s."OpdId" = o."Id"
            ORDER BY o."Id", s."Sector";
            """,
            3,
            cancellationToken,
            ("code", code));
        json.WriteStartObject("region");
        if (!await reader.ReadAsync(cancellationToken))
        {
            json.WriteEndObject();
            return;
        }

        json.WriteString("id", GlobalId("Region", reader.GetInt32(0)));
        json.WriteString("code", reader.GetString(1));
        json.WriteString("name", reader.GetString(2));
        json.WriteString("kind", EnumName(reader.GetString(3)));
        if (reader.IsDBNull(4))
        {
            json.WriteNull("parent");
        }
        else
        {
            WriteCodeAndName(json, "parent", reader, 4);
        }

        var childCount = reader.GetInt64(6);
        var opdCount = reader.GetInt64(7);
        await reader.NextResultAsync(cancellationToken);
        json.WriteStartObject("children");
        json.WriteNumber("totalCount", childCount);
        json.WriteStartArray("nodes");
        while (await reader.ReadAsync(cancellationToken))
        {
            json.WriteStartObject();
            json.WriteString("code", reader.GetString(0));
            json.WriteString("name", reader.GetString(1));
            json.WriteString("kind", EnumName(reader.GetString(2)));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();

        await reader.NextResultAsync(cancellationToken);
        json.WriteStartObject("opds");
        json.WriteNumber("totalCount", opdCount);
        json.WriteStartArray("nodes");
        var currentOpd = -1;
        while (await reader.ReadAsync(cancellationToken))
        {
            var opd = reader.GetInt32(0);
            if (opd != currentOpd)
            {
                if (currentOpd != -1)
                {
                    json.WriteEndArray();
                    json.WriteEndObject();
                }

                currentOpd = opd;
                json.WriteStartObject();
                json.WriteString("id", GlobalId("Opd", opd));
                json.WriteString("name", reader.GetString(1));
                json.WriteStartArray("sectors");
            }

            if (!reader.IsDBNull(2))
            {
                json.WriteStringValue(EnumName(reader.GetString(2)));
            }
        }

        if (currentOpd != -1)
        {
            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    // 2. Kota of a province, by name descending, the first page of 5 with the count in the same statement.
    private async Task CitiesOfProvinceAsync(string province, Utf8JsonWriter json, CancellationToken cancellationToken)
    {
        const int pageSize = 5;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var reader = await database.ReadAsync(
            connection,
            """
            SELECT r."Code", r."Name", COUNT(*) OVER ()
            FROM "Regions" AS r JOIN "Regions" AS p ON p."Id" = r."ParentId"
            WHERE r."Kind" = 'City' AND p."Code" = @province
            ORDER BY r."Name" DESC, r."Id" LIMIT 6
            """,
            1,
            cancellationToken,
            ("province", province));
        var rows = new List<(string Code, string Name)>(pageSize);
        long total = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            total = reader.GetInt64(2);
            if (rows.Count < pageSize)
            {
                rows.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        json.WriteStartObject("regions");
        json.WriteNumber("totalCount", total);
        json.WriteStartObject("pageInfo");
        json.WriteBoolean("hasNextPage", total > pageSize);
        json.WriteBoolean("hasPreviousPage", false);
        WriteCursorOrNull(json, "startCursor", rows.Count > 0 ? 0 : null);
        WriteCursorOrNull(json, "endCursor", rows.Count > 0 ? rows.Count - 1 : null);
        json.WriteEndObject();
        json.WriteStartArray("edges");
        for (var i = 0; i < rows.Count; i++)
        {
            json.WriteStartObject();
            json.WriteString("cursor", Cursor(i));
            json.WriteStartObject("node");
            json.WriteString("code", rows[i].Code);
            json.WriteString("name", rows[i].Name);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("nodes");
        foreach (var (rowCode, rowName) in rows)
        {
            json.WriteStartObject();
            json.WriteString("code", rowCode);
            json.WriteString("name", rowName);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    // 4. A region's rows of a year, with the on-time flag from the report's period, 50 a page.
    private async Task AchievementsAsync(string region, int year, Utf8JsonWriter json, CancellationToken cancellationToken)
    {
        const int pageSize = 50;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var reader = await database.ReadAsync(
            connection,
            $"""
            SELECT a."Id", r."Code", i."Code", i."Sector", a."Year", a."Quarter", a."Target", a."Served", a."QualityRate",
                a."Status", a."SubmittedAt", p."ClosesAt", COUNT(*) OVER ()
            FROM "Achievements" AS a
            JOIN "Regions" AS r ON r."Id" = a."RegionId"
            JOIN "Indicators" AS i ON i."Id" = a."IndicatorId"
            JOIN "Reports" AS rep ON rep."Id" = a."ReportId"
            JOIN "ReportingPeriods" AS p ON p."Id" = rep."ReportingPeriodId"
            WHERE a.{Public} AND a."Year" = @year AND r."Code" = @region
            ORDER BY i."Code", a."Quarter", a."Id" LIMIT {pageSize + 1}
            """,
            1,
            cancellationToken,
            ("region", region),
            ("year", year));
        json.WriteStartObject("achievements");
        var written = 0;
        long total = 0;
        using var nodes = new JsonArrayBuffer();
        while (await reader.ReadAsync(cancellationToken))
        {
            total = reader.GetInt64(12);
            if (written == pageSize)
            {
                continue;
            }

            written++;
            var node = nodes.Writer;
            var target = reader.GetInt64(6);
            var served = reader.GetInt64(7);
            var quality = RawScheme.NullableDouble(reader, 8);
            double? rate = target == 0 ? null : served * 100.0 / target;
            var index = scheme.Index(rate, quality);
            DateTime? submittedAt = reader.IsDBNull(10) ? null : reader.GetDateTime(10);
            node.WriteStartObject();
            node.WriteString("id", GlobalId("Achievement", reader.GetInt32(0)));
            node.WriteStartObject("region");
            node.WriteString("code", reader.GetString(1));
            node.WriteEndObject();
            node.WriteStartObject("indicator");
            node.WriteString("code", reader.GetString(2));
            node.WriteString("sector", EnumName(reader.GetString(3)));
            node.WriteEndObject();
            node.WriteNumber("year", reader.GetInt32(4));
            node.WriteNumber("quarter", reader.GetInt32(5));
            node.WriteNumber("target", target);
            node.WriteNumber("served", served);
            WriteNumberOrNull(node, "qualityRate", quality);
            WriteNumberOrNull(node, "achievementRate", rate);
            WriteNumberOrNull(node, "spmIndex", index);
            WriteStringOrNull(node, "band", scheme.Band(index));
            node.WriteString("status", EnumName(reader.GetString(9)));
            if (submittedAt is { } submitted)
            {
                node.WriteString("submittedAt", Instant(submitted));
                node.WriteBoolean("onTime", Utc(submitted) < Utc(reader.GetDateTime(11)));
            }
            else
            {
                node.WriteNull("submittedAt");
                node.WriteNull("onTime");
            }

            node.WriteEndObject();
        }

        json.WriteNumber("totalCount", total);
        json.WriteStartObject("pageInfo");
        json.WriteBoolean("hasNextPage", total > pageSize);
        WriteCursorOrNull(json, "endCursor", written > 0 ? written - 1 : null);
        json.WriteEndObject();
        json.WritePropertyName("nodes");
        nodes.WriteTo(json);
        json.WriteEndObject();
    }

    // 5. A province's kab/kota rows of one quarter by sector, lowest pooled rate first.
    private async Task ProvinceRollupAsync(string province, int year, int quarter, Utf8JsonWriter json, CancellationToken cancellationToken)
    {
        var rate = RawScheme.RateSql(database, "a.\"Served\"", "a.\"Target\"");
        var pooled = RawScheme.RateSql(database, database.Sum("a.\"Served\""), database.Sum("a.\"Target\""));
        var index = scheme.IndexSql(database, "a.\"Served\"", "a.\"Target\"", "a.\"QualityRate\"");
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var reader = await database.ReadAsync(
            connection,
            $"""
            SELECT i."Sector", COUNT(*), COUNT(DISTINCT a."RegionId"), {database.Sum("a.\"Target\"")}, {database.Sum("a.\"Served\"")},
                {pooled}, AVG({rate}), MIN({rate}), MAX({rate}),
                COUNT(CASE WHEN a."Target" > 0 AND a."Served" >= a."Target" THEN 1 END), AVG(a."QualityRate"), AVG({index}),
                COUNT(*) OVER ()
            FROM "Achievements" AS a
            JOIN "Regions" AS r ON r."Id" = a."RegionId"
            JOIN "Regions" AS p ON p."Id" = r."ParentId"
            JOIN "Indicators" AS i ON i."Id" = a."IndicatorId"
            WHERE a.{Public} AND a."Year" = @year AND a."Quarter" = @quarter AND p."Code" = @province
            GROUP BY i."Sector"
            ORDER BY {pooled} IS NULL, {pooled}, i."Sector"
            """,
            1,
            cancellationToken,
            ("province", province),
            ("year", year),
            ("quarter", quarter));
        await WriteGroupsAsync(json, "achievementStats", reader, withTotalCount: true, node =>
        {
            node.WriteStartObject("key");
            node.WriteString("sector", EnumName(reader.GetString(0)));
            node.WriteEndObject();
            node.WriteNumber("count", reader.GetInt64(1));
            node.WriteNumber("regionCount", reader.GetInt64(2));
            node.WriteNumber("target", reader.GetInt64(3));
            node.WriteNumber("served", reader.GetInt64(4));
            WriteNumberOrNull(node, "achievementRate", RawScheme.NullableDouble(reader, 5));
            WriteNumberOrNull(node, "meanRegionRate", Mean(reader, 6));
            WriteNumberOrNull(node, "minRate", RawScheme.NullableDouble(reader, 7));
            WriteNumberOrNull(node, "maxRate", RawScheme.NullableDouble(reader, 8));
            node.WriteNumber("completeCount", reader.GetInt64(9));
            WriteNumberOrNull(node, "qualityRate", Mean(reader, 10));
            var spmIndex = Mean(reader, 11);
            WriteNumberOrNull(node, "spmIndex", spmIndex);
            WriteStringOrNull(node, "band", scheme.Band(spmIndex));
        }, cancellationToken);
    }

    // 6. Every (year, quarter) from a year on.
    private async Task TrendAsync(int from, Utf8JsonWriter json, CancellationToken cancellationToken)
    {
        var pooled = RawScheme.RateSql(database, database.Sum("a.\"Served\""), database.Sum("a.\"Target\""));
        var index = scheme.IndexSql(database, "a.\"Served\"", "a.\"Target\"", "a.\"QualityRate\"");
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var reader = await database.ReadAsync(
            connection,
            $"""
            SELECT a."Year", a."Quarter", {database.Sum("a.\"Target\"")}, {database.Sum("a.\"Served\"")}, {pooled}, AVG({index})
            FROM "Achievements" AS a
            WHERE a.{Public} AND a."Year" >= @from
            GROUP BY a."Year", a."Quarter"
            ORDER BY a."Year", a."Quarter"
            """,
            1,
            cancellationToken,
            ("from", from));
        await WriteGroupsAsync(json, "achievementStats", reader, withTotalCount: false, node =>
        {
            node.WriteStartObject("key");
            node.WriteNumber("year", reader.GetInt32(0));
            node.WriteNumber("quarter", reader.GetInt32(1));
            node.WriteEndObject();
            node.WriteNumber("target", reader.GetInt64(2));
            node.WriteNumber("served", reader.GetInt64(3));
            WriteNumberOrNull(node, "achievementRate", RawScheme.NullableDouble(reader, 4));
            WriteNumberOrNull(node, "spmIndex", Mean(reader, 5));
        }, cancellationToken);
    }

    // 7. Provinces (a province with its kab/kota) by mean index, highest first, the first 10.
    private async Task RankingAsync(int year, int quarter, Utf8JsonWriter json, CancellationToken cancellationToken)
    {
        var pooled = RawScheme.RateSql(database, database.Sum("s.\"Served\""), database.Sum("s.\"Target\""));
        var index = $"AVG({scheme.IndexSql(database, "s.\"Served\"", "s.\"Target\"", "s.\"QualityRate\"")})";
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var reader = await database.ReadAsync(
            connection,
            $"""
            SELECT p."Code", p."Name", g."SpmIndex", g."AchievementRate", g."RegionCount", g."Total"
            FROM (
                SELECT s."ProvinceId", {index} AS "SpmIndex", {pooled} AS "AchievementRate", COUNT(DISTINCT s."RegionId") AS "RegionCount",
                    COUNT(*) OVER () AS "Total"
                FROM (
                    SELECT a."RegionId", a."Served", a."Target", a."QualityRate", COALESCE(r."ParentId", a."RegionId") AS "ProvinceId"
                    FROM "Achievements" AS a JOIN "Regions" AS r ON r."Id" = a."RegionId"
                    WHERE a.{Public} AND a."Year" = @year AND a."Quarter" = @quarter
                ) AS s
                GROUP BY s."ProvinceId"
                ORDER BY {index} IS NULL DESC, {index} DESC, s."ProvinceId"
                LIMIT 10
            ) AS g
            JOIN "Regions" AS p ON p."Id" = g."ProvinceId"
            ORDER BY g."SpmIndex" IS NULL DESC, g."SpmIndex" DESC, g."ProvinceId"
            """,
            1,
            cancellationToken,
            ("year", year),
            ("quarter", quarter));
        await WriteGroupsAsync(json, "achievementStats", reader, withTotalCount: true, node =>
        {
            node.WriteStartObject("key");
            WriteCodeAndName(node, "province", reader, 0);
            node.WriteEndObject();
            var spmIndex = Mean(reader, 2);
            WriteNumberOrNull(node, "spmIndex", spmIndex);
            WriteNumberOrNull(node, "achievementRate", RawScheme.NullableDouble(reader, 3));
            WriteStringOrNull(node, "band", scheme.Band(spmIndex));
            node.WriteNumber("regionCount", reader.GetInt64(4));
        }, cancellationToken);
    }

    // 8. (region, indicator) groups of health below 60%, lowest first, the first 20.
    private async Task LaggardsAsync(int year, int quarter, Utf8JsonWriter json, CancellationToken cancellationToken)
    {
        var pooled = RawScheme.RateSql(database, database.Sum("a.\"Served\""), database.Sum("a.\"Target\""));
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var reader = await database.ReadAsync(
            connection,
            $"""
            SELECT r."Code", r."Name", i."Code", g."Target", g."Served", g."AchievementRate", g."Total"
            FROM (
                SELECT a."RegionId", a."IndicatorId", {database.Sum("a.\"Target\"")} AS "Target", {database.Sum("a.\"Served\"")} AS "Served",
                    {pooled} AS "AchievementRate", COUNT(*) OVER () AS "Total"
                FROM "Achievements" AS a JOIN "Indicators" AS i ON i."Id" = a."IndicatorId"
                WHERE a.{Public} AND a."Year" = @year AND a."Quarter" = @quarter AND i."Sector" = 'Health'
                GROUP BY a."RegionId", a."IndicatorId"
                HAVING {pooled} < 60
                ORDER BY {pooled} IS NULL, {pooled}, a."RegionId", a."IndicatorId"
                LIMIT 20
            ) AS g
            JOIN "Regions" AS r ON r."Id" = g."RegionId"
            JOIN "Indicators" AS i ON i."Id" = g."IndicatorId"
            ORDER BY g."AchievementRate" IS NULL, g."AchievementRate", g."RegionId", g."IndicatorId"
            """,
            1,
            cancellationToken,
            ("year", year),
            ("quarter", quarter));
        await WriteGroupsAsync(json, "achievementStats", reader, withTotalCount: true, node =>
        {
            node.WriteStartObject("key");
            WriteCodeAndName(node, "region", reader, 0);
            node.WriteStartObject("indicator");
            node.WriteString("code", reader.GetString(2));
            node.WriteEndObject();
            node.WriteEndObject();
            node.WriteNumber("target", reader.GetInt64(3));
            node.WriteNumber("served", reader.GetInt64(4));
            WriteNumberOrNull(node, "achievementRate", RawScheme.NullableDouble(reader, 5));
        }, cancellationToken);
    }

    // 10. The year's reporting windows, then every owed report of the quarter by province, least on time first.
    private async Task TimelinessAsync(int year, int quarter, Utf8JsonWriter json, CancellationToken cancellationToken)
    {
        const string onTime = """CASE WHEN s."Status" IN ('Submitted', 'Verified') AND s."SubmittedAt" < s."ClosesAt" THEN 1 END""";
        var onTimeRate = $"CASE WHEN COUNT(*) = 0 THEN NULL ELSE {database.Real($"COUNT({onTime})")} * 100.0 / {database.Real("COUNT(*)")} END";
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var reader = await database.ReadAsync(
            connection,
            $"""
            SELECT "Year", "Quarter", "OpensAt", "ClosesAt" FROM "ReportingPeriods" WHERE "Year" = @year ORDER BY "Year", "Quarter", "Id" LIMIT 10;
            SELECT p."Code", g."RegionCount", g."ReportedCount", g."OnTimeCount", g."OnTimeRate"
            FROM (
                SELECT s."ProvinceId", COUNT(DISTINCT s."Id") AS "RegionCount",
                    COUNT(CASE WHEN s."Status" IN ('Submitted', 'Verified') THEN 1 END) AS "ReportedCount",
                    COUNT({onTime}) AS "OnTimeCount", {onTimeRate} AS "OnTimeRate"
                FROM (
                    SELECT r."Id", rp."ClosesAt", rep."Status", rep."SubmittedAt", COALESCE(r."ParentId", r."Id") AS "ProvinceId"
                    FROM "Regions" AS r
                    CROSS JOIN "ReportingPeriods" AS rp
                    LEFT JOIN "Reports" AS rep ON rep."RegionId" = r."Id" AND rep."ReportingPeriodId" = rp."Id" AND rep.{Public}
                    WHERE rp."Year" = @year AND rp."Quarter" = @quarter
                ) AS s
                GROUP BY s."ProvinceId"
            ) AS g
            JOIN "Regions" AS p ON p."Id" = g."ProvinceId"
            ORDER BY g."OnTimeRate" IS NULL, g."OnTimeRate", g."ProvinceId";
            """,
            2,
            cancellationToken,
            ("year", year),
            ("quarter", quarter));
        json.WriteStartObject("reportingPeriods");
        json.WriteStartArray("nodes");
        while (await reader.ReadAsync(cancellationToken))
        {
            json.WriteStartObject();
            json.WriteNumber("year", reader.GetInt32(0));
            json.WriteNumber("quarter", reader.GetInt32(1));
            json.WriteString("opensAt", Instant(reader.GetDateTime(2)));
            json.WriteString("closesAt", Instant(reader.GetDateTime(3)));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await reader.NextResultAsync(cancellationToken);
        await WriteGroupsAsync(json, "reportingStats", reader, withTotalCount: false, node =>
        {
            node.WriteStartObject("key");
            node.WriteStartObject("province");
            node.WriteString("code", reader.GetString(0));
            node.WriteEndObject();
            node.WriteEndObject();
            node.WriteNumber("regionCount", reader.GetInt64(1));
            node.WriteNumber("reportedCount", reader.GetInt64(2));
            node.WriteNumber("onTimeCount", reader.GetInt64(3));
            WriteNumberOrNull(node, "onTimeRate", RawScheme.NullableDouble(reader, 4));
        }, cancellationToken);
    }

    /// <summary>
    /// A stats connection: `field { totalCount nodes [...] }`; the total is the last column (a
    /// window COUNT) when <paramref name="withTotalCount"/>, and 0 groups give 0.
    /// </summary>
    private static async Task WriteGroupsAsync(Utf8JsonWriter json, string field, DbDataReader reader, bool withTotalCount, Action<Utf8JsonWriter> writeNode, CancellationToken cancellationToken)
    {
        using var nodes = new JsonArrayBuffer();
        long total = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            if (withTotalCount)
            {
                total = reader.GetInt64(reader.FieldCount - 1);
            }

            nodes.Writer.WriteStartObject();
            writeNode(nodes.Writer);
            nodes.Writer.WriteEndObject();
        }

        json.WriteStartObject(field);
        if (withTotalCount)
        {
            json.WriteNumber("totalCount", total);
        }

        json.WritePropertyName("nodes");
        nodes.WriteTo(json);
        json.WriteEndObject();
    }

    /// <summary>A region as `property { code name }` from the columns at <paramref name="ordinal"/> and the next.</summary>
    private static void WriteCodeAndName(Utf8JsonWriter json, string property, DbDataReader reader, int ordinal)
    {
        json.WriteStartObject(property);
        json.WriteString("code", reader.GetString(ordinal));
        json.WriteString("name", reader.GetString(ordinal + 1));
        json.WriteEndObject();
    }

    private static double? Mean(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Math.Round(reader.GetDouble(ordinal), MeanDecimals);

    private static string GlobalId(string type, int id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(type + ":" + id.ToString(CultureInfo.InvariantCulture)));

    private static string Cursor(long position) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes("pos:" + position.ToString(CultureInfo.InvariantCulture)));

    private static void WriteCursorOrNull(Utf8JsonWriter json, string name, long? position)
    {
        if (position is { } p)
        {
            json.WriteString(name, Cursor(p));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteNumberOrNull(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteStringOrNull(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    /// <summary>A stored enum name (PublicWorks) as GraphQL writes it (PUBLIC_WORKS).</summary>
    private static string EnumName(string stored)
    {
        var name = new StringBuilder(stored.Length + 4);
        for (var i = 0; i < stored.Length; i++)
        {
            if (i > 0 && char.IsUpper(stored[i]))
            {
                name.Append('_');
            }

            name.Append(char.ToUpperInvariant(stored[i]));
        }

        return name.ToString();
    }

    // SQLite hands back the stored text as an unspecified time; every instant is stored in UTC.
    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    private static string Instant(DateTime value) =>
        Utc(value).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
