using System.Collections.Concurrent;
using Bellwether.Core.Data;
using Bellwether.Core.Pipeline;
using Bellwether.Core.Reps;
using Bellwether.Core.Slicing;
using Bellwether.Core.Time;

namespace Bellwether.Core.Forecasting.Model;

/// <summary>
/// Everything a forecast at t reads, fitted once: the deals as known at t, the creation model, deal amounts, and the few
/// company figures scenarios need (win rates, cycle, lead lag, activity elasticity), all from the data known at t; and
/// the hazard model, learned from the data known at the start of t's month and shared by every instant of the month
/// (<see cref="HazardLearning"/>). Read-only after construction, so projections under many scenarios can share it.
/// </summary>
internal sealed class FittedParts
{
    private const int TemplateDays = 365;

    /// <summary>Days of wins that show where a stream's new deals land, when there are enough of them.</summary>
    private const int RecentTemplateDays = 182;

    private const int MinimumRecentTemplates = 30;

    /// <summary>Full months before t's whose wins the reps' own shocks are read from.</summary>
    private const int RepShockMonths = 6;

    private readonly Dictionary<(int Type, int Source), (int Deal, double Weight)[]> _templates = [];
    private readonly ConcurrentDictionary<(int Type, int Source), int[][]> _cells = new();
    private readonly Dictionary<string, int> _teamCodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Accounts.Account> _accounts;

    /// <param name="view">The data as known at <paramref name="asOf"/>.</param>
    /// <param name="asOf">The instant of knowledge.</param>
    /// <param name="options">How to fit.</param>
    /// <param name="learning">
    /// The hazard model learned at or before <paramref name="asOf"/>: most of a fit when it is not shared, so it runs on
    /// another thread, beside the rest (which may add level codes, e.g. reps without deals, and so stays on this one).
    /// </param>
    /// <param name="cancellation">Stops the fit between its stages (the shared learning runs on, for others).</param>
    public FittedParts(Dataset view, DateTimeOffset asOf, ForecastOptions options, Task<HazardLearning> learning, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(learning);
        View = view;
        AsOf = asOf;
        Options = options;
        Calendar = view.Settings.Calendar;
        Day0 = Instants.DayOf(asOf).DayNumber;
        Renewals = RenewalBook.Fit(view, asOf);
        cancellation.ThrowIfCancellationRequested();
        Facts = new DealFacts(view, asOf, Renewals.Pending);
        cancellation.ThrowIfCancellationRequested();
        Covariates = new Covariates(Calendar);
        Creation = new CreationModel(Facts, Day0, view.Reps, Renewals.Explained);
        cancellation.ThrowIfCancellationRequested();
        Amounts = new AmountModel(Facts, Day0);
        var team = Facts.LevelsOf(Dimension.Team);
        foreach (var rep in view.Reps)
        {
            _teamCodes[rep.RepId] = team.Code(rep.Team);
        }

        var type = Facts.Column(Dimension.Type);
        var source = Facts.Column(Dimension.Source);
        var cycles = new List<double>();
        _templates = Enumerable.Range(0, Facts.Count)
            .Where(i => Facts.Status[i] == OpportunityStatus.Won && Facts.ClosedDay[i] >= Day0 - TemplateDays)
            .GroupBy(i => (type[i], source[i]))
            .ToDictionary(g => g.Key, g => RecentTemplates(g.Select(i => (i, (double)Facts.Amount[i])).ToArray()));
        for (var i = 0; i < Facts.RealCount; i++)
        {
            if (Facts.Status[i] == OpportunityStatus.Won && type[i] == (int)OpportunityType.NewBusiness && Facts.ClosedDay[i] >= Day0 - TemplateDays)
            {
                cycles.Add((Facts.ClosedTicks[i] - Facts.CreatedTicks[i]) / (double)TimeSpan.TicksPerDay);
            }
        }

        RepShockVariance = RepShocks(view);
        cycles.Sort();
        MedianWonCycleDays = cycles.Count > 0 ? cycles[cycles.Count / 2] : 60;
        LeadLagDays = LeadLag(view, asOf);
        cancellation.ThrowIfCancellationRequested();
        Revenue = new RevenueModel(view, Facts, Day0);
        cancellation.ThrowIfCancellationRequested();
        _accounts = view.Accounts.GroupBy(a => a.AccountId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        ActivityElasticity = Activity.Elasticity(view, Facts, Day0);
        Learning = learning.GetAwaiter().GetResult();
        if (Learning.Start > asOf)
        {
            throw new ArgumentException($"A model as of {asOf:O} cannot use what was learned at {Learning.Start:O}, after it.", nameof(learning));
        }
    }

    public Dataset View { get; }

    public DateTimeOffset AsOf { get; }

    public ForecastOptions Options { get; }

    public FiscalCalendar Calendar { get; }

    public int Day0 { get; }

    public DealFacts Facts { get; }

    public Covariates Covariates { get; }

    /// <summary>The hazard model and its size bands, learned at the start of t's month; its codes are translated from <see cref="Facts"/>' by <see cref="HazardLevels(int)"/>.</summary>
    public HazardLearning Learning { get; }

    public HazardModel Hazards => Learning.Model;

    public CreationModel Creation { get; }

    public AmountModel Amounts { get; }

    /// <summary>What the revenue ledger teaches (empty without revenue.csv).</summary>
    public RevenueModel Revenue { get; }

    /// <summary>Renewals expected from the book, as the virtual deals of <see cref="Facts"/>.</summary>
    public RenewalBook Renewals { get; }

    /// <summary>A deal's level of every factor of <see cref="Hazards"/>.</summary>
    public int[] HazardLevels(int deal) => Learning.LevelsOf(Facts, deal);

    /// <summary>Profile levels in <see cref="Facts"/>' codes (−1 for not known) as <see cref="Hazards"/>' codes.</summary>
    public int[] HazardLevels(int[] levels) => Learning.Translate(Facts, levels);

    /// <summary>A deal's stage at t as <see cref="Hazards"/>' stage code.</summary>
    public int HazardStage(int deal) => Learning.StageOf(Facts, Facts.Stage[deal]);

    /// <summary>For a virtual deal, the chance of its being created on each day from t.</summary>
    public double[] CreationChance(int deal) => Renewals.CreationChance[deal - Facts.RealCount].Days();

    /// <summary>The median days from creation to close of new-business deals won in the trailing year (60 without any).</summary>
    public double MedianWonCycleDays { get; }

    /// <summary>The variance of each rep's own shock to their chances and rates in a future (<see cref="RepVariation"/>).</summary>
    public double RepShockVariance { get; }

    /// <summary>The median days from a lead's creation to its opportunity's (0 without leads).</summary>
    public double LeadLagDays { get; }

    /// <summary>How deal creation moves with activity: d log(deals) / d log(activities); 0 without activities.csv.</summary>
    public double ActivityElasticity { get; }

    public double RampDays => View.Settings.RampMonths * 30.4375;

    /// <summary>A revenue stream's value of an account-level dimension (account, vertical, account_region) or its service line.</summary>
    public string StreamValue(Dimension dimension, int account, int line)
    {
        var id = Facts.LevelsOf(Dimension.Account).Value(account);
        var known = _accounts.GetValueOrDefault(id);
        return dimension switch
        {
            Dimension.Account => id,
            Dimension.Vertical => known?.Vertical ?? Accounts.Account.UnknownVertical,
            Dimension.AccountRegion => string.IsNullOrWhiteSpace(known?.Region) ? Levels.Unknown : known.Region,
            Dimension.ServiceLine => Facts.LevelsOf(Dimension.ServiceLine).Value(line),
            _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "Revenue is recorded per account and service line."),
        };
    }

