namespace SpmGraph.Server.PersistedDocuments;

/// <summary>Where registered documents live and whether only they may run; bound from <see cref="SectionName"/>.</summary>
public sealed class PersistedDocumentOptions
{
    public const string SectionName = "GraphQL:PersistedDocuments";

    /// <summary>Folder of `&lt;sha256 hex&gt;.graphql` files, relative to the content root unless absolute.</summary>
    public string Folder { get; set; } = "persisted-documents";

    /// <summary>Refuse `query` text: run registered documents only (recommended in production).</summary>
    public bool OnlyPersisted { get; set; }
}
