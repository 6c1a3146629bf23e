using System.Text.Json.Nodes;
using SpmGraph.GraphQL.Security;
using SpmGraph.Server.Http;

namespace SpmGraph.Server.Import;

/// <summary>
/// `POST /import/achievements` and `POST /import/plans` with a CSV body (`Content-Type: text/csv`):
/// the same import as the command, for a signed-in caller, limited to the regions it may write.
/// </summary>
public static class ImportEndpoints
{
    public static IEndpointRouteBuilder MapSpmImport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/import/{kind}", ImportAsync).RequireAuthorization().WithName("Import");
        return endpoints;
    }

    private static async Task ImportAsync(HttpContext context, string kind, CsvImporter importer)
    {
        if (kind is not ("achievements" or "plans"))
        {
            await ErrorAnswers.WriteAsync(context, StatusCodes.Status404NotFound, HttpErrorCodes.NotFound, "Import achievements or plans: POST /import/achievements or /import/plans.");
            return;
        }

        if (context.Request.ContentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) != true)
        {
            await ErrorAnswers.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, HttpErrorCodes.UnsupportedMediaType, "Send the file as the body with Content-Type: text/csv.");
            return;
        }

        var scope = CallerScope.From(context.User);
        var actor = "upload:" + (context.User.Identity?.Name ?? "unknown");
        // The CSV reader reads synchronously, which Kestrel forbids on the request stream: buffer the file
        // (Kestrel's request size limit bounds it) and read it from memory.
        string text;
        using (var body = new StreamReader(context.Request.Body, detectEncodingFromByteOrderMarks: true))
        {
            text = await body.ReadToEndAsync(context.RequestAborted);
        }

        using var reader = new StringReader(text);
        // An upload writes region data: the region itself, as recordAchievement and upsertPlan.
        var result = kind == "achievements"
            ? await importer.ImportAchievementsAsync(reader, actor, null, context.RequestAborted, scope.SpeaksFor)
            : await importer.ImportPlansAsync(reader, actor, null, context.RequestAborted, scope.SpeaksFor);

        var counts = new JsonObject
        {
            ["rows"] = result.Rows,
            ["created"] = result.Created,
            ["updated"] = result.Updated,
            ["unchanged"] = result.Unchanged,
            ["auditEntries"] = result.AuditEntries,
        };
        var errors = result.Errors.Select(e => ErrorAnswers.Error(e.Code, e.Message, new JsonObject { ["line"] = e.Line, ["column"] = e.Column }));
        await ErrorAnswers.WriteAsync(context, result.Succeeded ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity, errors, counts);
    }
}

public static class ImportServiceCollectionExtensions
{
    /// <summary>The importer behind the upload endpoints (the writers come with the GraphQL layer).</summary>
    public static IServiceCollection AddSpmImport(this IServiceCollection services) => services.AddSingleton<CsvImporter>();
}
