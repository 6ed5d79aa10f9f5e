using MathNet.Numerics.LinearAlgebra;

namespace Bellwether.Core.Clients;

/// <summary>
/// A ridge-regularised logistic regression, fitted by Newton's method: p = 1 / (1 + e^−(b + Σ β_j z_j)) where z_j is
/// feature j standardised by the training rows' mean and standard deviation. Chosen because it explains itself: a
/// client's log-odds is the average client's plus one contribution per feature, β_j z_j, so the largest contributions
/// are the reasons. The penalty λ/2 Σ β_j² (not on the intercept) on the mean log-loss keeps coefficients of rare or
/// collinear features small. A missing value (NaN) stands for the training mean: it contributes nothing.
/// </summary>
internal sealed class LogisticModel
{
    private const int MaxIterations = 50;

    private LogisticModel(double[] means, double[] scales, double[] coefficients, double intercept)
    {
        Means = means;
        Scales = scales;
        Coefficients = coefficients;
        Intercept = intercept;
    }

    /// <summary>Each feature's training mean (over the rows that had it).</summary>
    public double[] Means { get; }

    /// <summary>Each feature's training standard deviation (1 where it did not vary).</summary>
    public double[] Scales { get; }

    /// <summary>Per standardised feature: the change of log-odds per standard deviation.</summary>
    public double[] Coefficients { get; }

    /// <summary>The log-odds of a client whose every feature is the training mean.</summary>
    public double Intercept { get; }

    /// <summary>Fits the model to rows of features (NaN where missing) and their outcomes.</summary>
    /// <param name="rows">One array of features per training row, all of the same length.</param>
    /// <param name="outcomes">Whether the event happened, per row.</param>
    /// <param name="penalty">λ: the ridge penalty on the mean log-loss (0.01 keeps a thousand rows nearly unpenalised).</param>
    public static LogisticModel Fit(IReadOnlyList<double[]> rows, IReadOnlyList<bool> outcomes, double penalty)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(outcomes);
        if (rows.Count == 0 || rows.Count != outcomes.Count)
        {
            throw new ArgumentException("A fit needs rows, one outcome each.", nameof(rows));
        }

        var k = rows[0].Length;
        var (means, scales) = Standardisation(rows, k);
        var n = rows.Count;
        var width = k + 1;

        // Each row standardised, after a leading 1 for the intercept, in one flat array.
        var x = new double[n * width];
        for (var i = 0; i < n; i++)
        {
            x[i * width] = 1;
            for (var j = 0; j < k; j++)
            {
                x[(i * width) + j + 1] = double.IsNaN(rows[i][j]) ? 0 : (rows[i][j] - means[j]) / scales[j];
            }
        }

        var beta = new double[width];
        var share = Math.Clamp(outcomes.Count(o => o) / (double)n, 1e-6, 1 - 1e-6);
        beta[0] = Math.Log(share / (1 - share));
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var hessian = new double[width, width];
            var gradient = new double[width];
            for (var i = 0; i < n; i++)
            {
                var row = x.AsSpan(i * width, width);
                var p = Sigmoid(Dot(beta, row));
                var w = p * (1 - p) / n;
                var residual = (p - (outcomes[i] ? 1 : 0)) / n;
                for (var a = 0; a < width; a++)
                {
                    gradient[a] += residual * row[a];
                    var wa = w * row[a];
                    for (var b = 0; b <= a; b++)
                    {
                        hessian[a, b] += wa * row[b];
                    }
                }
            }

            for (var a = 1; a < width; a++)
            {
                gradient[a] += penalty * beta[a];
                hessian[a, a] += penalty;
            }

            for (var a = 0; a < width; a++)
            {
                hessian[a, a] += 1e-9;
                for (var b = a + 1; b < width; b++)
                {
                    hessian[a, b] = hessian[b, a];
                }
            }

            var step = Matrix<double>.Build.DenseOfArray(hessian).Cholesky().Solve(Vector<double>.Build.DenseOfArray(gradient));

            // Newton's step can overshoot where a feature nearly separates the outcomes: halve it until the loss falls.
            var loss = Loss(beta, x, outcomes, penalty);
            var scale = 1.0;
            double[] next;
            do
            {
                next = [.. beta.Select((b, a) => b - (scale * step[a]))];
                scale /= 2;
            }
            while (Loss(next, x, outcomes, penalty) > loss && scale > 1e-6);

            beta = next;
            if (step.AbsoluteMaximum() * scale * 2 < 1e-9)
            {
                break;
            }
        }

        return new LogisticModel(means, scales, beta[1..], beta[0]);
    }

    /// <summary>The probability of the event for one row of features.</summary>
    public double Probability(double[] features) => Sigmoid(Intercept + Contributions(features).Sum());

    /// <summary>Each feature's contribution to the row's log-odds, against a client at the training mean.</summary>
    public double[] Contributions(double[] features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var result = new double[Coefficients.Length];
        for (var j = 0; j < result.Length; j++)
        {
            result[j] = double.IsNaN(features[j]) ? 0 : Coefficients[j] * (features[j] - Means[j]) / Scales[j];
        }

        return result;
    }

    private static (double[] Means, double[] Scales) Standardisation(IReadOnlyList<double[]> rows, int k)
    {
        var means = new double[k];
        var scales = new double[k];
        for (var j = 0; j < k; j++)
        {
            double sum = 0, squares = 0;
            var count = 0;
            foreach (var row in rows)
            {
                if (!double.IsNaN(row[j]))
                {
                    sum += row[j];
                    squares += row[j] * row[j];
                    count++;
                }
            }

            means[j] = count == 0 ? 0 : sum / count;
            var variance = count == 0 ? 0 : (squares / count) - (means[j] * means[j]);
            scales[j] = variance > 1e-12 ? Math.Sqrt(variance) : 1;
        }

        return (means, scales);
    }

    /// <summary>The penalised mean log-loss the fit minimises, over the flat rows (each with its leading 1).</summary>
    private static double Loss(double[] beta, double[] x, IReadOnlyList<bool> outcomes, double penalty)
    {
        var width = beta.Length;
        var loss = 0.0;
        for (var i = 0; i < outcomes.Count; i++)
        {
            var t = Dot(beta, x.AsSpan(i * width, width));
            // log(1 + e^t) − y·t, written to stay finite for large |t|.
            loss += Math.Max(t, 0) + Math.Log(1 + Math.Exp(-Math.Abs(t))) - (outcomes[i] ? t : 0);
        }

        var ridge = 0.0;
        for (var a = 1; a < width; a++)
        {
            ridge += beta[a] * beta[a];
        }

        return (loss / outcomes.Count) + (penalty / 2 * ridge);
    }

    private static double Dot(double[] beta, ReadOnlySpan<double> row)
    {
        var sum = 0.0;
        for (var j = 0; j < row.Length; j++)
        {
            sum += beta[j] * row[j];
        }

        return sum;
    }

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
}
