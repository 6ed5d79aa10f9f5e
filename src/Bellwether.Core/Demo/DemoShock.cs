namespace Bellwether.Core.Demo;

/// <summary>
/// A scripted change to the demo company's course over a span of days, so that a known cause leaves its mark in the
/// data: simulating the same options with and without it measures the cause's effect on any indicator, which is how
/// <c>explain</c> is checked (docs/variance.md). Days are business dates of the simulation; <see cref="Until"/> is
/// exclusive.
/// </summary>
public abstract record DemoShock
{
    /// <summary>The first day the shock acts on.</summary>
    public required DateOnly From { get; init; }

    /// <summary>The first day it no longer acts on (exclusive); null for every day after <see cref="From"/>.</summary>
    public DateOnly? Until { get; init; }

    /// <summary>Whether the shock acts on the day.</summary>
    public bool Covers(DateOnly day) => day >= From && (Until is not { } until || day < until);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when the shock cannot act as written.</summary>
    internal virtual void Validate()
    {
        if (Until is { } until && until <= From)
        {
            throw new ArgumentOutOfRangeException(nameof(Until), until, $"A shock ends after it starts ({From:yyyy-MM-dd}).");
        }
    }
}

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

/// <summary>Inbound demand changes: while the shock lasts, inbound leads arrive at <see cref="Factor"/> times their rate (0.6 is 40% fewer).</summary>
public sealed record InboundLeadShock : DemoShock
{
    /// <summary>What the inbound lead rate is multiplied by; 0.6 means 40% fewer leads.</summary>
    public required double Factor { get; init; }

    internal override void Validate()
    {
        base.Validate();
        if (Factor is < 0 or > 10 || double.IsNaN(Factor))
        {
            throw new ArgumentOutOfRangeException(nameof(Factor), Factor, "The inbound factor is from 0 to 10.");
        }
    }
}

/// <summary>
/// A recurring service line's clients leave more often: a renewal of the line whose contract's last month falls inside
/// the shock's span is lost at each step <see cref="LossFactor"/> times as often (2 doubles it). Renewals are decided in
/// the weeks before the term ends, so the span names the months the contracts end in; a lost renewal's revenue stops
/// after that last month.
/// </summary>
public sealed record ChurnShock : DemoShock
{
    /// <summary>The service line's name as the demo writes it (<c>managed_services</c>, <c>support_retainer</c>).</summary>
    public required string ServiceLine { get; init; }

    /// <summary>At least 1: what each step's chance of losing the renewal is multiplied by.</summary>
    public double LossFactor { get; init; } = 2;

    internal override void Validate()
    {
        base.Validate();
        if (!CompanyModel.ServiceLines.Any(l => l.Name == ServiceLine && l.Recurring))
        {
            throw new ArgumentOutOfRangeException(nameof(ServiceLine), ServiceLine, $"Only recurring lines renew: {string.Join(", ", CompanyModel.ServiceLines.Where(l => l.Recurring).Select(l => l.Name))}.");
        }

        if (LossFactor is < 1 or > 100 || double.IsNaN(LossFactor))
        {
            throw new ArgumentOutOfRangeException(nameof(LossFactor), LossFactor, "The loss factor is from 1 to 100.");
        }
    }
}
