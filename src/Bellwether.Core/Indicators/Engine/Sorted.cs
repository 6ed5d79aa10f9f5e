namespace Bellwether.Core.Indicators.Engine;

/// <summary>Binary searches over sorted columns: a period is a range of rows, found in O(log n).</summary>
internal static class Sorted
{
    /// <summary>The first index whose value is ≥ <paramref name="value"/> (the count of values below it).</summary>
    public static int LowerBound(long[] sorted, long value) => LowerBound(sorted, 0, sorted.Length, value);

    public static int LowerBound(long[] sorted, int from, int to, long value)
    {
        int lo = from, hi = to;
        while (lo < hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    public static int LowerBound(int[] sorted, int value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
