using Bellwether.Core.Data;

namespace Bellwether.Plans;

/// <summary>Slice values as people know them: a rep's or manager's name for their rep_id, an account's name for its id.</summary>
public static class SliceNames
{
    /// <summary>(dimension, value) → the name to print; values of other dimensions, and unknown ids, as they are.</summary>
    public static Func<string, string, string> Of(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var reps = data.Reps.GroupBy(r => r.RepId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        var accounts = data.Accounts.GroupBy(a => a.AccountId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        return (dimension, value) => dimension switch
        {
            "rep" or "manager" => reps.GetValueOrDefault(value, value),
            "account" => accounts.GetValueOrDefault(value, value),
            _ => value,
        };
    }
}
