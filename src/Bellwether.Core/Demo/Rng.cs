namespace Bellwether.Core.Demo;

/// <summary>
/// SplitMix64: a small, fast generator whose whole state is one number, so a snapshot of the simulation copies its
/// randomness exactly and a future can be given fresh randomness by seeding a new one. Not for security.
/// </summary>
internal struct Rng
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;
    private ulong _state;

    public Rng(ulong seed)
    {
        _state = seed;
    }

    /// <summary>
    /// A generator for one purpose and key (an activity id, an account and day), independent of the simulation's own
    /// stream: what it draws (an activity's minute, a signal's score) never changes the company's course.
    /// </summary>
    public static Rng For(ulong seed, ulong stream, long key) =>
        new(Mix(Mix(seed + (stream * Golden)) ^ ((ulong)key * 0xD1B54A32D192ED03UL)));

    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public ulong NextULong()
    {
        _state += Golden;
        return Mix(_state);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, n).</summary>
    public int Next(int n) => (int)(((NextULong() >> 32) * (ulong)n) >> 32);

    public int Between(int minInclusive, int maxExclusive) => minInclusive + Next(maxExclusive - minInclusive);

    public bool Chance(double p) => NextDouble() < p;

    public double Normal()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>exp(N(mu, sigma²)).</summary>
    public double LogNormal(double mu, double sigma) => Math.Exp(mu + (sigma * Normal()));

    public int Poisson(double lambda)
    {
        var total = 0;
        while (lambda > 30)
        {
            total += SmallPoisson(30);
            lambda -= 30;
        }

        return total + SmallPoisson(lambda);
    }

    /// <summary>An index drawn with the given (not necessarily normalised) weights.</summary>
    public int Pick(ReadOnlySpan<double> weights)
    {
        var sum = 0.0;
        foreach (var w in weights)
        {
            sum += w;
        }

        var x = NextDouble() * sum;
        for (var i = 0; i < weights.Length; i++)
        {
            x -= weights[i];
            if (x < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    private int SmallPoisson(double lambda)
    {
        if (lambda <= 0)
        {
            return 0;
        }

        var limit = Math.Exp(-lambda);
        var k = 0;
        var p = NextDouble();
        while (p > limit)
        {
            k++;
            p *= NextDouble();
        }

        return k;
    }
}
