using Bellwether.Core.Leads;
using Bellwether.Core.Slicing;
using Bellwether.Core.Text;

namespace Bellwether.Core.Indicators.Engine;

/// <summary>Leads in columns, sorted by created_at, so "created in P" is a binary-searched range.</summary>
internal sealed class LeadTable
{
    /// <summary><see cref="Qualified"/> of a lead never qualified.</summary>
    public const long Never = long.MaxValue;

    public LeadTable(IReadOnlyList<Lead> leads, Codebook book, DealTable deals)
    {
        Count = leads.Count;
        var order = Enumerable.Range(0, Count).ToArray();
        var keys = leads.Select(l => l.CreatedAt.UtcTicks).ToArray();
        Array.Sort(keys, order);
        Created = keys;
        Qualified = new long[Count];
        Deal = new int[Count];
        Rep = new int[Count];
        Account = new int[Count];
        Source = new int[Count];
        var channel = new int[Count];
        for (var i = 0; i < Count; i++)
        {
            var lead = leads[order[i]];
            Qualified[i] = lead.QualifiedAt?.UtcTicks ?? Never;
            Deal[i] = lead.OpportunityId is { } id && deals.IndexOf.TryGetValue(id, out var d) ? d : -1;
            Rep[i] = book.Code(Dimension.Rep, lead.OwnerRepId);
            Account[i] = book.Code(Dimension.Account, lead.AccountId);
            Source[i] = book.Code(Dimension.Source, SnakeCase.Name(lead.Source));
            channel[i] = book.Code(Dimension.Channel, lead.Channel);
        }

        Codes = new CodeColumns(Count, "leads");
        Codes[Dimension.Source] = Source;
        Codes[Dimension.Channel] = channel;
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
