using System.Runtime.CompilerServices;
using Bellwether.Core.Data;
using Bellwether.Core.Slicing;

namespace Bellwether.Core.Reporting;

/// <summary>
/// The names people know reps and accounts by, for every report: ids stay the keys in JSON and CSV, names are what a
/// table, a summary or a digest shows. An id without a name (an account made from the ids other files name) shows as
/// itself.
/// </summary>
public sealed class NameBook
{
    private readonly Dictionary<string, string> _reps;
    private readonly Dictionary<string, string> _accounts;

    private NameBook(Dictionary<string, string> reps, Dictionary<string, string> accounts)
    {
        _reps = reps;
        _accounts = accounts;
    }

    /// <summary>A book that knows no names: every id shows as itself.</summary>
    public static NameBook Empty { get; } = new([], []);

    public static NameBook Of(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Books.GetValue(data, Read);
    }

    /// <summary>
    /// One book per dataset, for as long as the dataset lives: a host's pages ask for the names of the same company
    /// with every panel they draw, and reading tens of thousands of accounts each time is most of a warm panel's work.
    /// A dataset never changes (a new version of the company is a new dataset), so its book never goes stale.
    /// </summary>
    private static readonly ConditionalWeakTable<Dataset, NameBook> Books = [];

    private static NameBook Read(Dataset data)
    {
        var reps = new Dictionary<string, string>(data.Reps.Count, StringComparer.Ordinal);
        foreach (var rep in data.Reps)
        {
            reps[rep.RepId] = rep.Name;
        }

        var accounts = new Dictionary<string, string>(data.Accounts.Count, StringComparer.Ordinal);
        foreach (var account in data.Accounts)
        {
            accounts[account.AccountId] = account.Name;
        }

        return new NameBook(reps, accounts);
    }

    public string Rep(string repId) => _reps.GetValueOrDefault(repId, repId);

    public string Account(string accountId) => _accounts.GetValueOrDefault(accountId, accountId);

    /// <summary>A slice's value as a person reads it: reps, managers and accounts by name, everything else as written.</summary>
    public string SliceValue(Dimension dimension, string value) => dimension switch
    {
        Dimension.Rep or Dimension.Manager => Rep(value),
        Dimension.Account => Account(value),
        _ => value,
    };

    /// <summary>A slice value by its dimension's snake_case name, as rows carry slices.</summary>
    public string SliceValue(string dimension, string value) =>
        Text.SnakeCase.TryParse<Dimension>(dimension, out var known) ? SliceValue(known, value) : value;
}
