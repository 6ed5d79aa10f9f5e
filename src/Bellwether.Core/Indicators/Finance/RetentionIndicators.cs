using Bellwether.Core.Indicators.Engine;

namespace Bellwether.Core.Indicators.Finance;

/// <summary>
/// The revenue ledger's retention figures, comparing P with the previous period P' of equal grain. The cohort is the
/// accounts with revenue &gt; 0 in P'; services_per_client looks at P alone.
/// </summary>
internal sealed class RetentionIndicators : IndicatorFamily
{
    public override IReadOnlyList<string> Names { get; } = ["grr", "nrr", "logo_churn", "expansion_revenue", "services_per_client"];

    public override Source SourceOf(string name) => Source.Revenue;

    public override Timing TimingOf(string name) => Timing.Forward;

    public override Outcome[] Compute(string name, Scope s)
    {
        var months = FinanceMonths.Of(s).Recorded(FinanceMonths.RecordedEnd(s.Data.Revenue.Month), "revenue", s.Period);
        if (months.Missing is { } none)
        {
            return s.Each(_ => Outcome.Lacking(none));
        }

        var outcomes = name == "services_per_client" ? ServicesPerClient(s, months) : Cohort(s, months, name);
        return months.Provisional is { } open ? [.. outcomes.Select(o => o.WithProvisional(open))] : outcomes;
    }

    private static Outcome[] Cohort(Scope s, FinanceMonths months, string name)
    {
        var previous = s.Calendar.Previous(s.Period);
        var figures = s.Memo($"retention:{s.Period.Label}:{months.To}", () =>
        {
            var table = s.Data.Revenue;
            var of = s.Space.Map(Source.Revenue).Of;
            var accounts = (long)s.Data.Accounts.Count;
            var byAccount = new GroupedSums(s.Groups * accounts);
            void Add(int from, int to, bool now)
            {
                for (var i = Sorted.LowerBound(table.Month, from); i < Sorted.LowerBound(table.Month, to); i++)
                {
                    if (of[i] >= 0)
                    {
                        byAccount.Add((of[i] * accounts) + table.Account[i], now, table.Revenue[i]);
                    }
                }
            }

            Add(months.From, months.To, now: true);
            Add(previous.Start.DayNumber, previous.End.DayNumber, now: false);
            var result = new RetentionSums[s.Groups];
            for (var g = 0; g < result.Length; g++)
            {
                result[g] = new RetentionSums();
            }

            foreach (var (key, sums) in byAccount.All())
            {
                if (sums.Before <= 0)
                {
                    continue;
                }

                var r = result[key / accounts];
                r.Cohort++;
                r.Before += sums.Before;
                r.Now += sums.Now;
                r.Kept += Math.Min(sums.Now, sums.Before);
                r.Expansion += Math.Max(0, sums.Now - sums.Before);
                r.Churned += sums.Now <= 0 ? 1 : 0;
            }

            return result;
        });

        var noCohort = $"no account had revenue in {previous.Label}";
        return s.Each(g =>
        {
            var r = figures[g];
            return name switch
            {
                "grr" => Outcome.Ratio(r.Kept, r.Before, noCohort),
                "nrr" => Outcome.Ratio(r.Now, r.Before, noCohort),
                "logo_churn" => Outcome.Ratio(r.Churned, r.Cohort, noCohort),
                "expansion_revenue" => r.Cohort == 0 ? Outcome.Lacking(noCohort) : Outcome.Of(r.Expansion),
                _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
            };
        });
    }

    private sealed class RetentionSums
    {
        public int Cohort { get; set; }

        public int Churned { get; set; }

        public decimal Before { get; set; }

        public decimal Now { get; set; }

        public decimal Kept { get; set; }

        public decimal Expansion { get; set; }
    }

    /// <summary>Per group, the mean count of service lines with revenue &gt; 0 in P over accounts with revenue &gt; 0 in P.</summary>
    private static Outcome[] ServicesPerClient(Scope s, FinanceMonths months) => s.Memo($"services:{s.Period.Label}:{months.To}", () =>
    {
        var table = s.Data.Revenue;
        var of = s.Space.Map(Source.Revenue).Of;
        var accounts = (long)s.Data.Accounts.Count;
        var lines = (long)s.Data.Book.Cardinality(Slicing.Dimension.ServiceLine);
        // An (account, service line) pair always falls in one group (groups follow from account and line), so sum per
        // pair, then count per group.
        var revenue = new GroupedSums(accounts * lines);
        var groupOf = new Dictionary<long, int>();
        for (var i = Sorted.LowerBound(table.Month, months.From); i < Sorted.LowerBound(table.Month, months.To); i++)
        {
            if (of[i] >= 0)
            {
                var key = (table.Account[i] * lines) + table.ServiceLine[i];
                revenue.Add(key, now: true, table.Revenue[i]);
                groupOf[key] = of[i];
            }
        }

        var lastAccount = new long[s.Groups];
        Array.Fill(lastAccount, -1);
        var clients = new int[s.Groups];
        var services = new int[s.Groups];
        foreach (var (key, sums) in revenue.All())
        {
            if (sums.Now <= 0)
            {
                continue;
            }

            // Keys come in ascending order, so an account's lines are consecutive.
            var account = key / lines;
            var g = groupOf[key];
            services[g]++;
            if (lastAccount[g] != account)
            {
                lastAccount[g] = account;
                clients[g]++;
            }
        }

        return s.Each(g => Outcome.Ratio(services[g], clients[g], $"no account had revenue in {s.Period.Label}"));
    });
}
