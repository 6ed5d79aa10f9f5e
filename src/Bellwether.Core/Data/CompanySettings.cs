using Bellwether.Core.Time;

namespace Bellwether.Core.Data;

/// <summary>A company's settings, which change what its indicators mean.</summary>
public sealed record CompanySettings
{
    public static readonly CompanySettings Default = new();

    public FiscalCalendar Calendar { get; init; } = FiscalCalendar.Default;

    /// <summary>Months from start_date to full productivity; productivity rises linearly until then.</summary>
    public int RampMonths { get; init; } = 3;

    /// <summary>Days after a lead's creation within which qualifying counts for lead_qualification_rate.</summary>
    public int QualificationWindowDays { get; init; } = 60;

    /// <summary>
    /// The stage shown for a deal at an instant before anything is known of it (no history row before the instant):
    /// <c>unknown</c> by default; a preset may name the stage its data implies (maven-crm: <c>Engaging</c>).
    /// </summary>
    public string HistoryFallbackStage { get; init; } = "unknown";

    /// <summary>
    /// The reporting currency every amount of the company's files is in (ISO 4217, e.g. <c>USD</c>, <c>EUR</c>): how
    /// money is written for people (<see cref="Reporting.Readable"/>). Amounts are never converted.
    /// </summary>
    public string Currency { get; init => field = Guard.CurrencyCode(value); } = "USD";
}
