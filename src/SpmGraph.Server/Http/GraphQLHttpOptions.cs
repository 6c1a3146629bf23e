namespace SpmGraph.Server.Http;

/// <summary>Options of the GraphQL-over-HTTP endpoint; bound from the <see cref="SectionName"/> configuration section.</summary>
public sealed class GraphQLHttpOptions
{
    public const string SectionName = "GraphQLHttp";

    /// <summary>Largest accepted POST body in bytes; larger bodies get 413. Default 256 KiB.</summary>
    public long MaxRequestBodySize { get; set; } = 256 * 1024;

    /// <summary>Serve the Banana Cake Pop IDE to browsers that GET the endpoint.</summary>
    public bool EnableBananaCakePop { get; set; } = true;

    /// <summary>
    /// Folder holding the IDE's index.html. When unset, the npm package under the content root's
    /// node_modules is used, else the copy the build puts beside the server's assembly.
    /// </summary>
    public string? BananaCakePopDirectory { get; set; }

    /// <summary>The IDE's title (bcp-config.json).</summary>
    public string BananaCakePopTitle { get; set; } = "SpmGraph";
}