    /// <summary>The code of a rep's team among the deals' teams (−1 for no rep).</summary>
    public int TeamCodeOf(Rep? rep) => rep is null ? -1 : _teamCodes.GetValueOrDefault(rep.RepId, -1);

    /// <summary>Won deals of a stream closed in the last half year (or year), weighted by amount: where such deals' wins come from.</summary>
    public (int Deal, double Weight)[] Templates(CreationStream stream) => _templates.GetValueOrDefault((stream.Type, stream.Source)) ?? [];

    /// <summary>
    /// A stream's templates (indices into <see cref="Templates"/>) in cells of one vertical and service line, in the
    /// cells' order: the units whose share of a stream's new wins a future draws.
    /// </summary>
    public int[][] TemplateCells(CreationStream stream) => _cells.GetOrAdd((stream.Type, stream.Source), _ =>
    {
        var vertical = Facts.Column(Dimension.Vertical);
        var line = Facts.Column(Dimension.ServiceLine);
        return [.. Templates(stream)
            .Select((template, index) => (Cell: (vertical[template.Deal], line[template.Deal]), Index: index))
            .GroupBy(x => x.Cell)
            .OrderBy(g => g.Key)
            .Select(g => g.Select(x => x.Index).ToArray())];
    });

    /// <summary>
    /// The share of an atom's wins that fall in a slice: 1 or 0 on the dimensions an atom has (its rep and theirs, type,
    /// source), times the amount-weighted share of its templates on the others (vertical, service line, account…).
    /// </summary>
    public double ShareIn(AtomPlan atom, IReadOnlyDictionary<Dimension, string> slice)
    {
        var templated = new List<KeyValuePair<Dimension, string>>();
        foreach (var (dimension, value) in slice)
        {
            if (AtomPlan.Exact(dimension))
            {
                if (!string.Equals(atom.Value(dimension), value, StringComparison.Ordinal))
                {
                    return 0;
                }
            }
            else
            {
                templated.Add(new(dimension, value));
            }
        }

        if (templated.Count == 0)
        {
            return 1;
        }

        var templates = Templates(atom.Atom.Stream);
        double inside = 0, total = 0;
        foreach (var (deal, weight) in templates)
        {
            total += weight;
            if (templated.All(kv => string.Equals(Facts.Value(kv.Key, deal), kv.Value, StringComparison.Ordinal)))
            {
                inside += weight;
            }
        }

        return total > 0 ? inside / total : (templated.All(kv => kv.Value == Levels.Unknown) ? 1 : 0);
    }

