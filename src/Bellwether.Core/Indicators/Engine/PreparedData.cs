using Bellwether.Core.Data;
using Bellwether.Core.Indicators.Reps;
using Bellwether.Core.Slicing;
using Bellwether.Core.Time;

namespace Bellwether.Core.Indicators.Engine;

/// <summary>
/// The columnar, indexed form of a <see cref="Dataset"/> that every indicator reads: built once per Dataset, never
/// changed afterwards, so one instance serves any number of concurrent queries.
/// </summary>
internal sealed class PreparedData
{
    public PreparedData(Dataset data)
    {
        Data = data;
        Settings = data.Settings;
        Book = new Codebook();

        // Reps and accounts first, so that their codes are their positions in reps.csv and accounts.csv.
        foreach (var rep in data.Reps)
        {
            Book.Code(Dimension.Rep, rep.RepId);
        }

        foreach (var account in data.Accounts)
        {
            Book.Code(Dimension.Account, account.AccountId);
        }

        Stages = new StageBook(data.Stages);
        Deals = new DealTable(data, Book, Stages);
        Leads = new LeadTable(data.Leads, Book, Deals);
        Activities = new ActivityTable(data.ActivityDays, Book);
        Revenue = new RevenueTable(data.Revenue, Book);
        Expenses = new ExpenseTable(data.Expenses, Book);

        Quotas = [.. data.Quotas
            .Select(q => (Quota: q, Parsed: Calendar.TryParse(q.Period, out var period), Period: period))
            .Where(x => x.Parsed)
            .Select(x => new ParsedQuota(Book.Code(Dimension.Rep, x.Quota.RepId), x.Period, x.Quota.Amount, x.Quota.Metric))];

        // Every rep and account id is known now: their attribute tables can be built and attached.
        Reps = new RepTable(data.Reps, Book);
        Accounts = new AccountTable(data.Accounts, Book);
        Reps.Attach(Deals.Codes, Deals.Rep);
        Accounts.Attach(Deals.Codes, Deals.Account);
        Reps.Attach(Leads.Codes, Leads.Rep);
        Accounts.Attach(Leads.Codes, Leads.Account);
        Accounts.Attach(Revenue.Codes, Revenue.Account);
        Activities.Attach(Reps);
    }

    public Dataset Data { get; }

    public CompanySettings Settings { get; }

    public FiscalCalendar Calendar => Settings.Calendar;

    public Codebook Book { get; }

    public StageBook Stages { get; }

    public DealTable Deals { get; }

    public LeadTable Leads { get; }

    public ActivityTable Activities { get; }

    public RevenueTable Revenue { get; }

    public ExpenseTable Expenses { get; }

    public RepTable Reps { get; }

    /// <summary>quotas.csv with periods read (rows whose period does not parse are left out: import rejects them).</summary>
    public ParsedQuota[] Quotas { get; }

    public AccountTable Accounts { get; }

    public CodeColumns Columns(Source source) => source switch
    {
        Source.Deals => Deals.Codes,
        Source.Leads => Leads.Codes,
        Source.Activities => Activities.Keys,
        Source.Reps => Reps.Codes,
        Source.Revenue => Revenue.Codes,
        Source.Expenses => Expenses.Codes,
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
    };
}

/// <summary>The tables an indicator's rows come from; its slices are those its table's rows carry.</summary>
internal enum Source
{
    Deals,
    Leads,
    Activities,
    Reps,
    Revenue,
    Expenses,
}
