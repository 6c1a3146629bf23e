namespace SpmGraph.QueryConventions;

/// <summary>Limits that apply to every connection field.</summary>
public sealed class QueryConventionOptions
{
    /// <summary>Page size when neither `first` nor `last` is given.</summary>
    public int DefaultPageSize { get; set; } = 10;

    /// <summary>Largest `first` or `last` accepted; more is an error, never a silent cut.</summary>
    public int MaxPageSize { get; set; } = 100;

    /// <summary>Largest list accepted by `in` and `nin`.</summary>
    public int MaxInListLength { get; set; } = 1000;

    /// <summary>Deepest nesting of and/or/not and relations in one `where`.</summary>
    public int MaxFilterDepth { get; set; } = 16;
}
