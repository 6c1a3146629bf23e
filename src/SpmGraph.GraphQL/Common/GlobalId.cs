using System.Text;

namespace SpmGraph.GraphQL.Common;

/// <summary>Opaque Relay-style ids ("Region:12" in base64), unique across types, as HotChocolate issues them.</summary>
public static class GlobalId
{
    public static string Encode(string typeName, int id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{typeName}:{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}"));

    /// <summary>Decodes an id; false when it is not one of ours.</summary>
    public static bool TryDecode(string value, out string typeName, out int id)
    {
        typeName = "";
        id = 0;
        var buffer = new byte[value.Length];
        if (!Convert.TryFromBase64String(value, buffer, out var length))
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(buffer, 0, length);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out id))
        {
            return false;
        }

        typeName = text[..colon];
        return true;
    }
}
