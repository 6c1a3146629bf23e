namespace SpmGraph.Domain.Model;

/// <summary>
/// A row with an optimistic concurrency token: 1 when created, incremented by every write, and
/// checked by every UPDATE, so a writer that read an older version fails instead of overwriting.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}
