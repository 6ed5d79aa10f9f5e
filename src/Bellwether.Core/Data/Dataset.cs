using Bellwether.Core.Accounts;
using Bellwether.Core.Activities;
using Bellwether.Core.Finance;
using Bellwether.Core.Leads;
using Bellwether.Core.Pipeline;
using Bellwether.Core.Plans;
using Bellwether.Core.Reps;

namespace Bellwether.Core.Data;

/// <summary>
/// Everything the indicators, forecasts and plans of one company are computed from, held in memory. A store loads it;
/// the pure core only reads it. Activities arrive pre-counted per rep, day and type (see <see cref="ActivityDay"/>).
/// </summary>
public sealed record Dataset
{
    public CompanySettings Settings { get; init; } = CompanySettings.Default;

    /// <summary>The files this company's data came from (file names such as <c>revenue.csv</c>), to say why an indicator is unavailable.</summary>
    public IReadOnlySet<string> Files { get; init; } = new HashSet<string>();

    public IReadOnlyList<Rep> Reps { get; init; } = [];

    public IReadOnlyList<Quota> Quotas { get; init; } = [];

    public IReadOnlyList<Account> Accounts { get; init; } = [];

    public IReadOnlyList<Stage> Stages { get; init; } = [];

    public IReadOnlyList<Opportunity> Opportunities { get; init; } = [];

    /// <summary>Every deal's history rows, ordered by deal and then by changed_at.</summary>
    public IReadOnlyList<OpportunityChange> History { get; init; } = [];

    public IReadOnlyList<Lead> Leads { get; init; } = [];

    public IReadOnlyList<ActivityDay> ActivityDays { get; init; } = [];

    public IReadOnlyList<RevenueLine> Revenue { get; init; } = [];

    public IReadOnlyList<Expense> Expenses { get; init; } = [];

    public IReadOnlyList<EngagementSignal> Engagement { get; init; } = [];

    public IReadOnlyList<PlanLine> Plans { get; init; } = [];

    public IReadOnlyList<ActivityStandard> Standards { get; init; } = [];

    /// <summary>Whether the company's data holds the file (by its folder-format name).</summary>
    public bool Has(string fileName) => Files.Contains(fileName);
}
