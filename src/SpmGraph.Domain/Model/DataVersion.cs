namespace SpmGraph.Domain.Model;

/// <summary>
/// The one row that counts committed writes: every write through the API bumps it once it has committed, so a
/// cache keyed by it (answers, the scoring schemes) is correct on every instance sharing the database.
/// </summary>
public sealed class DataVersion
{
    /// <summary>The row's id: there is only <see cref="RowId"/>.</summary>
    public const int RowId = 1;

    public int Id { get; set; }

    /// <summary>Grows by one with every committed write.</summary>
    public long Value { get; set; }
}
