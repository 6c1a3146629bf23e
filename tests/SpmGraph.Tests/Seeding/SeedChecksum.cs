using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace SpmGraph.Tests.Seeding;

/// <summary>A SHA-256 over every scalar property of every row, formatted invariantly.</summary>
internal static class SeedChecksum
{
    public static string Of<T>(IEnumerable<T> rows)
    {
        var properties = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => IsScalar(p.PropertyType))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToArray();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var line = new StringBuilder();
        foreach (var row in rows)
        {
            line.Clear();
            foreach (var property in properties)
            {
                line.Append(Format(property.GetValue(row))).Append('|');
            }

            hash.AppendData(Encoding.UTF8.GetBytes(line.Append('\n').ToString()));
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static bool IsScalar(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(DateTime);
    }

    private static string Format(object? value) => value switch
    {
        null => "~",
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
