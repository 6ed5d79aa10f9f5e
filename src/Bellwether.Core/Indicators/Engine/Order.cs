namespace Bellwether.Core.Indicators.Engine;

/// <summary>
/// Sorting rows by a key without touching the rows themselves: read every record once in its given order (which is
/// also its order in memory), then sort the keys with row numbers and gather each column through the permutation.
/// Reading a million records in a sorted order instead costs a cache miss per field.
/// </summary>
internal static class Order
{
    /// <summary>Row numbers in ascending key order (stable: equal keys keep their order); the keys are sorted in place.</summary>
    public static int[] By(long[] keys) => By(keys, null);

    /// <summary>The same, with equal keys ordered by a second key (indexed by row).</summary>
    public static int[] By(long[] keys, long[]? thenBy)
    {
        var order = Identity(keys.Length);
        if (IsSorted(keys) && thenBy is null)
        {
            return order;
        }

        Array.Sort(keys, order);
        var scratch = thenBy is null ? null : new long[keys.Length];
        for (int a = 0, b; a < keys.Length; a = b)
        {
            for (b = a + 1; b < keys.Length && keys[b] == keys[a]; b++)
            {
            }

            if (b - a < 2)
            {
                continue;
            }

            if (scratch is null)
            {
                Array.Sort(order, a, b - a);
            }
            else
            {
                Array.Sort(order, a, b - a);
                for (var k = a; k < b; k++)
                {
                    scratch[k] = thenBy![order[k]];
                }

                Array.Sort(scratch, order, a, b - a);
            }
        }

        return order;
    }

    public static int[] By(int[] keys)
    {
        var wide = new long[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            wide[i] = keys[i];
        }

        var order = By(wide);
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = (int)wide[i];
        }

        return order;
    }

    public static int[] Identity(int count)
    {
        var order = new int[count];
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
        }

        return order;
    }

    public static T[] Gather<T>(T[] column, int[] order)
    {
        var result = new T[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            result[i] = column[order[i]];
        }

        return result;
    }

    public static bool IsSorted(long[] keys)
    {
        for (var i = 1; i < keys.Length; i++)
        {
            if (keys[i] < keys[i - 1])
            {
                return false;
            }
        }

        return true;
    }
}
