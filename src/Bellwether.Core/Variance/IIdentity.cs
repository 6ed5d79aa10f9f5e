namespace Bellwether.Core.Variance;

/// <summary>A slice's metric as a function of its drivers, at the comparison and at the actual, with each driver's Shapley value.</summary>
internal interface IIdentity
{
    /// <summary>The metric with every driver at its comparison value.</summary>
    decimal From { get; }

    /// <summary>The metric with every driver at its actual value.</summary>
    decimal To { get; }

    /// <summary>Each driver's Shapley value; they add up to <see cref="To"/> − <see cref="From"/>.</summary>
    IReadOnlyDictionary<string, decimal> Contributions();
}
