namespace Bellwether.Core.Forecasting.Model;

/// <summary>
/// Non-negative least squares through the normal equations: a Gram matrix (row-major, n × n) and a moment vector are
/// accumulated observation by observation, then solved with every coefficient kept at or above zero.
/// </summary>
internal static class LeastSquares
{
    /// <summary>Adds one observation (regressors x, response y) to the Gram matrix and moment vector.</summary>
    public static void Accumulate(double[] gram, double[] moment, ReadOnlySpan<double> x, double y)
    {
        var n = x.Length;
        for (var i = 0; i < n; i++)
        {
            if (x[i] == 0)
            {
                continue;
            }

            moment[i] += x[i] * y;
            for (var j = 0; j < n; j++)
            {
                gram[(i * n) + j] += x[i] * x[j];
            }
        }
    }

    /// <summary>
    /// The non-negative coefficients that minimise the squared error. A few regressors are solved exactly (every set of
    /// coefficients that may be non-zero is tried), because nearly collinear ones (a constant beside monthly revenue)
    /// would take coordinate descent thousands of sweeps; wider problems by projected coordinate descent.
    /// </summary>
    public static double[] Nnls(double[] gram, double[] moment, int n) => n <= ExactUpTo ? Exact(gram, moment, n) : Descent(gram, moment, n);

    private const int ExactUpTo = 4;

    private static double[] Exact(double[] gram, double[] moment, int n)
    {
        var best = new double[n];
        var bestLoss = 0.0;
        for (var free = 1; free < 1 << n; free++)
        {
            var beta = SolveOn(gram, moment, n, free);
            if (beta is null || beta.Any(b => b < 0))
            {
                continue;
            }

            // Squared error up to a constant: β'Gβ − 2β'm.
            var loss = 0.0;
            for (var i = 0; i < n; i++)
            {
                loss -= 2 * beta[i] * moment[i];
                for (var j = 0; j < n; j++)
                {
                    loss += beta[i] * gram[(i * n) + j] * beta[j];
                }
            }

            if (loss < bestLoss)
            {
                bestLoss = loss;
                best = beta;
            }
        }

        return best;
    }

    /// <summary>Least squares with only the coefficients in the bit set <paramref name="free"/> non-zero; null when singular.</summary>
    private static double[]? SolveOn(double[] gram, double[] moment, int n, int free)
    {
        var index = Enumerable.Range(0, n).Where(i => (free & (1 << i)) != 0).ToArray();
        var k = index.Length;
        var a = new double[k, k + 1];
        for (var r = 0; r < k; r++)
        {
            for (var c = 0; c < k; c++)
            {
                a[r, c] = gram[(index[r] * n) + index[c]];
            }

            a[r, k] = moment[index[r]];
        }

        // Gaussian elimination with partial pivoting.
        for (var c = 0; c < k; c++)
        {
            var pivot = c;
            for (var r = c + 1; r < k; r++)
            {
                if (Math.Abs(a[r, c]) > Math.Abs(a[pivot, c]))
                {
                    pivot = r;
                }
            }

            if (Math.Abs(a[pivot, c]) <= 1e-12 * Math.Max(1, Math.Abs(gram[(index[c] * n) + index[c]])))
            {
                return null;
            }

            for (var j = c; j <= k; j++)
            {
                (a[c, j], a[pivot, j]) = (a[pivot, j], a[c, j]);
            }

            for (var r = 0; r < k; r++)
            {
                if (r == c)
                {
                    continue;
                }

                var factor = a[r, c] / a[c, c];
                for (var j = c; j <= k; j++)
                {
                    a[r, j] -= factor * a[c, j];
                }
            }
        }

        var beta = new double[n];
        for (var r = 0; r < k; r++)
        {
            beta[index[r]] = a[r, k] / a[r, r];
        }

        return beta;
    }

    private static double[] Descent(double[] gram, double[] moment, int n)
    {
        var beta = new double[n];
        for (var sweep = 0; sweep < 500; sweep++)
        {
            var change = 0.0;
            for (var j = 0; j < n; j++)
            {
                var diagonal = gram[(j * n) + j];
                if (diagonal <= 0)
                {
                    continue;
                }

                var gradient = moment[j];
                for (var k = 0; k < n; k++)
                {
                    gradient -= gram[(j * n) + k] * beta[k];
                }

                var next = Math.Max(0, beta[j] + (gradient / diagonal));
                change = Math.Max(change, Math.Abs(next - beta[j]));
                beta[j] = next;
            }

            if (change < 1e-9)
            {
                break;
            }
        }

        return beta;
    }
}
