using System.Text.Json.Nodes;

namespace SpmGraph.Benchmark;

/// <summary>Compares two GraphQL answers: byte-equal, JSON-equal (same values, any property order), or where they first differ.</summary>
internal static class AnswerComparison
{
    public static (bool Equal, string Detail) Compare(string expected, string actual)
    {
        if (expected == actual)
        {
            return (true, "byte-equal");
        }

        JsonNode? left, right;
        try
        {
            left = JsonNode.Parse(expected);
            right = JsonNode.Parse(actual);
        }
        catch (System.Text.Json.JsonException ex)
        {
            return (false, "not JSON: " + ex.Message);
        }

        return JsonNode.DeepEquals(left, right) ? (true, "JSON-equal") : (false, FirstDifference(left, right, "$"));
    }

    /// <summary>The error messages of an answer, or null when it has data and no errors.</summary>
    public static string? Errors(string answer)
    {
        try
        {
            var node = JsonNode.Parse(answer);
            if (node?["errors"] is JsonArray errors)
            {
                return string.Join("; ", errors.Select(e => (string?)e?["message"] ?? e?.ToJsonString()));
            }

            return node?["data"] is null ? "no data" : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return "not JSON: " + (answer.Length > 200 ? answer[..200] : answer);
        }
    }

    private static string FirstDifference(JsonNode? left, JsonNode? right, string path)
    {
        switch (left, right)
        {
            case (JsonObject l, JsonObject r):
                foreach (var (key, value) in l)
                {
                    if (!r.TryGetPropertyValue(key, out var other))
                    {
                        return $"{path}.{key}: missing";
                    }

                    if (!JsonNode.DeepEquals(value, other))
                    {
                        return FirstDifference(value, other, $"{path}.{key}");
                    }
                }

                return $"{path}: extra properties {string.Join(", ", r.Select(p => p.Key).Where(k => !l.ContainsKey(k)))}";
            case (JsonArray l, JsonArray r) when l.Count == r.Count:
                for (var i = 0; i < l.Count; i++)
                {
                    if (!JsonNode.DeepEquals(l[i], r[i]))
                    {
                        return FirstDifference(l[i], r[i], $"{path}[{i}]");
                    }
                }

                return path;
            case (JsonArray l, JsonArray r):
                return $"{path}: {l.Count} items expected, {r.Count} found";
            default:
                return $"{path}: expected {left?.ToJsonString() ?? "null"}, found {right?.ToJsonString() ?? "null"}";
        }
    }
}
