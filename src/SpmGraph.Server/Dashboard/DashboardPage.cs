using System.Text.Json;
using GraphQLParser;
using GraphQLParser.AST;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;
using SpmGraph.Server.Http;
using SpmGraph.Server.PersistedDocuments;

namespace SpmGraph.Server.Dashboard;

/// <summary>
/// Serves the dashboard: its own page (Dashboard/page: HTML, ES modules, CSS), the chart library from the npm package
/// chart.js (offline, no CDN) and config.json, which names the GraphQL endpoint and the persisted documents by
/// operation name, derived from the documents folder so the page holds no document ids of its own.
/// </summary>
internal sealed class DashboardPage
{
    /// <summary>Route value holding the part of the URL after the dashboard path.</summary>
    public const string FileRouteValue = "file";

    /// <summary>Where the server project's build copies the page and the chart library, beside the server assembly.</summary>
    public const string OutputFolder = "dashboard";

    /// <summary>The URL of the chart library under the dashboard path, and its path under the output folder.</summary>
    public const string ChartLibraryFile = "lib/chart.umd.min.js";

    public const string ConfigFile = "config.json";

    public const string ChartLibraryMissingMessage =
        "The dashboard's chart library is not installed: run `npm ci` in src/SpmGraph.Server (needs Node.js and npm) and restart the server.";

    private const string PackageChartLibrary = "node_modules/chart.js/dist/chart.umd.min.js";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    private readonly PathString _graphQLPath;
    private readonly PersistedDocumentStore _documents;
    private readonly PhysicalFileProvider? _page;

    public DashboardPage(PathString graphQLPath, PersistedDocumentStore documents, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        _graphQLPath = graphQLPath;
        _documents = documents;

        // Under `dotnet run` and in the tests the sources under the content root; when published, the build's copy.
        var index = FirstExisting(
            Path.Combine(environment.ContentRootPath, "Dashboard", "page", "index.html"),
            Path.Combine(AppContext.BaseDirectory, OutputFolder, "index.html"));
        _page = index is null ? null : new PhysicalFileProvider(Path.GetDirectoryName(index)!);
        ChartLibrary = FirstExisting(
            Path.Combine(environment.ContentRootPath, PackageChartLibrary),
            Path.Combine(AppContext.BaseDirectory, OutputFolder, ChartLibraryFile));
    }

    /// <summary>The chart library's file, or <see langword="null"/> when it is not installed.</summary>
    public string? ChartLibrary { get; }

    public async Task ServeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var file = context.GetRouteValue(FileRouteValue) as string;
        if (string.IsNullOrEmpty(file) && context.Request.Path.Value?.EndsWith('/') != true)
        {
            // The page's URLs are relative: without the trailing slash they would resolve one level up.
            context.Response.Redirect(context.Request.PathBase + context.Request.Path + "/" + context.Request.QueryString);
            return;
        }

        file = string.IsNullOrEmpty(file) ? "index.html" : file;

        if (file.Equals(ConfigFile, StringComparison.Ordinal))
        {
            await ServeConfigAsync(context);
            return;
        }

        var path = file.Equals(ChartLibraryFile, StringComparison.Ordinal)
            ? ChartLibrary
            : _page?.GetFileInfo(file) is { Exists: true, IsDirectory: false, PhysicalPath: { } physical } ? physical : null;
        if (path is null)
        {
            await ErrorAnswers.WriteAsync(context, StatusCodes.Status404NotFound, HttpErrorCodes.NotFound, $"The dashboard has no file '{file}'.");
            return;
        }

        if (!ContentTypes.TryGetContentType(path, out var contentType))
        {
            contentType = "application/octet-stream";
        }

        // The page changes with the server; the browser revalidates with the ETag, which costs a 304.
        context.Response.Headers.CacheControl = "no-cache";
        var info = new FileInfo(path);
        var etag = new EntityTagHeaderValue($"\"{info.LastWriteTimeUtc.Ticks:x}-{info.Length:x}\"");
        await TypedResults.PhysicalFile(path, contentType, lastModified: info.LastWriteTimeUtc, entityTag: etag).ExecuteAsync(context);
    }

    /// <summary>{"endpoint": "/graphql", "documents": {"Trend": "sha256:…", …}}: every named query operation in the folder.</summary>
    private async Task ServeConfigAsync(HttpContext context)
    {
        var documents = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var files = Directory.Exists(_documents.Folder)
            ? Directory.EnumerateFiles(_documents.Folder, "*" + PersistedDocumentIds.FileExtension)
            : [];
        foreach (var hash in files.Select(Path.GetFileNameWithoutExtension))
        {
            // The store checks the content against its name; a file it refuses is left out.
            if (hash is null || await _documents.FindAsync(hash, context.RequestAborted) is not { } text)
            {
                continue;
            }

            foreach (var name in QueryNames(text))
            {
                documents[name] = PersistedDocumentIds.Prefix + hash;
            }
        }

        var config = new Dictionary<string, object>
        {
            ["endpoint"] = (context.Request.PathBase + _graphQLPath).Value!,
            ["documents"] = documents,
        };

        context.Response.Headers.CacheControl = "no-cache";
        context.Response.ContentType = GraphQLMediaTypes.Json + GraphQLMediaTypes.Utf8Suffix;
        await context.Response.WriteAsync(JsonSerializer.Serialize(config), context.RequestAborted);
    }

    private static List<string> QueryNames(string document)
    {
        GraphQLDocument parsed;
        try
        {
            parsed = Parser.Parse(document);
        }
        catch (GraphQLParser.Exceptions.GraphQLSyntaxErrorException)
        {
            return [];
        }

        return parsed.Definitions.OfType<GraphQLOperationDefinition>()
            .Where(o => o.Operation == OperationType.Query && o.Name is not null)
            .Select(o => o.Name!.StringValue)
            .ToList();
    }

    private static string? FirstExisting(params string[] files) => files.Select(Path.GetFullPath).FirstOrDefault(File.Exists);
}
