namespace SpmGraph.Domain.Writing;

/// <summary>How a batch (an import) is written.</summary>
public sealed class BatchWriteOptions
{
    /// <summary>Only check the inputs and report their errors; write nothing (an import with lines that did not even parse).</summary>
    public bool CheckOnly { get; init; }

    /// <summary>Hears 0 once every input passed the checks, then the rows written so far, every <see cref="AchievementWriter.ChunkSize"/> rows and at the end.</summary>
    public IProgress<int>? Progress { get; init; }
}
