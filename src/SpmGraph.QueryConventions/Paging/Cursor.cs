using System.Globalization;
using System.Text;

namespace SpmGraph.QueryConventions.Paging;

/// <summary>
/// Opaque cursors: the item's position in the filtered, ordered list, base64-encoded. Positions
/// are row indexes (below int.MaxValue), so larger ones cannot wrap around in Skip/Take.
/// </summary>
internal static class Cursor
{
    private const string Prefix = "pos:";

    public static string Encode(long position) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(Prefix + position.ToString(CultureInfo.InvariantCulture)));

    public static long Decode(string cursor, string argument)
    {
        var buffer = new byte[cursor.Length];
        if (Convert.TryFromBase64String(cursor, buffer, out var length))
        {
            var text = Encoding.UTF8.GetString(buffer, 0, length);
            if (text.StartsWith(Prefix, StringComparison.Ordinal)
                && long.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var position)
                && position < int.MaxValue)
            {
                return position;
            }
        }

        throw QueryConventionErrors.Error(QueryConventionErrors.InvalidCursor, $"`{argument}` is not a cursor this API issued: \"{Truncate(cursor)}\".");
    }

    private static string Truncate(string value) => value.Length <= 64 ? value : value[..64] + "...";
}
