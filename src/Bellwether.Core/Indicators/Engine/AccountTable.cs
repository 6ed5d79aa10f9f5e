using Bellwether.Core.Accounts;
using Bellwether.Core.Slicing;

namespace Bellwether.Core.Indicators.Engine;

/// <summary>Accounts by their account code: the vertical and region every by-account slice reads.</summary>
internal sealed class AccountTable
{
    public AccountTable(IReadOnlyList<Account> listed, Codebook book)
    {
        var count = book.Cardinality(Dimension.Account);
        Vertical = new int[count];
        Region = new int[count];
        for (var code = 0; code < count; code++)
        {
            var account = code < listed.Count ? listed[code] : null;
            Vertical[code] = book.Code(Dimension.Vertical, account?.Vertical ?? Account.UnknownVertical);
            Region[code] = book.Code(Dimension.AccountRegion, account?.Region);
        }
    }

    public int[] Vertical { get; }

    public int[] Region { get; }

    public int Count => Vertical.Length;

    public void Attach(CodeColumns codes, int[] accountOfRow)
    {
        codes[Dimension.Account] = accountOfRow;
        codes[Dimension.Vertical] = CodeColumns.Through(accountOfRow, Vertical);
        codes[Dimension.AccountRegion] = CodeColumns.Through(accountOfRow, Region);
    }
}
