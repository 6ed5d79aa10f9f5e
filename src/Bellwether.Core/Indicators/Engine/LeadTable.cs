using Bellwether.Core.Leads;
using Bellwether.Core.Slicing;

namespace Bellwether.Core.Indicators.Engine;

/// <summary>Leads in columns, sorted by created_at, so "created in P" is a binary-searched range.</summary>
internal sealed class LeadTable
{
    /// <summary><see cref="Qualified"/> of a lead never qualified.</summary>
    public const long Never = long.MaxValue;

    public LeadTable(IReadOnlyList<Lead> leads, Codebook book, DealTable deals)
    {
        Count = leads.Count;
        var created = new long[Count];
        var qualified = new long[Count];
        var deal = new int[Count];
        var rep = new int[Count];
        var account = new int[Count];
        var source = new int[Count];
        var channel = new int[Count];
        for (var i = 0; i < Count; i++)
        {
            var lead = leads[i];
            created[i] = lead.CreatedAt.UtcTicks;
            qualified[i] = lead.QualifiedAt?.UtcTicks ?? Never;
            deal[i] = lead.OpportunityId is { } id && deals.IndexOf.TryGetValue(id, out var d) ? d : -1;
            rep[i] = book.Code(Dimension.Rep, lead.OwnerRepId);
            account[i] = book.Code(Dimension.Account, lead.AccountId);
            source[i] = (int)lead.Source;
            channel[i] = book.Code(Dimension.Channel, lead.Channel);
        }

        var order = Order.By(created);
        Created = created;
        Qualified = Order.Gather(qualified, order);
        Deal = Order.Gather(deal, order);
        Rep = Order.Gather(rep, order);
        Account = Order.Gather(account, order);
        Source = Order.Gather(source, order);
        Codes = new CodeColumns(Count, "leads");
        Codes[Dimension.Source] = Source;
        Codes[Dimension.Channel] = Order.Gather(channel, order);
    }

    public int Count { get; }

    /// <summary>created_at ticks, ascending.</summary>
    public long[] Created { get; }

    public long[] Qualified { get; }

    /// <summary>The row of the deal the lead turned into, or −1.</summary>
    public int[] Deal { get; }

    public int[] Rep { get; }

    public int[] Account { get; }

    /// <summary>Source code: the <see cref="LeadSource"/> value.</summary>
    public int[] Source { get; }

    public CodeColumns Codes { get; }
}
