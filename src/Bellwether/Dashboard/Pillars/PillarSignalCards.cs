using Bellwether.Core.Plans;
using Bellwether.Core.Reporting;
using Bellwether.Core.Signals;
using Bellwether.Core.Text;
using Bellwether.Dashboard.Tables;
using Bellwether.Services;
using Bellwether.Storage;

namespace Bellwether.Dashboard.Pillars;

/// <summary>
/// A pillar's leading signals as cards: value against its plan, standard or benchmark, status, the week's change and
/// the summary sentence, with the reps, clients or slices behind it in a table whose names lead to their pages.
/// </summary>
public sealed class PillarSignalCards(IStore store, SignalReader signals, TimeProvider clock, DashboardOptions options)
{
    public PillarSignalsView Read(Pillar pillar, CancellationToken cancellation = default)
    {
        var workspace = options.Workspace;
        var currency = store.Settings(workspace).Currency;
        var read = signals.Read(workspace, pillar);
        cancellation.ThrowIfCancellationRequested();
        return new PillarSignalsView
        {
            AsOf = ForecastService.Now(clock),
            Currency = currency,
            Cards = [.. read.Select(s => Card(s, currency))],
        };
    }

    public static SignalCard Card(Signal signal, string currency)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var against = signal.ReferenceText(currency) is { } reference
            ? $"{signal.ReferenceKind ?? "against"} {reference}"
            : signal.ReferenceKind is { } kind ? $"against {kind}" : null;
        return new SignalCard
        {
            Name = signal.Name,
            Title = signal.Title,
            Value = signal.ValueText(currency) ?? "—",
            Against = against,
            Status = signal.Status is { } status ? SnakeCase.Name(status) : null,
            Change = signal.ChangeSinceLastWeek is { } change ? Readable.Change(change, signal.Unit, currency) : null,
            Summary = signal.Summary,
            MissingReason = signal.MissingReason,
            Attention = signal.NeedsAttention.Count == 0 ? null : Attention(signal),
        };
    }

    private static TableData Attention(Signal signal)
    {
        var kinds = signal.NeedsAttention.Select(a => a.Kind).Distinct(StringComparer.Ordinal).ToList();
        var who = kinds.Count == 1 ? KindName(kinds[0]) : "Who";
        return new TableData
        {
            Id = $"attention-{signal.Name.Replace('_', '-')}",
            Caption = $"{signal.Title}: who needs attention",
            Columns = [new(who), new("Why")],
            Rows = [.. signal.NeedsAttention.Select(a => new TableRow(
            [
                Links.Of(a.Kind, a.Id) is { } href ? TableCell.Link(a.Name, href) : TableCell.Of(a.Name),
                TableCell.Of(a.Reason),
            ]))],
        };
    }

    private static string KindName(string kind) => kind switch
    {
        "rep" => "Rep",
        "account" => "Client",
        "deal" => "Deal",
        _ => MetricNames.Of(kind),
    };
}

/// <summary>A pillar's signals as its page shows them.</summary>
public sealed record PillarSignalsView
{
    public required DateTimeOffset AsOf { get; init; }

    public required string Currency { get; init; }

    public required IReadOnlyList<SignalCard> Cards { get; init; }
}

/// <summary>One signal in words: value, what it is judged against, status, the week's change, the summary, and who is behind it.</summary>
public sealed record SignalCard
{
    public required string Name { get; init; }

    public required string Title { get; init; }

    public required string Value { get; init; }

    /// <summary>"required $4.24M", "benchmark 28.1%", "against peers"; null when judged against nothing.</summary>
    public string? Against { get; init; }

    public string? Status { get; init; }

    /// <summary>The change since a week earlier, signed; null when there is none to give.</summary>
    public string? Change { get; init; }

    public required string Summary { get; init; }

    public string? MissingReason { get; init; }

    public TableData? Attention { get; init; }
}
