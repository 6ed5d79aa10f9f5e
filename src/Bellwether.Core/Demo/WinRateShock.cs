namespace Bellwether.Core.Demo;

/// <summary>
/// A vertical's new-business deals are won less often: while the shock lasts, the chance that such a deal in the last
/// open stage (Negotiation) closes won rather than lost is multiplied by <see cref="WinFactor"/>. Deals lost earlier
/// are untouched, so the vertical's win rate falls by about (1 − factor) × its usual win rate.
/// </summary>
public sealed record WinRateShock : DemoShock
{
    /// <summary>The vertical's name as the demo writes it (<c>finance</c>, <c>healthcare</c>, …).</summary>
    public required string Vertical { get; init; }

    /// <summary>0 to 1: what the chance of winning at the last stage is multiplied by (0.5 halves it).</summary>
    public required double WinFactor { get; init; }

    internal override void Validate()
    {
        base.Validate();
        if (!CompanyModel.Verticals.Any(v => v.Name == Vertical))
        {
            throw new ArgumentOutOfRangeException(nameof(Vertical), Vertical, $"The demo's verticals are {string.Join(", ", CompanyModel.Verticals.Select(v => v.Name))}.");
        }

        if (WinFactor is < 0 or > 1 || double.IsNaN(WinFactor))
        {
            throw new ArgumentOutOfRangeException(nameof(WinFactor), WinFactor, "The win factor is from 0 to 1.");
        }
    }
}
