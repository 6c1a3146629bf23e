using System.Text.Json;
using System.Text.Json.Nodes;
using Snapshooter;
using Snapshooter.Xunit;

namespace SpmGraph.Tests.Infrastructure;

/// <summary>Snapshots of GraphQL responses as indented JSON text.</summary>
public static class Snap
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void Match(JsonNode node, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(node);
        var json = node.ToJsonString(Indented);
        if (name is null)
        {
            Snapshot.Match(json);
        }
        else
        {
            Snapshot.Match(json, new SnapshotNameExtension(name));
        }
    }
}
