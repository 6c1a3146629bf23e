using System.Globalization;

namespace SpmGraph.Domain.Seeding;

/// <summary>
/// SplitMix64, a tiny PRNG whose output depends only on its 64-bit seed. The seed never uses
/// System.Random (its algorithm may change between runtimes) nor the clock. Every entity draws
/// from its own stream, keyed by a stable string such as "plan|19.71|KES.KK.01|2024", so the data
/// does not depend on the order in which entities are generated.
/// </summary>
/// <remarks>
/// Only IEEE-exact arithmetic (+ - * / and sqrt) is applied to the draws: Math.Log, Exp and Pow
/// may differ in the last bit between platforms, which would make seeds differ between machines.
/// </remarks>
public sealed class SeedRandom
{
    /// <summary>The one fixed seed of the sample data ("SPMGraph" in ASCII).</summary>
    public const ulong GlobalSeed = 0x5350_4D47_7261_7068UL;

    private ulong _state;

    public SeedRandom(ulong seed) => _state = seed;

    /// <summary>A stream for a stable key: FNV-1a over its UTF-16 code units, mixed with <see cref="GlobalSeed"/>.</summary>
    public static SeedRandom For(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var hash = 0xCBF2_9CE4_8422_2325UL;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 0x0000_0100_0000_01B3UL;
        }

        return new SeedRandom(Mix(hash ^ GlobalSeed));
    }

    /// <summary>A stream for key parts joined with "|", formatted invariantly.</summary>
    public static SeedRandom For(string kind, string part1, string? part2 = null, int? year = null, int? quarter = null) =>
        For(string.Create(CultureInfo.InvariantCulture, $"{kind}|{part1}|{part2}|{year}|{quarter}"));

    public ulong NextUInt64()
    {
        _state += 0x9E37_79B9_7F4A_7C15UL;
        return Mix(_state);
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [min, max).</summary>
    public double NextDouble(double min, double max) => min + ((max - min) * NextDouble());

    /// <summary>Uniform integer in [0, maxExclusive); the modulo bias is negligible for small bounds.</summary>
    public int NextInt(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        return (int)((NextUInt64() >> 11) % (ulong)maxExclusive);
    }

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(double p) => NextDouble() < p;

    /// <summary>
    /// Roughly standard normal (mean 0, sd 1, bounded to +-3.46): the Irwin-Hall sum of four
    /// uniforms, which needs no logarithm and so stays bit-identical across platforms.
    /// </summary>
    public double NextNormal() =>
        (NextDouble() + NextDouble() + NextDouble() + NextDouble() - 2.0) * 1.7320508075688772;

    // The SplitMix64 finaliser (Stafford's Mix13 variant).
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D0_49BB_1331_11EBUL;
        return z ^ (z >> 31);
    }
}
