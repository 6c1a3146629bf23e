using Microsoft.Net.Http.Headers;
using SpmGraph.Server.Http;
using HttpRequestError = SpmGraph.Server.Http.HttpRequestError;

namespace SpmGraph.Server.Export;

/// <summary>A spreadsheet format the export writes: its `format=` name (also the file extension) and media type.</summary>
internal abstract class ExportFormat(string name, string mediaType)
{
    public string Name { get; } = name;

    public string MediaType { get; } = mediaType;

    /// <summary>The Content-Type of the answer.</summary>
    public virtual string ContentType => MediaType;

    public abstract Task WriteAsync(ExportTable table, Stream stream, CancellationToken cancellationToken);
}

/// <summary>The formats, and which one a request asks for.</summary>
internal static class ExportFormats
{
    public const string QueryParameter = "format";

    public static readonly ExportFormat Csv = new CsvExportFormat();

    public static readonly ExportFormat Xlsx = new XlsxExportFormat();

    /// <summary>In order of preference: a tie in Accept (e.g. `*/*`) gives the first.</summary>
    public static readonly IReadOnlyList<ExportFormat> All = [Csv, Xlsx];

    private static readonly string Names = string.Join(" or ", All.Select(f => $"{QueryParameter}={f.Name}"));

    /// <summary>
    /// The `format` query parameter when given, else the Accept header's preferred format (CSV when Accept is missing or
    /// a wildcard); an error when the parameter names no format or Accept allows none.
    /// </summary>
    public static (ExportFormat? Format, HttpRequestError? Error) Choose(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Query.TryGetValue(QueryParameter, out var names))
        {
            var named = names.Count == 1 ? All.FirstOrDefault(f => f.Name.Equals(names[0], StringComparison.OrdinalIgnoreCase)) : null;
            return named is null
                ? (null, HttpRequestError.BadRequest($"Unknown export format '{Shorten(names.ToString())}': use {Names}."))
                : (named, null);
        }

        var accept = request.Headers.Accept;
        if (string.IsNullOrWhiteSpace(accept.ToString()) || !MediaTypeHeaderValue.TryParseList(accept, out var ranges) || ranges.Count == 0)
        {
            return (Csv, null);
        }

        var best = All
            .Select(f => (Format: f, Score: Score(ranges, f)))
            .Where(c => c.Score.Quality > 0)
            .OrderByDescending(c => c.Score.Quality)
            .ThenByDescending(c => c.Score.Specificity)
            .Select(c => c.Format)
            .FirstOrDefault();
        return best is null
            ? (null, new HttpRequestError(StatusCodes.Status406NotAcceptable, HttpErrorCodes.NotAcceptable, $"Accept must allow {string.Join(" or ", All.Select(f => f.MediaType))}, or send {Names}."))
            : (best, null);
    }

    private static (double Quality, int Specificity) Score(IList<MediaTypeHeaderValue> ranges, ExportFormat format)
    {
        var slash = format.MediaType.IndexOf('/', StringComparison.Ordinal);
        return GraphQLMediaTypes.Score(ranges, format.MediaType[..slash], format.MediaType[(slash + 1)..]);
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
