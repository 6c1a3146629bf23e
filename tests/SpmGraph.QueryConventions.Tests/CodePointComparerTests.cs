using System.Text;
using SpmGraph.QueryConventions.Sorting;

namespace SpmGraph.QueryConventions.Tests;

/// <summary>Text sorted in memory must come in the order SQLite's BINARY and PostgreSQL's "C" collation give: UTF-8 bytes.</summary>
public sealed class CodePointComparerTests
{
    private static readonly string[] Samples =
    [
        "", "A", "a", "Aceh", "Kota Bandung", "Kab. Bandung", "é", "Ø", "ḿ", "\uD7FF", "\uE000", "\uFFFD", "\uFB01",
        "😀", "😀x", "\U00010000", "\U0010FFFF", "a😀", "a\uFFFD", "Kota Bandung😀", "Kota BandungZ",
    ];

    [Fact]
    public void Strings_compare_as_their_utf8_bytes_also_past_the_surrogates()
    {
        foreach (var x in Samples)
        {
            foreach (var y in Samples)
            {
                var bytes = Encoding.UTF8.GetBytes(x).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(y));
                Assert.True(Math.Sign(bytes) == Math.Sign(CodePointComparer.Instance.Compare(x, y)), $"\"{x}\" against \"{y}\"");
            }
        }
    }

    [Fact]
    public void Utf16_order_alone_would_differ_there()
    {
        // U+FFFD sorts before an emoji in UTF-8 (EF BF BD < F0 9F), after it in UTF-16 (FFFD > D83D).
        Assert.True(string.CompareOrdinal("\uFFFD", "😀") > 0);
        Assert.True(CodePointComparer.Instance.Compare("\uFFFD", "😀") < 0);
        Assert.True(CodePointComparer.Instance.Compare(null, "") < 0);
    }
}