    /// <summary>The win rate (won / closed, by count) of deals in the slice closed in the trailing year; NaN without any.</summary>
    public double WinRate(IReadOnlyDictionary<Dimension, string> slice)
    {
        double won = 0, closed = 0;
        for (var i = 0; i < Facts.Count; i++)
        {
            if (Facts.IsOpen(i) || Facts.ClosedDay[i] < Day0 - TemplateDays || !slice.All(kv => Facts.Value(kv.Key, i) == kv.Value))
            {
                continue;
            }

            closed++;
            won += Facts.Status[i] == OpportunityStatus.Won ? 1 : 0;
        }

        return closed > 0 ? won / closed : double.NaN;
    }

    /// <summary>
    /// A stream's templates: its wins of the last half year, where there are enough of them, else of the whole year.
    /// Where new deals land among verticals, lines and accounts moves as markets grow and shrink; a year's wins read
    /// that mix as it was eight months ago (by-vertical wins of new deals were off by −10% to +16% on the demo companies,
    /// by −6% to +9% from the half year), but a thin half year would pin a stream on a few accounts.
    /// </summary>
    private (int Deal, double Weight)[] RecentTemplates((int Deal, double Weight)[] year)
    {
        var recent = year.Where(t => Facts.ClosedDay[t.Deal] >= Day0 - RecentTemplateDays).ToArray();
        return recent.Length >= MinimumRecentTemplates ? recent : year;
    }

    /// <summary>
    /// The variance of each rep's own shock (<see cref="RepVariation"/>), read from the wins of the last
    /// <see cref="RepShockMonths"/> full months, each rep over the months they were active throughout.
    /// </summary>
    private double RepShocks(Dataset view)
    {
        var t = DateOnly.FromDayNumber(Day0);
        var end = new DateOnly(t.Year, t.Month, 1);
        var start = end.AddMonths(-RepShockMonths);
        var reps = Facts.LevelsOf(Dimension.Rep);
        var known = view.Reps.GroupBy(r => r.RepId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var wins = Enumerable.Range(0, reps.Count).Select(_ => new double[RepShockMonths]).ToArray();
        var repOf = Facts.Column(Dimension.Rep);
        for (var i = 0; i < Facts.RealCount; i++)
        {
            if (Facts.Status[i] == OpportunityStatus.Won && Facts.ClosedDay[i] >= start.DayNumber && Facts.ClosedDay[i] < end.DayNumber)
            {
                var closed = DateOnly.FromDayNumber(Facts.ClosedDay[i]);
                wins[repOf[i]][((closed.Year - start.Year) * 12) + closed.Month - start.Month]++;
            }
        }

        var active = Enumerable.Range(0, reps.Count).Select(r =>
        {
            var rep = known.GetValueOrDefault(reps.Value(r));
            return Enumerable.Range(0, RepShockMonths).Select(m =>
                rep is not null && rep.IsActiveOn(start.AddMonths(m)) && rep.IsActiveOn(start.AddMonths(m + 1).AddDays(-1))).ToArray();
        }).ToArray();
        return RepVariation.Variance(wins, active);
    }

    private static double LeadLag(Dataset view, DateTimeOffset asOf)
    {
        var created = view.Opportunities.ToDictionary(o => o.OpportunityId, o => o.CreatedAt, StringComparer.Ordinal);
        var lags = view.Leads
            .Where(l => l.OpportunityId is { } id && created.ContainsKey(id) && l.CreatedAt < asOf)
            .Select(l => (created[l.OpportunityId!] - l.CreatedAt).TotalDays)
            .Where(d => d >= 0)
            .Order()
            .ToList();
        return lags.Count > 0 ? lags[lags.Count / 2] : 0;
    }
}
