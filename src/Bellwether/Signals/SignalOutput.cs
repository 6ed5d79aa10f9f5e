using System.Globalization;
using Bellwether.Cli;
using Bellwether.Core.Reporting;
using Bellwether.Core.Signals;
using Bellwether.Core.Text;
using Bellwether.Core.Time;
using Bellwether.Queries;

namespace Bellwether.Signals;

/// <summary>
/// Signals as a person reads them (a table of figures in the company's currency, then who needs attention), as JSON
/// (the API's shape) or as CSV: one line per signal, then one line per rep or account needing attention, which repeats
/// the signal's pillar and name and fills the <c>attention_*</c> columns (keep the lines whose attention_rank is empty
/// to get one line per signal).
/// </summary>
public static class SignalOutput
{
    private static readonly string[] CsvColumns =
    [
        "pillar", "signal", "title", "value", "unit", "reference", "reference_kind", "status", "change_since_last_week", "summary", "missing_reason",
        "attention_rank", "attention_kind", "attention_id", "attention_name", "attention_reason", "attention_score",
    ];

    public static void Write(CliContext context, OutputFormat format, IReadOnlyList<Signal> signals, SignalQuery request, string currency)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentNullException.ThrowIfNull(request);
        switch (format)
        {
            case OutputFormat.Json:
                context.Output.WriteLine(Json.Serialize(signals));
                break;
            case OutputFormat.Csv:
                Output.Csv(context.Output, Csv(signals));
                break;
            default:
                Table(context, signals, request, currency);
                break;
        }
    }

    /// <summary>
    /// For people: per pillar, a table of figures (value, what it is judged against, status, change in a week), the
    /// summaries beneath it as sentences, then who needs attention; every table at most 100 columns wide.
    /// </summary>
    private static void Table(CliContext context, IReadOnlyList<Signal> signals, SignalQuery request, string currency)
    {
        var first = true;
        foreach (var pillar in signals.GroupBy(s => s.Pillar))
        {
            if (!first)
            {
                context.Output.WriteLine();
            }

            first = false;
            var rows = pillar.Select(s => (IReadOnlyList<object?>)
            [
                s.Title,
                s.ValueText(currency) ?? "—",
                Against(s, currency),
                s.Status is { } status ? SnakeCase.Name(status).Replace('_', ' ') : "",
                s.ChangeSinceLastWeek is { } change ? Readable.Change(change, s.Unit, currency) : "",
            ]).ToList();
            Output.Table(context, new TableData(["signal", "value", "against", "status", "in a week"], rows)
            {
                Title = $"{SnakeCase.Name(pillar.Key).Replace('_', ' ')}: {request.Period.Label}, as of {Instants.Format(request.AsOf)}",
            });
            foreach (var s in pillar)
            {
                Output.Paragraph(context, s.MissingReason is { } reason ? $"{s.Title}: {reason}" : s.Summary);
            }

            var attention = pillar.SelectMany(s => s.NeedsAttention.Select(a => (IReadOnlyList<object?>)[s.Title, a.Name, a.Reason])).ToList();
            if (attention.Count > 0)
            {
                context.Output.WriteLine();
                Output.Table(context, new TableData(["signal", "who", "why"], attention) { Title = "who needs attention" });
            }
        }
    }

    /// <summary>What the value is judged against, in words: "plan 19.0%", "required $4,241,974", "peers".</summary>
    private static string Against(Signal s, string currency) => (s.ReferenceKind, s.Reference) switch
    {
        (null, _) => "",
        ({ } kind, null) => kind,
        ({ } kind, { }) => $"{kind} {s.ReferenceText(currency)}",
    };

    private static TableData Csv(IReadOnlyList<Signal> signals)
    {
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var s in signals)
        {
            object?[] line =
            [
                SnakeCase.Name(s.Pillar), s.Name, s.Title, s.Value, SnakeCase.Name(s.Unit), s.Reference, s.ReferenceKind,
                s.Status is { } status ? SnakeCase.Name(status) : null, s.ChangeSinceLastWeek, s.Summary, s.MissingReason,
                null, null, null, null, null, null,
            ];
            rows.Add(line);
            rows.AddRange(s.NeedsAttention.Select((a, i) => (IReadOnlyList<object?>)
            [
                SnakeCase.Name(s.Pillar), s.Name, null, null, null, null, null, null, null, null, null,
                (i + 1).ToString(CultureInfo.InvariantCulture), a.Kind, a.Id, a.Name, a.Reason, a.Score,
            ]));
        }

        return new TableData(CsvColumns, rows);
    }
}
