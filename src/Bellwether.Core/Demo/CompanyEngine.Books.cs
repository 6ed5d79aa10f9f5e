namespace Bellwether.Core.Demo;

/// <summary>Closing a month's books: recognised revenue per client and service line, retention sums, expenses.</summary>
internal sealed partial class CompanyEngine
{
    /// <summary>
    /// The month's books: each client's recognised revenue per service line (with cogs), grr and expansion against last
    /// month, expenses; then ended contracts are dropped, health drifts, and clients long without work are gone.
    /// </summary>
    private void CloseMonth(int month)
    {
        ref var rng = ref _s.Random;
        var day = MonthStart(month);
        ref var ledger = ref LedgerFor(day);
        var thisMonth = new Dictionary<int, decimal>();
        Span<decimal> revenue = stackalloc decimal[CompanyModel.ServiceLines.Count];
        Span<decimal> cogs = stackalloc decimal[CompanyModel.ServiceLines.Count];
        var gone = new List<int>();
        foreach (var id in _s.Clients)
        {
            var account = _s.Accounts[id];
            revenue.Clear();
            cogs.Clear();
            foreach (var contract in account.Contracts)
            {
                var amount = Recognise(contract, month, ref rng);
                if (amount > 0)
                {
                    revenue[contract.ServiceLine] += amount;
                    cogs[contract.ServiceLine] += decimal.Round(amount * (decimal)(contract.CogsRatio * rng.LogNormal(0, 0.05)), 2);
                }
            }

            var total = 0m;
            for (var line = 0; line < revenue.Length; line++)
            {
                if (revenue[line] > 0)
                {
                    _out?.Revenue(id, month, line, revenue[line], cogs[line]);
                    total += revenue[line];
                    ledger.Cogs += cogs[line];
                }
            }

            if (total > 0)
            {
                thisMonth[id] = total;
                account.LastRevenueMonth = month;
            }

            account.Contracts.RemoveAll(c => c.EndMonth <= month + 1 && c.RenewalOppId == 0 && (c.Ending || !c.Recurring || c.Value == 0));
            account.Health = Math.Clamp(account.Health + (0.15 * (0.7 - account.Health)) + (0.06 * rng.Normal()), 0.02, 1.0);
            if (account.Contracts.Count == 0 && account.OpenItems == 0 && month - account.LastRevenueMonth >= DormantMonths)
            {
                gone.Add(id);
            }
        }

        ledger.Revenue = thisMonth.Values.Sum();
        foreach (var (id, last) in _s.LastMonthRevenue)
        {
            var now = thisMonth.GetValueOrDefault(id);
            ledger.RetentionBase += last;
            ledger.RetainedRevenue += Math.Min(now, last);
            ledger.ExpansionRevenue += Math.Max(0, now - last);
        }

        _s.LastMonthRevenue.Clear();
        foreach (var (id, total) in thisMonth)
        {
            _s.LastMonthRevenue[id] = total;
        }

        foreach (var id in gone)
        {
            var account = _s.Accounts[id];
            Rep(account.OwnerRepId).ClientCount--;
            account.IsClient = false;
            _out?.Account(account);
            _s.Accounts.Remove(id);
        }

        if (gone.Count > 0)
        {
            _s.Clients.RemoveAll(id => !_s.Accounts.ContainsKey(id));
        }

        Expenses(month, ref ledger);
        ledger.Closed = true;
    }

    /// <summary>What a contract recognises in the month; a recurring one varies a little with the work done.</summary>
    private static decimal Recognise(Contract contract, int month, ref Rng rng)
    {
        if (month < contract.FirstMonth)
        {
            return 0;
        }

        if (!contract.Recurring)
        {
            if (month >= contract.EndMonth || contract.Value <= 0)
            {
                return 0;
            }

            var share = decimal.Round(contract.Value / (contract.EndMonth - month), 2);
            contract.Value -= share;
            return share;
        }

        var holdover = month >= contract.EndMonth && contract.RenewalOppId != 0;
        if (month >= contract.EndMonth && !holdover)
        {
            return 0;
        }

        return decimal.Round(contract.Value / 12m * (decimal)(1 + (0.02 * rng.Normal())), 2);
    }
}
