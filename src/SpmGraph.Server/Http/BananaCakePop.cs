using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace SpmGraph.Server.Http;

/// <summary>
/// Serves the Banana Cake Pop IDE (npm package @chillicream/bananacakepop-graphql-ide) from local files, so
/// it works offline, and its bcp-config.json pointing the IDE at the GraphQL endpoint.
/// </summary>
internal sealed class BananaCakePop
{
    public const string PackageFolder = "node_modules/@chillicream/bananacakepop-graphql-ide";

    /// <summary>Where the server project's build copies the IDE, beside the server assembly.</summary>
    public const string OutputFolder = "bananacakepop";

    public const string ConfigFile = "bcp-config.json";

    public const string NotInstalledMessage =
        "Banana Cake Pop is not installed: run `npm ci` in src/SpmGraph.Server (needs Node.js and npm) and restart the server.";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    private readonly PathString _endpointPath;
    private readonly string _title;
    private readonly string? _root;
    private string? _indexHtml;

    public BananaCakePop(PathString endpointPath, GraphQLHttpOptions options, IHostEnvironment environment)
    {
        _endpointPath = endpointPath;
        _title = options.BananaCakePopTitle;
        _root = Locate(options, environment);
    }

    /// <summary>The IDE's folder, or <see langword="null"/> when it is not installed.</summary>
    public string? Directory => _root;

    /// <summary>The IDE's index.html with a base href so its relative asset URLs resolve under the endpoint.</summary>
    public async Task ServeIndexAsync(HttpContext context)
    {
        var response = context.Response;
        response.Headers.CacheControl = "no-cache";
        if (_root is null)
        {
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "text/plain" + GraphQLMediaTypes.Utf8Suffix;
            await response.WriteAsync(NotInstalledMessage + $" Meanwhile POST GraphQL requests to {context.Request.PathBase + _endpointPath}.\n", context.RequestAborted);
            return;
        }

        _indexHtml ??= await File.ReadAllTextAsync(Path.Combine(_root, "index.html"), context.RequestAborted);
        var baseHref = WebUtility.HtmlEncode((context.Request.PathBase + _endpointPath).Value + "/");
        var html = _indexHtml.Replace("<head>", $"<head><base href=\"{baseHref}\"/>", StringComparison.OrdinalIgnoreCase);

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/html" + GraphQLMediaTypes.Utf8Suffix;
        await response.WriteAsync(html, context.RequestAborted);
    }

    /// <summary>A file under the endpoint path: bcp-config.json, or one of the IDE's assets.</summary>
    public async Task ServeFileAsync(HttpContext context, string file)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = "GET, HEAD";
            return;
        }

        if (file.Equals(ConfigFile, StringComparison.Ordinal))
        {
            await ServeConfigAsync(context);
            return;
        }

        if (file.Equals("index.html", StringComparison.Ordinal))
        {
            await ServeIndexAsync(context);
            return;
        }

        var path = _root is null ? null : Path.GetFullPath(Path.Combine(_root, file));
        if (path is null
            || !path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || !File.Exists(path))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (!ContentTypes.TryGetContentType(path, out var contentType))
        {
            contentType = "application/octet-stream";
        }

        // Files under static/ carry a content hash in their names, so they never change.
        context.Response.Headers.CacheControl = file.StartsWith("static/", StringComparison.Ordinal)
            ? "public, max-age=31536000, immutable"
            : "no-cache";

        var info = new FileInfo(path);
        var etag = new EntityTagHeaderValue($"\"{info.LastWriteTimeUtc.Ticks:x}-{info.Length:x}\"");
        await TypedResults.PhysicalFile(path, contentType, lastModified: info.LastWriteTimeUtc, entityTag: etag, enableRangeProcessing: true)
            .ExecuteAsync(context);
    }

    private Task ServeConfigAsync(HttpContext context)
    {
        // Field names as BCP 18 reads them; useBrowserUrlAsEndpoint resolves the endpoint against the page URL.
        var config = new Dictionary<string, object?>
        {
            ["title"] = _title,
            ["endpoint"] = (context.Request.PathBase + _endpointPath).Value,
            ["useBrowserUrlAsEndpoint"] = true,
            ["includeCookies"] = false,
            ["useGet"] = false,
            ["disableTelemetry"] = true,
        };

        context.Response.Headers.CacheControl = "no-cache";
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = GraphQLMediaTypes.Json + GraphQLMediaTypes.Utf8Suffix;
        return context.Response.WriteAsync(JsonSerializer.Serialize(config), context.RequestAborted);
    }

    private static string? Locate(GraphQLHttpOptions options, IHostEnvironment environment)
    {
        // An explicit folder is taken as is: no silent fallback to another copy.
        string[] candidates = options.BananaCakePopDirectory is { Length: > 0 } configured
            ? [Path.GetFullPath(configured, environment.ContentRootPath)]
            :
            [
                Path.Combine(environment.ContentRootPath, PackageFolder),
                Path.Combine(AppContext.BaseDirectory, OutputFolder),
            ];

        return candidates
            .Select(c => Path.TrimEndingDirectorySeparator(Path.GetFullPath(c)))
            .FirstOrDefault(c => File.Exists(Path.Combine(c, "index.html")));
    }
}
