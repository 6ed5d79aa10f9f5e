namespace Bellwether.Core.Demo;

/// <summary>One length of recurring contract a demo company signs, and the share of its contracts that run that long.</summary>
/// <param name="Months">The term, in whole months (12, 24, 36…).</param>
/// <param name="Share">The share of new recurring contracts with this term (the shares of a practice are normalised).</param>
public sealed record ContractLength(int Months, double Share);
