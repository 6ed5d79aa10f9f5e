using System.Globalization;
using Bellwether.Core.Indicators;
using Bellwether.Core.Plans;
using Bellwether.Core.Reporting;
using Bellwether.Core.Slicing;
using Bellwether.Core.Text;
using Bellwether.Core.Time;
using Bellwether.Dashboard.Charts;
using Bellwether.Dashboard.Deals;
using Bellwether.Dashboard.Tables;
using Bellwether.Indicators;
using Bellwether.Services;
using Bellwether.Storage;

namespace Bellwether.Dashboard.Accounts;

/// <summary>
/// A client's page, where the retention and expansion drill-downs land: who they are, their health and churn risk with
/// the reasons (the client-health model the retention signals read), why they look like a second-line buyer when the
/// expansion signal names them, their revenue by month and service line (the <c>revenue</c> indicator sliced to the
/// client), their latest engagement, and their deals.
/// </summary>
public sealed class AccountDetails(IStore store, IndicatorService indicators, ClientHealthReader health, SignalReader signals, TimeProvider clock, DashboardOptions options)
{
    /// <summary>How many engagement events the page lists, newest first.</summary>
    public const int EngagementShown = 25;

    public AccountView Read(string accountId, CancellationToken cancellation = default)
    {
        var workspace = options.Workspace;
        var asOf = ForecastService.Now(clock);
        var settings = store.Settings(workspace);
        var currency = settings.Currency;
        var data = indicators.Engine(workspace, withEngagement: true).Dataset;
        var account = data.Accounts.FirstOrDefault(a => a.AccountId == accountId);
        var deals = data.Opportunities.Where(d => d.AccountId == accountId && d.CreatedAt < asOf).OrderByDescending(d => d.CreatedAt).ToList();
        if (account is null && deals.Count == 0)
        {
            throw new Cli.UserErrorException($"{accountId}: no client has this id");
        }

        var names = NameBook.Of(data);
        var name = account?.Name ?? accountId;
        var about = new List<(string Text, string? Href)>();
        if (account is not null)
        {
            about.Add(($"vertical {account.Vertical}", Links.Slice(Dimension.Vertical, account.Vertical)));
            if (account.Region is { } region)
            {
                about.Add((region, null));
            }

            if (account.Employees is { } employees)
            {
                about.Add(($"{Readable.Count(employees)} employees", null));
            }

            if (account.OwnerRepId is { } owner)
            {
                about.Add(($"owner {names.Rep(owner)}", Links.Rep(owner)));
            }
        }

        var reading = health.Read(workspace);
        cancellation.ThrowIfCancellationRequested();
        var risk = reading.Clients.FirstOrDefault(c => c.AccountId == accountId);
        var healthText = reading.MissingReason is { } why ? $"No client health: {why}."
            : risk is null ? "No client health: no revenue in the last 3 months."
            : $"Health {risk.Health} of 100 ({SnakeCase.Name(risk.Band).Replace('_', ' ')}): a {Readable.Percent((decimal)risk.ChurnRisk, 0)} chance of no revenue in the next 3 months, "
              + $"against {Readable.Percent((decimal)reading.BaseRate, 0)} for the average client; {Readable.Money(risk.RevenueAtStake, currency)} of revenue in the last 3 months.";
        var expansion = signals.Read(workspace, Pillar.Expansion)
            .SelectMany(s => s.NeedsAttention.Where(a => a.Kind == "account" && a.Id == accountId).Select(a => $"{s.Title}: {a.Reason}"))
            .ToList();

        var year = settings.Calendar.Containing(asOf.AddTicks(-1), Grain.Year);
        var filter = new Dictionary<Dimension, string> { [Dimension.Account] = accountId };
        var revenue = new[] { settings.Calendar.Previous(year), year }
            .SelectMany(p => indicators.Run(workspace, new IndicatorQuery { Indicators = ["revenue"], Period = p, Grain = Grain.Month, By = [Dimension.ServiceLine], Filter = filter, AsOf = asOf }))
            .Where(r => r.Value is not null)
            .ToList();
        var months = revenue.Select(r => r.Period).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var lines = revenue.Select(r => r.Slice.GetValueOrDefault("service_line")).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        decimal? At(string month, string line) => revenue.FirstOrDefault(r => r.Period == month && r.Slice.GetValueOrDefault("service_line") == line)?.Value;
        var chart = new SeriesChartData
        {
            Categories = months,
            Series = [.. lines.Select(l => new ChartSeries { Name = l, Values = [.. months.Select(m => At(m, l))], Stack = "revenue" })],
            Format = ChartFormat.Money,
            Description = months.Count == 0
                ? $"{name} has no revenue in {settings.Calendar.Previous(year).Label} or {year.Label}."
                : $"{name}'s revenue by month and service line, {months[0]} to {months[^1]}: " + string.Join("; ", months.Select(m => $"{m} {Readable.Money(lines.Sum(l => At(m, l) ?? 0), currency)}")) + ".",
            Table = new ChartTable($"{name}'s revenue by month", ["Month", .. lines],
                [.. months.Select(m => (IReadOnlyList<string>)[m, .. lines.Select(l => At(m, l) is { } v ? Readable.Money(v, currency) : "—")])]),
        };

        var events = data.Engagement.Where(e => e.AccountId == accountId && e.OccurredAt < asOf).OrderByDescending(e => e.OccurredAt).Take(EngagementShown).ToList();
        var engagement = new TableData
        {
            Id = "engagement",
            Caption = $"Latest engagement (up to {EngagementShown})",
            Columns = [new("When"), new("What"), new("Value", true)],
            Rows = [.. events.Select(e => new TableRow(
            [
                TableCell.Of(e.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                TableCell.Of(SnakeCase.Name(e.Kind).Replace('_', ' ')),
                TableCell.Count(e.Value),
            ]))],
            EmptyText = "No engagement recorded (engagement.csv).",
        };

        return new AccountView
        {
            AsOf = asOf,
            Currency = currency,
            Name = name,
            About = about,
            Health = healthText,
            HealthBand = risk is null ? null : SnakeCase.Name(risk.Band),
            Reasons = risk?.Reasons ?? [],
            Expansion = expansion,
            Revenue = chart,
            Engagement = engagement,
            Deals = DealTables.Of("account-deals", $"{name}'s deals", deals, names, currency, asOf, showClient: false),
        };
    }
}

/// <summary>A client's page.</summary>
public sealed record AccountView
{
    public required DateTimeOffset AsOf { get; init; }

    public required string Currency { get; init; }

    public required string Name { get; init; }

    /// <summary>Vertical, region, size and owner, each with where it leads (or null).</summary>
    public required IReadOnlyList<(string Text, string? Href)> About { get; init; }

    public required string Health { get; init; }

    /// <summary><c>healthy</c>, <c>watch</c> or <c>at_risk</c>; null when health cannot be read.</summary>
    public string? HealthBand { get; init; }

    public required IReadOnlyList<string> Reasons { get; init; }

    /// <summary>Why the expansion signals name the client, if they do.</summary>
    public required IReadOnlyList<string> Expansion { get; init; }

    public required SeriesChartData Revenue { get; init; }

    public required TableData Engagement { get; init; }

    public required TableData Deals { get; init; }
}
