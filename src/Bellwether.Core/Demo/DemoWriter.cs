using Bellwether.Core.Accounts;
using Bellwether.Core.Activities;
using Bellwether.Core.Finance;
using Bellwether.Core.Import;
using Bellwether.Core.Pipeline;
using Bellwether.Core.Plans;
using Bellwether.Core.Reps;
using Bellwether.Core.Text;

namespace Bellwether.Core.Demo;

/// <summary>
/// Writes the simulated company as the folder format: one writer per file, each opened through the caller's factory
/// with the header of its <see cref="FileSchema"/>, every column in schema order. Rows are written as the simulation
/// produces them and never held.
/// </summary>
internal sealed class DemoWriter : IDisposable
{
    public const string RepPrefix = "R";
    public const string AccountPrefix = "AC";
    public const string LeadPrefix = "L";
    public const string OppPrefix = "OP";
    public const string ActivityPrefix = "AV";

    private readonly Dictionary<FileSchema, Slot> _files = new(ReferenceEqualityComparer.Instance);
    /// <summary>The stream that decides which won deals' contracts the export carries: never the company's course.</summary>
    private const ulong ContractExportStream = 203;

    private readonly ulong _seed;
    private readonly RenewalPractice _renewals;

    public DemoWriter(Func<string, TextWriter> open, ulong seed, RenewalPractice? renewals = null)
    {
        _seed = seed;
        _renewals = renewals ?? RenewalPractice.Standard;
        foreach (var schema in FileSchemas.All)
        {
            var writer = open(schema.FileName);
            writer.Write(string.Join(',', schema.Columns.Select(c => c.Name)));
            writer.Write('\n');
            _files[schema] = new Slot(writer);
        }
    }

    /// <summary>Rows written per file name.</summary>
    public IReadOnlyDictionary<string, long> Rows() => _files.ToDictionary(kv => kv.Key.FileName, kv => kv.Value.Rows, StringComparer.Ordinal);

    public void Rep(RepState rep, string? team)
    {
        var (first, last) = Names.Person(_seed, rep.Id);
        var line = Line(FileSchemas.Reps)
            .Id(RepPrefix, rep.Id, 4)
            .Text($"{first} {last}")
            .Text(Names.Email(first, last, rep.Id))
            .Text(team);
        OptionalId(line, RepPrefix, rep.ManagerId ?? 0, 4);
        line.Text(SnakeCase.Name(rep.Role)).Text(CompanyModel.Regions[rep.Region]).Date(rep.Start);
        if (rep.End is { } end)
        {
            line.Date(end);
        }
        else
        {
            line.Empty();
        }

        End(FileSchemas.Reps);
    }

    public void Account(AccountState account)
    {
        Line(FileSchemas.Accounts)
            .Id(AccountPrefix, account.Id, 6)
            .Text(Names.Company(_seed, account.Id))
            .Text(CompanyModel.Verticals[account.Vertical].Name)
            .Text(CompanyModel.Regions[account.Region])
            .Number(account.Employees)
            .Decimal(account.AnnualRevenue)
            .Id(RepPrefix, account.OwnerRepId, 4)
            .Instant(account.CreatedTicks);
        End(FileSchemas.Accounts);
    }

    public void Stage(string name, int order, decimal probability)
    {
        Line(FileSchemas.Stages).Text(name).Number(order).Decimal(probability);
        End(FileSchemas.Stages);
    }

