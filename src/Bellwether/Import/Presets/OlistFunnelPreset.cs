using System.Globalization;
using Bellwether.Core.Import;
using Bellwether.Core.Time;
using Bellwether.Import.Mapping;

namespace Bellwether.Import.Presets;

/// <summary>
/// Olist's "Marketing Funnel" data set (docs/presets.md#olist-funnel): 8,000 marketing-qualified leads and the 842
/// deals won from them, read as reps, accounts (the sellers won), opportunities and leads.
/// </summary>
internal static class OlistFunnelPreset
{
    public const string Name = "olist-funnel";

    private const string Owner = "olist-funnel preset";
    private const string LeadsFile = "olist_marketing_qualified_leads_dataset.csv";
    private const string DealsFile = "olist_closed_deals_dataset.csv";

    public static Preset Preset { get; } = new()
    {
        Name = Name,
        Summary = "Olist's marketing funnel data set: 8,000 leads and 842 won deals (no deal values, no lost deals)",
        Expects = $"the folder of {LeadsFile} and {DealsFile}",
        Open = Open,
    };

    public static ImportSource Open(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"{folder}: no such folder");
        }

        var files = new SourceFiles(Owner);
        var reader = new Reader(files, leads: files.AddFromFolder(folder, LeadsFile), deals: files.AddFromFolder(folder, DealsFile));
        return new ImportSource
        {
            Description = $"{Path.GetFullPath(folder)} ({Name} preset)",
            Files = files.Files,
            Tables = [reader.Reps(), reader.Accounts(), reader.Opportunities(), reader.Leads()],
            Notes = reader.Notes,
            Preset = Name,
            TotalBytes = files.TotalBytes,
            BytesRead = files.BytesRead,
        };
    }

    private sealed class Reader
    {
        private static readonly string[] AccountColumns =
            ["lead_type", "lead_behaviour_profile", "has_company", "has_gtin", "average_stock", "declared_product_catalog_size"];

        private readonly SourceFiles _files;
        private readonly int _leads;
        private readonly int _deals;
        private readonly Lazy<DealsScan> _dealsScan;
        private readonly Lazy<Dictionary<string, string?>> _firstContacts;

        public Reader(SourceFiles files, int leads, int deals)
        {
            _files = files;
            _leads = leads;
            _deals = deals;
            foreach (var column in new[] { "mql_id", "first_contact_date", "origin" })
            {
                files.Require(leads, column);
            }

            foreach (var column in new[] { "mql_id", "seller_id", "sdr_id", "sr_id", "won_date", "business_segment", "business_type", "declared_monthly_revenue" })
            {
                files.Require(deals, column);
            }

            // The deals are read three times (for reps and the ids of won leads; for accounts; for opportunities) and
            // the leads twice (for each lead's first contact; for leads).
            files.PlanPass(deals);
            files.PlanPass(deals);
            files.PlanPass(deals);
            files.PlanPass(leads);
            files.PlanPass(leads);
            _dealsScan = new(ScanDeals);
            _firstContacts = new(ReadFirstContacts);
        }

        public ImportNotes Notes { get; } = new();

        /// <summary>reps.csv: every sr_id (role ae) and sdr_id (role sdr) of the deals; an id that is both is an ae.</summary>
        public SourceTable Reps()
        {
            var layout = new TableLayout(FileSchemas.Reps, [("rep_id", "sr_id or sdr_id"), ("name", "sr_id or sdr_id"), ("role", "role")], [], 0);

            IEnumerable<SourceRow> Rows()
            {
                foreach (var (id, rep) in _dealsScan.Value.Reps.OrderBy(r => r.Value.Line))
                {
                    var row = layout.NewRow();
                    row[layout["rep_id"]] = id;
                    row[layout["name"]] = id;
                    row[layout["role"]] = rep.Role;
                    yield return new SourceRow(row, _deals, rep.Line);
                }
            }

            return layout.Table(Rows(), _deals);
        }

        /// <summary>accounts.csv: one account per seller won, its vertical the seller's business segment.</summary>
        public SourceTable Accounts()
        {
            var header = _files.Header(_deals);
            var seller = _files.Require(_deals, "seller_id");
            var segment = _files.Require(_deals, "business_segment");
            var attributes = AccountColumns.Select(c => _files.IndexOf(_deals, c)).Where(i => i >= 0).ToArray();
            var layout = new TableLayout(
                FileSchemas.Accounts,
                [("account_id", "seller_id"), ("name", "seller_id"), ("vertical", "business_segment")],
                [.. attributes.Select(i => header[i])],
                header.Count);

            IEnumerable<SourceRow> Rows()
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                int jewelry = 0, unknown = 0;
                foreach (var (values, line) in _files.Read(_deals))
                {
                    // A malformed deal, or one without a seller, is reported with its opportunity.
                    if (layout.IsMalformed(values) || values[seller]?.Trim() is not { Length: > 0 } id || !seen.Add(id))
                    {
                        continue;
                    }

                    var row = layout.NewRow();
                    row[layout["account_id"]] = values[seller];
                    row[layout["name"]] = values[seller];
                    row[layout["vertical"]] = values[segment]?.Trim() switch
                    {
                        "" or null => Count("unknown", ref unknown),
                        "jewerly" => Count("jewelry", ref jewelry),
                        _ => values[segment],
                    };
                    foreach (var i in attributes)
                    {
                        row[layout[header[i]]] = values[i];
                    }

                    yield return new SourceRow(row, _deals, line);
                }

                Notes.Add($"{DealsFile}: business_segment jewerly read as jewelry ({jewelry} sellers); sellers without one are in vertical unknown ({unknown})");
            }

            return layout.Table(Rows(), _deals);
        }

        /// <summary>opportunities.csv: one won deal per row of the closed deals.</summary>
        public SourceTable Opportunities()
        {
            var mql = _files.Require(_deals, "mql_id");
            var seller = _files.Require(_deals, "seller_id");
            var sr = _files.Require(_deals, "sr_id");
            var sdr = _files.Require(_deals, "sdr_id");
            var won = _files.Require(_deals, "won_date");
            var businessType = _files.Require(_deals, "business_type");
            var revenue = _files.Require(_deals, "declared_monthly_revenue");
            var layout = new TableLayout(
                FileSchemas.Opportunities,
                [
                    ("opportunity_id", "mql_id"), ("owner_rep_id", "sr_id"), ("account_id", "seller_id"), ("service_line", "business_type"),
                    ("stage", "stage"), ("status", "status"), ("created_at", "first_contact_date"), ("closed_at", "won_date"),
                    ("amount", "declared_monthly_revenue"),
                ],
                ["sdr_id"],
                _files.Header(_deals).Count);

            IEnumerable<SourceRow> Rows()
            {
                var firstContacts = _firstContacts.Value;
                int undeclared = 0, unknownType = 0;
                foreach (var (values, line) in _files.Read(_deals))
                {
                    if (layout.IsMalformed(values))
                    {
                        yield return new SourceRow(layout.Malformed(values.Length), _deals, line);
                        continue;
                    }

                    var id = values[mql]?.Trim() ?? "";
                    var row = layout.NewRow();
                    row[layout["opportunity_id"]] = values[mql];
                    row[layout["owner_rep_id"]] = values[sr];
                    row[layout["account_id"]] = values[seller];
                    row[layout["service_line"]] = string.IsNullOrWhiteSpace(values[businessType]) ? Count("unknown", ref unknownType) : values[businessType];
                    row[layout["stage"]] = "won";
                    row[layout["status"]] = "won";
                    row[layout["closed_at"]] = values[won];
                    row[layout["amount"]] = string.IsNullOrWhiteSpace(values[revenue]) ? "0" : values[revenue];
                    if (!decimal.TryParse(row[layout["amount"]], NumberStyles.Float, CultureInfo.InvariantCulture, out var declared) || declared == 0)
                    {
                        undeclared++;
                    }
                    row[layout["sdr_id"]] = values[sdr];

                    var created = firstContacts.GetValueOrDefault(id);
                    if (Instants.TryParse(created.AsSpan().Trim(), out var contact)
                        && Instants.TryParse((values[won] ?? "").AsSpan().Trim(), out var wonAt)
                        && wonAt < contact)
                    {
                        // Won before the lead's first contact: the deal is taken as created when it was won (a cycle of 0).
                        created = values[won];
                        Notes.Repair(
                            FileSchemas.Opportunities.FileName,
                            $"{DealsFile}:{line} {id}: won_date {values[won]?.Trim()} is before the lead's first_contact_date {firstContacts[id]?.Trim()}; created_at is the won instant (a cycle of 0)");
                    }

                    row[layout["created_at"]] = created;
                    yield return new SourceRow(row, _deals, line);
                }

                Notes.Add($"{DealsFile}: {undeclared} of the deals declare no monthly revenue and have amount 0; Olist has no deal values and no lost deals, so bookings and win rates mean nothing here");
                if (unknownType > 0)
                {
                    Notes.Add($"{DealsFile}: {unknownType} deals without business_type have service_line unknown");
                }
            }

            return layout.Table(Rows(), _deals);
        }

        /// <summary>leads.csv: every marketing-qualified lead, linked to its deal when it was won.</summary>
        public SourceTable Leads()
        {
            var mql = _files.Require(_leads, "mql_id");
            var contact = _files.Require(_leads, "first_contact_date");
            var origin = _files.Require(_leads, "origin");
            var page = _files.IndexOf(_leads, "landing_page_id");
            var layout = new TableLayout(
                FileSchemas.Leads,
                [("lead_id", "mql_id"), ("created_at", "first_contact_date"), ("source", "source"), ("channel", "origin"), ("opportunity_id", "mql_id")],
                page >= 0 ? ["landing_page_id"] : [],
                _files.Header(_leads).Count);

            IEnumerable<SourceRow> Rows()
            {
                var won = _dealsScan.Value.LeadIds;
                var unknown = 0;
                foreach (var (values, line) in _files.Read(_leads))
                {
                    if (layout.IsMalformed(values))
                    {
                        yield return new SourceRow(layout.Malformed(values.Length), _leads, line);
                        continue;
                    }

                    var row = layout.NewRow();
                    row[layout["lead_id"]] = values[mql];
                    row[layout["created_at"]] = values[contact];
                    row[layout["source"]] = "inbound";
                    row[layout["channel"]] = string.IsNullOrWhiteSpace(values[origin]) ? Count("unknown", ref unknown) : values[origin];
                    row[layout["opportunity_id"]] = won.Contains(values[mql]?.Trim() ?? "") ? values[mql] : null;
                    if (page >= 0)
                    {
                        row[layout["landing_page_id"]] = values[page];
                    }

                    yield return new SourceRow(row, _leads, line);
                }

                Notes.Add($"{LeadsFile}: {unknown} leads without origin have channel unknown; every lead is inbound");
            }

            return layout.Table(Rows(), _leads);
        }

        private DealsScan ScanDeals()
        {
            var mql = _files.Require(_deals, "mql_id");
            var sr = _files.Require(_deals, "sr_id");
            var sdr = _files.Require(_deals, "sdr_id");
            var width = _files.Header(_deals).Count;
            var reps = new Dictionary<string, (string Role, int Line)>(StringComparer.Ordinal);
            var leadIds = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (values, line) in _files.Read(_deals))
            {
                if (values.Length != width)
                {
                    continue;
                }

                if (values[mql]?.Trim() is { Length: > 0 } lead)
                {
                    leadIds.Add(lead);
                }

                if (values[sr]?.Trim() is { Length: > 0 } ae)
                {
                    // An id that is both an SR and an SDR is an ae; it keeps the line where it first appeared.
                    reps[ae] = ("ae", reps.TryGetValue(ae, out var known) ? known.Line : line);
                }

                if (values[sdr]?.Trim() is { Length: > 0 } sdrId)
                {
                    reps.TryAdd(sdrId, ("sdr", line));
                }
            }

            return new DealsScan(reps, leadIds);
        }

        private Dictionary<string, string?> ReadFirstContacts()
        {
            var mql = _files.Require(_leads, "mql_id");
            var contact = _files.Require(_leads, "first_contact_date");
            var width = _files.Header(_leads).Count;
            var dates = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var (values, _) in _files.Read(_leads))
            {
                if (values.Length == width && values[mql]?.Trim() is { Length: > 0 } id)
                {
                    dates.TryAdd(id, values[contact]);
                }
            }

            return dates;
        }

        private static string Count(string value, ref int count)
        {
            count++;
            return value;
        }
    }

    /// <summary>What the first pass over the deals finds: the reps in order of first appearance, and the ids of won leads.</summary>
    private sealed record DealsScan(IReadOnlyDictionary<string, (string Role, int Line)> Reps, IReadOnlySet<string> LeadIds);
}
