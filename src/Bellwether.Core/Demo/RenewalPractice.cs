using System.Globalization;

namespace Bellwether.Core.Demo;

/// <summary>
/// How a demo company renews its recurring contracts, and what its CRM export says about them: so that the forecaster
/// is tested on companies unlike the one it was first built on. <see cref="Standard"/> is the demo's own practice
/// (yearly terms, renewals opened 75 days ahead, none lapsing, no contract columns) and keeps the default company
/// unchanged; <see cref="Drawn"/> gives each seed a practice of its own.
/// </summary>
public sealed record RenewalPractice
{
    /// <summary>Yearly terms, renewal deals opened 75 days before the term ends, every contract renewed or lost by a deal, no terms exported.</summary>
    public static readonly RenewalPractice Standard = new();

    /// <summary>The terms new recurring contracts run for; a renewal keeps its contract's term.</summary>
    public IReadOnlyList<ContractLength> Terms { get; init; } = [new(12, 1)];

    /// <summary>Days before a term's end (the first day after it) that its renewal deal is opened, on average.</summary>
    public int LeadDays { get; init; } = 75;

    /// <summary>Each contract's lead is drawn evenly from <see cref="LeadDays"/> ± this many days.</summary>
    public int LeadSpreadDays { get; init; }

    /// <summary>The chance that a contract coming due is let go silently: no renewal deal is ever opened and the work ends with the term.</summary>
    public double LapseShare { get; init; }

    /// <summary>What the export says about the won deals' contracts.</summary>
    public ContractExport Export { get; init; } = ContractExport.None;

    /// <summary>With <see cref="Export"/>, the share of won recurring deals whose contract the CRM holds (the rest are empty).</summary>
    public double ExportedShare { get; init; } = 1;

    /// <summary>
    /// A practice of the seed's own: one of five mixtures of 12-, 24- and 36-month terms, renewals opened 30–120 days
    /// ahead (each contract within up to 20 days of the company's habit), 0–20% of contracts lapsing silently, and terms
    /// exported as dates, as term_months or not at all, for all won deals or for half to all of them.
    /// </summary>
    public static RenewalPractice Drawn(ulong seed)
    {
        var rng = Rng.For(seed, 301, 0);
        IReadOnlyList<ContractLength>[] mixtures =
        [
            [new(12, 1)],
            [new(12, 0.6), new(24, 0.4)],
            [new(12, 0.5), new(24, 0.3), new(36, 0.2)],
            [new(24, 0.5), new(36, 0.5)],
            [new(12, 0.4), new(36, 0.6)],
        ];
        var terms = mixtures[rng.Next(mixtures.Length)];
        var lead = rng.Between(30, 121);
        var spread = Math.Min(rng.Between(0, 21), Math.Min(lead - 30, 120 - lead));
        var lapse = Math.Round(0.2 * rng.NextDouble(), 2);
        var export = (ContractExport)rng.Next(3);
        var share = rng.Chance(0.5) ? 1 : Math.Round(0.5 + (0.5 * rng.NextDouble()), 2);
        return new RenewalPractice { Terms = terms, LeadDays = lead, LeadSpreadDays = spread, LapseShare = lapse, Export = export, ExportedShare = share };
    }

    /// <summary>One line for reports, e.g. <c>terms 12:0.6/24:0.4, lead 90±10 d, lapse 5%, export dates (70%)</c>.</summary>
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"terms {string.Join('/', Terms.Select(t => $"{t.Months}:{t.Share:0.##}"))}, lead {LeadDays}±{LeadSpreadDays} d, lapse {LapseShare:0%}, export {Text.SnakeCase.Name(Export)}{(Export == ContractExport.None ? "" : $" ({ExportedShare:0%})")}");

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when the practice cannot be simulated.</summary>
    public void Validate()
    {
        if (Terms.Count == 0 || Terms.Any(t => t.Months is < 1 or > 120 || !(t.Share > 0)))
        {
            throw new ArgumentOutOfRangeException(nameof(Terms), "Terms are 1 to 120 months, each with a positive share.");
        }

        if (LeadDays - LeadSpreadDays < 1 || LeadSpreadDays < 0 || LeadDays + LeadSpreadDays > 365)
        {
            throw new ArgumentOutOfRangeException(nameof(LeadDays), LeadDays, "Renewals are opened 1 to 365 days before the term ends.");
        }

        if (LapseShare is < 0 or > 1 || ExportedShare is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(LapseShare), "Shares are from 0 to 1.");
        }
    }
}
