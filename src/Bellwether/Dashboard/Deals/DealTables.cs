using Bellwether.Core.Pipeline;
using Bellwether.Core.Reporting;
using Bellwether.Core.Text;
using Bellwether.Core.Time;
using Bellwether.Dashboard.Tables;

namespace Bellwether.Dashboard.Deals;

/// <summary>
/// Deals as a table: the client and the rep by name (each leading to their page), service line, type, stage or
/// outcome, amount, and the dates that say where it stands — for open deals the expected close and the days open so
/// far, for closed ones the close and the days it took.
/// </summary>
public static class DealTables
{
    /// <param name="id">The table's id on its page.</param>
    /// <param name="caption">What the deals are.</param>
    /// <param name="deals">The deals, in the order to show.</param>
    /// <param name="names">Reps' and clients' names.</param>
    /// <param name="currency">The company's currency.</param>
    /// <param name="asOf">Now, for how long an open deal has been open.</param>
    /// <param name="showRep">Whether to show the rep (not on a rep's own page).</param>
    /// <param name="showClient">Whether to show the client (not on a client's own page).</param>
    public static TableData Of(string id, string caption, IEnumerable<Opportunity> deals, NameBook names, string currency, DateTimeOffset asOf,
        bool showRep = true, bool showClient = true)
    {
        ArgumentNullException.ThrowIfNull(names);
        var columns = new List<TableColumn> { new("Deal") };
        if (showClient)
        {
            columns.Add(new("Client"));
        }

        if (showRep)
        {
            columns.Add(new("Rep"));
        }

        columns.AddRange([new("Service line"), new("Type"), new("Stage"), new("Amount", true), new("Created"), new("Closes"), new("Days", true)]);
        return new TableData
        {
            Id = id,
            Caption = caption,
            Columns = columns,
            Rows = [.. deals.Select(d => Row(d, names, currency, asOf, showRep, showClient))],
            EmptyText = "No deals.",
        };
    }

    private static TableRow Row(Opportunity d, NameBook names, string currency, DateTimeOffset asOf, bool showRep, bool showClient)
    {
        var cells = new List<TableCell> { TableCell.Of(d.OpportunityId) };
        if (showClient)
        {
            cells.Add(TableCell.Link(names.Account(d.AccountId), Links.Account(d.AccountId)));
        }

        if (showRep)
        {
            cells.Add(TableCell.Link(names.Rep(d.OwnerRepId), Links.Rep(d.OwnerRepId)));
        }

        var open = d.Status == OpportunityStatus.Open;
        var closes = open ? d.ExpectedCloseDate : d.ClosedAt is { } closed ? Instants.DayOf(closed) : null;
        var days = (decimal)Math.Floor(((open ? asOf : d.ClosedAt ?? asOf) - d.CreatedAt).TotalDays);
        cells.AddRange(
        [
            TableCell.Of(d.ServiceLine),
            TableCell.Of(SnakeCase.Name(d.Type).Replace('_', ' ')),
            TableCell.Of(open ? d.Stage : $"{SnakeCase.Name(d.Status)} ({d.Stage})").WithTitle(d.LostReason),
            TableCell.Value(d.Amount, Unit.Money, currency),
            TableCell.Date(Instants.DayOf(d.CreatedAt)),
            TableCell.Date(closes).WithTitle(open ? "expected close" : "closed"),
            TableCell.Count(days).WithTitle(open ? "days open so far" : "days from creation to close"),
        ]);
        return new TableRow(cells);
    }
}