    /// <summary>
    /// A deal as it stands: <paramref name="stage"/> is 1..5 while open, 6 won, 7 lost. <paramref name="contract"/> is the
    /// recurring contract a won deal started or renewed, whose current term the export may carry.
    /// </summary>
    public void Opportunity(OppState opp, int stage, long? closedTicks, string? lostReason, Contract? contract)
    {
        var line = Line(FileSchemas.Opportunities)
            .Id(OppPrefix, opp.Id, 7)
            .Id(AccountPrefix, opp.AccountId, 6)
            .Id(RepPrefix, opp.OwnerRepId, 4)
            .Text(CompanyModel.ServiceLines[opp.ServiceLine].Name)
            .Text(SnakeCase.Name(opp.Type))
            .Text(opp.Source is { } source ? SnakeCase.Name(source) : null)
            .Decimal(opp.Amount)
            .Instant(opp.CreatedTicks)
            .Date(opp.ExpectedClose)
            .Text(CompanyModel.Stages[stage - 1].Name)
            .Text(StatusWord(stage));
        if (closedTicks is { } closed)
        {
            line.Instant(closed);
        }
        else
        {
            line.Empty();
        }

        line.Text(lostReason).Decimal(CompanyModel.Stages[stage - 1].Probability).Text(SnakeCase.Name(Category(stage)));
        ContractColumns(line, opp, contract);
        End(FileSchemas.Opportunities);
    }

    /// <summary>
    /// contract_start, contract_end and term_months as the practice exports them: the term runs from the first day of its
    /// first month to the day before its end month (a renewal's, the term it added). As term_months alone, the import
    /// counts the term from the day the deal closed, some days to a month before the work starts, as a CRM would.
    /// </summary>
    private void ContractColumns(CsvLine line, OppState opp, Contract? contract)
    {
        if (contract is null || _renewals.Export == ContractExport.None
            || (_renewals.ExportedShare < 1 && !Rng.For(_seed, ContractExportStream, opp.Id).Chance(_renewals.ExportedShare)))
        {
            line.Empty().Empty().Empty();
            return;
        }

        if (_renewals.Export == ContractExport.Dates)
        {
            line.Date(CompanyEngine.MonthStart(contract.EndMonth - contract.TermMonths)).Date(CompanyEngine.MonthStart(contract.EndMonth).AddDays(-1)).Empty();
        }
        else
        {
            line.Empty().Empty().Number(contract.TermMonths);
        }
    }

    public void History(OppState opp, long changedTicks, int stage)
    {
        Line(FileSchemas.OpportunityHistory)
            .Id(OppPrefix, opp.Id, 7)
            .Instant(changedTicks)
            .Text(CompanyModel.Stages[stage - 1].Name)
            .Text(StatusWord(stage))
            .Decimal(opp.Amount)
            .Date(opp.ExpectedClose)
            .Text(SnakeCase.Name(Category(stage)));
        End(FileSchemas.OpportunityHistory);
    }

    public void Lead(LeadState lead, long? qualifiedTicks, long? disqualifiedTicks, long? oppId)
    {
        var channels = lead.Source == Leads.LeadSource.Inbound ? CompanyModel.InboundChannels : CompanyModel.OutboundChannels;
        var line = Line(FileSchemas.Leads)
            .Id(LeadPrefix, lead.Id, 7)
            .Instant(lead.CreatedTicks)
            .Text(SnakeCase.Name(lead.Source))
            .Text(channels[lead.Channel].Name)
            .Id(RepPrefix, lead.OwnerRepId, 4)
            .Id(AccountPrefix, lead.AccountId, 6);
        OptionalInstant(line, qualifiedTicks);
        OptionalInstant(line, disqualifiedTicks);
        if (oppId is { } opp)
        {
            line.Id(OppPrefix, opp, 7);
        }
        else
        {
            line.Empty();
        }

        End(FileSchemas.Leads);
    }

    public void Activity(long id, int repId, ActivityType type, long ticks, int accountId, long oppId, long leadId, string outcome, int durationMinutes)
    {
        var line = Line(FileSchemas.Activities)
            .Id(ActivityPrefix, id, 9)
            .Id(RepPrefix, repId, 4)
            .Text(SnakeCase.Name(type))
            .Instant(ticks);
        OptionalId(line, AccountPrefix, accountId, 6);
        OptionalId(line, OppPrefix, oppId, 7);
        OptionalId(line, LeadPrefix, leadId, 7);
        line.Text(outcome);
        if (durationMinutes > 0)
        {
            line.Number(durationMinutes);
        }
        else
        {
            line.Empty();
        }

        End(FileSchemas.Activities);
    }

