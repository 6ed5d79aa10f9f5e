using Bellwether.Core.Data;
using Bellwether.Core.Pipeline;
using Bellwether.Core.Time;

namespace Bellwether.Core.Clients;

/// <summary>
/// The new-business and expansion deals of each account as they stood at an instant, for the second-line model: each
/// deal's service line, the day it was created and, if it closed before the instant, the day it closed and whether it
/// was won. A deal that closed at or after the instant is open at it, whatever became of it later. Renewals are left
/// out: they renew a line the client has. Kept account by account in flat arrays.
/// </summary>
internal sealed class ClientDeals
{
    private const int Open = int.MaxValue;

    private readonly int[] _offset;
    private readonly int[] _count;
    private readonly int[] _bit;
    private readonly int[] _created;
    private readonly int[] _closed;
    private readonly bool[] _won;

    public ClientDeals(Dataset data, DateTimeOffset asOf, IReadOnlyDictionary<string, int> accountIndex, IReadOnlyDictionary<string, int> lineBit)
    {
        ArgumentNullException.ThrowIfNull(data);
        var known = data.Opportunities
            .Where(o => o.Type != OpportunityType.Renewal && o.CreatedAt < asOf && accountIndex.ContainsKey(o.AccountId) && lineBit.ContainsKey(o.ServiceLine))
            .Select(o => (Account: accountIndex[o.AccountId], Deal: o))
            .OrderBy(x => x.Account)
            .ToList();
        var accounts = data.Accounts.Count;
        _offset = new int[accounts];
        _count = new int[accounts];
        _bit = new int[known.Count];
        _created = new int[known.Count];
        _closed = new int[known.Count];
        _won = new bool[known.Count];
        for (var i = 0; i < known.Count; i++)
        {
            var (a, deal) = known[i];
            if (_count[a]++ == 0)
            {
                _offset[a] = i;
            }

            var closedBefore = deal.ClosedAt is { } closed && closed < asOf;
            _bit[i] = lineBit[deal.ServiceLine];
            _created[i] = Instants.DayOf(deal.CreatedAt).DayNumber;
            _closed[i] = closedBefore ? Instants.DayOf(deal.ClosedAt!.Value).DayNumber : Open;
            _won[i] = closedBefore && deal.Status == OpportunityStatus.Won;
        }
    }

    /// <summary>The lines with a deal of the account open on <paramref name="day"/> (created before it, not closed before it).</summary>
    public ulong OpenOn(int account, int day)
    {
        var lines = 0UL;
        for (var i = _offset[account]; i < _offset[account] + _count[account]; i++)
        {
            if (_created[i] < day && _closed[i] >= day)
            {
                lines |= 1UL << _bit[i];
            }
        }

        return lines;
    }

    /// <summary>The lines of the account's deals won in the days [from, to).</summary>
    public ulong WonBetween(int account, int from, int to)
    {
        var lines = 0UL;
        for (var i = _offset[account]; i < _offset[account] + _count[account]; i++)
        {
            if (_won[i] && _closed[i] >= from && _closed[i] < to)
            {
                lines |= 1UL << _bit[i];
            }
        }

        return lines;
    }
}
