using Bellwether.Core.Accounts;
using Bellwether.Core.Data;
using Bellwether.Core.Pipeline;
using Bellwether.Core.Reps;
using Bellwether.Core.Slicing;
using Bellwether.Core.Text;

namespace Bellwether.Core.Variance;

/// <summary>
/// The value a deal or an account takes in each dimension, as the indicators engine slices them (a missing attribute
/// is <c>unknown</c>), and the name a person reads for it: rep and account ids become names.
/// </summary>
public sealed class Attributes
{
    public const string Unknown = "unknown";

    private readonly Dictionary<string, Account> _accounts;
    private readonly Dictionary<string, Rep> _reps;
    private readonly Dictionary<string, string?> _channels;

    public Attributes(Dataset data)
    {
        _accounts = data.Accounts.GroupBy(a => a.AccountId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        _reps = data.Reps.GroupBy(r => r.RepId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        _channels = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var lead in data.Leads)
        {
            if (lead.OpportunityId is { } id)
            {
                _channels[id] = lead.Channel;
            }
        }
    }

    /// <summary>Whether deals carry the dimension (every dimension but activity_type).</summary>
    public static bool DealsHave(Dimension dimension) => dimension != Dimension.ActivityType;

    /// <summary>Whether the revenue ledger carries the dimension: the account's own attributes and the service line.</summary>
    public static bool RevenueHas(Dimension dimension) =>
        dimension is Dimension.Account or Dimension.Vertical or Dimension.AccountRegion or Dimension.ServiceLine;

    public string OfDeal(Opportunity deal, Dimension dimension) => Known(dimension switch
    {
        Dimension.Rep => deal.OwnerRepId,
        Dimension.Team => _reps.GetValueOrDefault(deal.OwnerRepId)?.Team,
        Dimension.Manager => _reps.GetValueOrDefault(deal.OwnerRepId)?.ManagerId,
        Dimension.RepRegion => _reps.GetValueOrDefault(deal.OwnerRepId)?.Region,
        Dimension.ServiceLine => deal.ServiceLine,
        Dimension.Type => SnakeCase.Name(deal.Type),
        Dimension.Source => deal.Source is { } source ? SnakeCase.Name(source) : null,
        Dimension.Channel => _channels.GetValueOrDefault(deal.OpportunityId),
        _ => OfAccount(deal.AccountId, dimension),
    });

    /// <summary>An account's value in one of its own dimensions (account, vertical, account_region).</summary>
    public string OfAccount(string accountId, Dimension dimension) => Known(dimension switch
    {
        Dimension.Account => accountId,
        Dimension.Vertical => _accounts.GetValueOrDefault(accountId)?.Vertical,
        Dimension.AccountRegion => _accounts.GetValueOrDefault(accountId)?.Region,
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "not an account's dimension"),
    });

    /// <summary>Whether a deal lies in the slice (every dimension of the filter takes the given value).</summary>
    public bool DealIn(Opportunity deal, IReadOnlyDictionary<Dimension, string> filter)
    {
        foreach (var (dimension, value) in filter)
        {
            if (!string.Equals(OfDeal(deal, dimension), value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The account's name, or its id when accounts.csv does not name it.</summary>
    public string AccountName(string accountId) => _accounts.GetValueOrDefault(accountId)?.Name ?? accountId;

    /// <summary>What a person reads for a value: a rep's or manager's name, an account's name, or the value itself ("unknown source" for a missing one).</summary>
    public string Label(Dimension dimension, string value) => value == Unknown ? $"unknown {SnakeCase.Name(dimension).Replace('_', ' ')}" : dimension switch
    {
        Dimension.Rep or Dimension.Manager => _reps.GetValueOrDefault(value)?.Name ?? value,
        Dimension.Account => AccountName(value),
        _ => value,
    };

    private static string Known(string? value) => string.IsNullOrWhiteSpace(value) ? Unknown : value;
}