    public void Quota(int repId, string period, decimal amount, QuotaMetric metric)
    {
        Line(FileSchemas.Quotas).Id(RepPrefix, repId, 4).Text(period).Decimal(amount).Text(SnakeCase.Name(metric));
        End(FileSchemas.Quotas);
    }

    public void Revenue(int accountId, int month, int serviceLine, decimal revenue, decimal cogs)
    {
        Line(FileSchemas.Revenue)
            .Id(AccountPrefix, accountId, 6)
            .Month(month)
            .Text(CompanyModel.ServiceLines[serviceLine].Name)
            .Decimal(revenue)
            .Decimal(cogs);
        End(FileSchemas.Revenue);
    }

    public void Expense(int month, ExpenseCategory category, decimal amount, string? team)
    {
        Line(FileSchemas.Expenses).Month(month).Text(SnakeCase.Name(category)).Decimal(amount).Text(team);
        End(FileSchemas.Expenses);
    }

    public void Engagement(int accountId, long ticks, EngagementKind kind, decimal? value)
    {
        // No event_id: the demo's engagement system has none, so identical rows are told apart by occurrence.
        var line = Line(FileSchemas.Engagement).Empty().Id(AccountPrefix, accountId, 6).Instant(ticks).Text(SnakeCase.Name(kind));
        if (value is { } v)
        {
            line.Decimal(v);
        }
        else
        {
            line.Empty();
        }

        End(FileSchemas.Engagement);
    }

    public void Plan(Pillar pillar, string metric, string period, decimal target, string owner, string? slice)
    {
        Line(FileSchemas.Plans).Text(SnakeCase.Name(pillar)).Text(metric).Text(period).Decimal(target).Text(owner).Text(slice);
        End(FileSchemas.Plans);
    }

    public void Standard(RepRole role, ActivityType type, StandardPer per, decimal minimum)
    {
        Line(FileSchemas.Standards).Text(SnakeCase.Name(role)).Text(SnakeCase.Name(type)).Text(SnakeCase.Name(per)).Decimal(minimum);
        End(FileSchemas.Standards);
    }

    public void Dispose()
    {
        foreach (var slot in _files.Values)
        {
            slot.Writer.Flush();
            slot.Writer.Dispose();
        }

        _files.Clear();
    }

    private static string StatusWord(int stage) => stage switch
    {
        CompanyModel.WonStage => "won",
        CompanyModel.LostStage => "lost",
        _ => "open",
    };

    private static ForecastCategory Category(int stage) => stage switch
    {
        CompanyModel.WonStage => ForecastCategory.Closed,
        CompanyModel.LostStage => ForecastCategory.Omitted,
        5 => ForecastCategory.Commit,
        3 or 4 => ForecastCategory.BestCase,
        _ => ForecastCategory.Pipeline,
    };

    private static void OptionalInstant(CsvLine line, long? ticks)
    {
        if (ticks is { } t)
        {
            line.Instant(t);
        }
        else
        {
            line.Empty();
        }
    }

    private static void OptionalId(CsvLine line, string prefix, long id, int width)
    {
        if (id > 0)
        {
            line.Id(prefix, id, width);
        }
        else
        {
            line.Empty();
        }
    }

    private CsvLine Line(FileSchema schema) => _files[schema].Line;

    private void End(FileSchema schema)
    {
        var slot = _files[schema];
        slot.Line.WriteTo(slot.Writer);
        slot.Rows++;
    }

    private sealed class Slot(TextWriter writer)
    {
        public TextWriter Writer { get; } = writer;

        public CsvLine Line { get; } = new();

        public long Rows { get; set; }
    }
}
