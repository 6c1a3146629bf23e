namespace SpmGraph.Server.Caching;

/// <summary>The answer cache (section `GraphQL:AnswerCache`): query answers kept until the next committed write.</summary>
public sealed class AnswerCacheOptions
{
    public const string SectionName = "GraphQL:AnswerCache";

    /// <summary>Off: every query runs (the benchmark's "uncached" figures); ETags and 304s still apply.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How long an answer is kept at most. Writes through the API invalidate at once; this bounds how long a change
    /// made behind the API's back (SQL by hand) stays unseen, and how long answers of older versions hold memory.
    /// </summary>
    public TimeSpan Expiration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Answers larger than this are not kept.</summary>
    public int MaxAnswerBytes { get; set; } = 1024 * 1024;
}
