using System.Globalization;
using Bellwether.Core.Import;
using Bellwether.Core.Time;
using Bellwether.Import.Mapping;

namespace Bellwether.Import.Presets;

/// <summary>
/// The Maven Analytics "CRM Sales Opportunities" data set (docs/presets.md#maven-crm): sales_pipeline.csv,
/// accounts.csv, products.csv and sales_teams.csv read as reps, accounts and opportunities.
/// </summary>
internal static class MavenCrmPreset
{
    public const string Name = "maven-crm";

    /// <summary>The account of deals whose <c>account</c> is empty (open deals not yet tied to a company).</summary>
    public const string Unassigned = "unassigned";

    /// <summary>The stage of a deal before it closed: the data has no history, and every closed deal passed through it.</summary>
    public const string FallbackStage = "Engaging";

    private const string Owner = "maven-crm preset";

    public static Preset Preset { get; } = new()
    {
        Name = Name,
        Summary = "the Maven Analytics CRM Sales Opportunities data set: 8,800 deals of a made-up hardware seller",
        Expects = "the folder of sales_pipeline.csv, accounts.csv, products.csv and sales_teams.csv",
        Open = Open,
    };

    public static ImportSource Open(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"{folder}: no such folder");
        }

        var files = new SourceFiles(Owner);
        var reader = new Reader(
            files,
            teams: files.AddFromFolder(folder, "sales_teams.csv"),
            accounts: files.AddFromFolder(folder, "accounts.csv"),
            products: files.AddFromFolder(folder, "products.csv"),
            pipeline: files.AddFromFolder(folder, "sales_pipeline.csv"));
        return new ImportSource
        {
            Description = $"{Path.GetFullPath(folder)} ({Name} preset)",
            Files = files.Files,
            Tables = [reader.Reps(), reader.Accounts(), reader.Opportunities()],
            Notes = reader.Notes,
            Preset = Name,
            HistoryFallbackStage = FallbackStage,
            TotalBytes = files.TotalBytes,
            BytesRead = files.BytesRead,
        };
    }

    private sealed class Reader
    {
        private readonly SourceFiles _files;
        private readonly int _teams;
        private readonly int _accounts;
        private readonly int _products;
        private readonly int _pipeline;
        private readonly Lazy<Dictionary<string, string?[]>> _productRows;
        private readonly Lazy<PipelineScan> _scan;

        public Reader(SourceFiles files, int teams, int accounts, int products, int pipeline)
        {
            _files = files;
            _teams = teams;
            _accounts = accounts;
            _products = products;
            _pipeline = pipeline;
            foreach (var (file, columns) in new[]
            {
                (teams, new[] { "sales_agent", "manager", "regional_office" }),
                (accounts, ["account", "sector", "revenue", "employees", "office_location"]),
                (products, ["product", "sales_price"]),
                (pipeline, ["opportunity_id", "sales_agent", "product", "account", "deal_stage", "engage_date", "close_date", "close_value"]),
            })
            {
                foreach (var column in columns)
                {
                    files.Require(file, column);
                }
            }

            // products.csv is read once, for the price and series of each deal's product; sales_pipeline.csv twice,
            // first for its latest date and its first deal without an account.
            files.PlanPass(teams);
            files.PlanPass(accounts);
            files.PlanPass(products);
            files.PlanPass(pipeline);
            files.PlanPass(pipeline);
            _productRows = new(ReadProducts);
            _scan = new(ScanPipeline);
        }

        public ImportNotes Notes { get; } = new();

        /// <summary>reps.csv: every sales agent of sales_teams.csv, and each manager as a rep of role manager.</summary>
        public SourceTable Reps()
        {
            var agent = _files.Require(_teams, "sales_agent");
            var manager = _files.Require(_teams, "manager");
            var office = _files.Require(_teams, "regional_office");
            var layout = new TableLayout(
                FileSchemas.Reps,
                [("rep_id", "sales_agent"), ("name", "sales_agent"), ("team", "regional_office"), ("manager_id", "manager"), ("role", "role")],
                [],
                _files.Header(_teams).Count);

            IEnumerable<SourceRow> Rows()
            {
                // A roster of a few dozen rows, read whole: who is a manager is known only once every row is read.
                var records = _files.Read(_teams).ToList();
                var agents = records.Where(r => !layout.IsMalformed(r.Values)).Select(r => r.Values[agent]?.Trim()).ToHashSet(StringComparer.Ordinal);

                // A manager's team is the office of the first agent naming them; the row they come from is that agent's.
                var managers = new List<(string Name, string? Team, int Line)>();
                foreach (var (values, line) in records)
                {
                    if (!layout.IsMalformed(values) && values[manager]?.Trim() is { Length: > 0 } name && !managers.Any(m => m.Name == name))
                    {
                        managers.Add((name, values[office], line));
                    }
                }

                var managerNames = managers.Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
                foreach (var (values, line) in records)
                {
                    if (layout.IsMalformed(values))
                    {
                        yield return new SourceRow(layout.Malformed(values.Length), _teams, line);
                        continue;
                    }

                    var row = layout.NewRow();
                    row[layout["rep_id"]] = values[agent];
                    row[layout["name"]] = values[agent];
                    row[layout["team"]] = values[office];
                    row[layout["manager_id"]] = values[manager];
                    row[layout["role"]] = managerNames.Contains(values[agent]?.Trim() ?? "") ? "manager" : "ae";
                    yield return new SourceRow(row, _teams, line);
                }

                var made = 0;
                foreach (var (name, team, line) in managers.Where(m => !agents.Contains(m.Name)))
                {
                    var row = layout.NewRow();
                    row[layout["rep_id"]] = name;
                    row[layout["name"]] = name;
                    row[layout["team"]] = team;
                    row[layout["role"]] = "manager";
                    made++;
                    yield return new SourceRow(row, _teams, line);
                }

                Notes.Add($"sales_teams.csv: {made} managers made reps of role manager, each in the office of the agents they manage");
            }

            return layout.Table(Rows(), _teams);
        }

        /// <summary>accounts.csv: every account, and the account <c>unassigned</c> if any deal has none.</summary>
        public SourceTable Accounts()
        {
            var header = _files.Header(_accounts);
            var account = _files.Require(_accounts, "account");
            var sector = _files.Require(_accounts, "sector");
            var revenue = _files.Require(_accounts, "revenue");
            var employees = _files.Require(_accounts, "employees");
            var location = _files.Require(_accounts, "office_location");
            var used = new[] { account, sector, revenue, employees, location };
            var attributes = Enumerable.Range(0, header.Count).Where(i => !used.Contains(i) && TableLayout.CanKeep(FileSchemas.Accounts, header[i])).ToArray();
            var layout = new TableLayout(
                FileSchemas.Accounts,
                [("account_id", "account"), ("name", "account"), ("vertical", "sector"), ("region", "office_location"), ("employees", "employees"), ("annual_revenue", "revenue")],
                [.. attributes.Select(i => header[i])],
                header.Count);

            IEnumerable<SourceRow> Rows()
            {
                int sectors = 0, countries = 0;
                foreach (var (values, line) in _files.Read(_accounts))
                {
                    if (layout.IsMalformed(values))
                    {
                        yield return new SourceRow(layout.Malformed(values.Length), _accounts, line);
                        continue;
                    }

                    var row = layout.NewRow();
                    row[layout["account_id"]] = values[account];
                    row[layout["name"]] = values[account];
                    row[layout["vertical"]] = Replace(values[sector], "technolgy", "technology", ref sectors);
                    row[layout["region"]] = Replace(values[location], "Philipines", "Philippines", ref countries);
                    row[layout["employees"]] = values[employees];
                    row[layout["annual_revenue"]] = Millions(values[revenue]);
                    foreach (var i in attributes)
                    {
                        row[layout[header[i]]] = values[i];
                    }

                    yield return new SourceRow(row, _accounts, line);
                }

                if (_scan.Value.FirstUnassignedLine is { } unassignedLine)
                {
                    var row = layout.NewRow();
                    row[layout["account_id"]] = Unassigned;
                    row[layout["name"]] = Unassigned;
                    yield return new SourceRow(row, _pipeline, unassignedLine);
                }

                Notes.Add($"accounts.csv: sector technolgy read as technology ({sectors} accounts), office_location Philipines as Philippines ({countries}); annual_revenue is revenue × 1,000,000 (revenue is in millions of USD)");
            }

            return layout.Table(Rows(), _accounts);
        }

        /// <summary>opportunities.csv: every deal of sales_pipeline.csv.</summary>
        public SourceTable Opportunities()
        {
            var id = _files.Require(_pipeline, "opportunity_id");
            var agent = _files.Require(_pipeline, "sales_agent");
            var product = _files.Require(_pipeline, "product");
            var account = _files.Require(_pipeline, "account");
            var stage = _files.Require(_pipeline, "deal_stage");
            var engaged = _files.Require(_pipeline, "engage_date");
            var closed = _files.Require(_pipeline, "close_date");
            var value = _files.Require(_pipeline, "close_value");
            var productHeader = _files.Header(_products);
            var productName = _files.Require(_products, "product");
            var price = _files.Require(_products, "sales_price");
            var productAttributes = Enumerable.Range(0, productHeader.Count)
                .Where(i => i != productName && i != price && TableLayout.CanKeep(FileSchemas.Opportunities, productHeader[i]))
                .ToArray();
            var layout = new TableLayout(
                FileSchemas.Opportunities,
                [
                    ("opportunity_id", "opportunity_id"), ("owner_rep_id", "sales_agent"), ("service_line", "product"), ("account_id", "account"),
                    ("stage", "deal_stage"), ("status", "deal_stage"), ("created_at", "engage_date"), ("closed_at", "close_date"),
                    ("amount", "close_value"), ("type", "type"),
                ],
                [.. productAttributes.Select(i => productHeader[i])],
                _files.Header(_pipeline).Count);

            IEnumerable<SourceRow> Rows()
            {
                var scan = _scan.Value;
                var products = _productRows.Value;
                int renamed = 0, undated = 0, unassigned = 0, listPriced = 0, unpriced = 0;
                foreach (var (values, line) in _files.Read(_pipeline))
                {
                    if (layout.IsMalformed(values))
                    {
                        yield return new SourceRow(layout.Malformed(values.Length), _pipeline, line);
                        continue;
                    }

                    var row = layout.NewRow();
                    var status = Status(values[stage]);
                    var serviceLine = Replace(values[product], "GTXPro", "GTX Pro", ref renamed);
                    var productRow = products.GetValueOrDefault(serviceLine?.Trim() ?? "");
                    row[layout["opportunity_id"]] = values[id];
                    row[layout["owner_rep_id"]] = values[agent];
                    row[layout["service_line"]] = serviceLine;
                    row[layout["account_id"]] = Blank(values[account]) ? Count(Unassigned, ref unassigned) : values[account];
                    row[layout["stage"]] = values[stage];
                    row[layout["status"]] = status;
                    row[layout["created_at"]] = Blank(values[engaged]) && scan.LatestDate is { } latest ? Count(latest, ref undated) : values[engaged];
                    row[layout["closed_at"]] = values[closed];
                    row[layout["type"]] = "new_business";

                    // Lost deals carry close_value 0 and open ones none: their value is their product's list price.
                    if (status is "lost" or "open")
                    {
                        row[layout["amount"]] = productRow is not null ? Count(productRow[price], ref listPriced) : Count(values[value], ref unpriced);
                    }
                    else
                    {
                        row[layout["amount"]] = values[value];
                    }

                    foreach (var i in productAttributes)
                    {
                        row[layout[productHeader[i]]] = productRow?[i];
                    }

                    yield return new SourceRow(row, _pipeline, line);
                }

                Notes.Add($"sales_pipeline.csv: product GTXPro read as GTX Pro ({renamed:N0} deals)");
                Notes.Add($"sales_pipeline.csv: {unassigned:N0} deals with no account are credited to the account {Unassigned}");
                Notes.Add($"sales_pipeline.csv: {undated:N0} deals with no engage_date (Prospecting) take created_at {scan.LatestDate}, the latest date in the file");
                Notes.Add($"sales_pipeline.csv: {listPriced:N0} lost and open deals are valued at their product's sales_price in products.csv (their close_value is 0 or empty)");
                if (unpriced > 0)
                {
                    Notes.Add($"sales_pipeline.csv: {unpriced:N0} lost or open deals name a product without a row in products.csv; their amount is their close_value");
                }
            }

            return layout.Table(Rows(), _pipeline);
        }

        private Dictionary<string, string?[]> ReadProducts()
        {
            var name = _files.Require(_products, "product");
            var width = _files.Header(_products).Count;
            var rows = new Dictionary<string, string?[]>(StringComparer.Ordinal);
            foreach (var (values, _) in _files.Read(_products))
            {
                if (values.Length == width && values[name]?.Trim() is { Length: > 0 } product)
                {
                    rows.TryAdd(product, values);
                }
            }

            return rows;
        }

        private PipelineScan ScanPipeline()
        {
            var account = _files.Require(_pipeline, "account");
            var dates = new[] { _files.Require(_pipeline, "engage_date"), _files.Require(_pipeline, "close_date") };
            var width = _files.Header(_pipeline).Count;
            DateOnly? latest = null;
            int? firstUnassigned = null;
            foreach (var (values, line) in _files.Read(_pipeline))
            {
                if (values.Length != width)
                {
                    continue;
                }

                firstUnassigned ??= Blank(values[account]) ? line : null;
                foreach (var column in dates)
                {
                    if (IsoDate.TryParseDate((values[column] ?? "").AsSpan().Trim(), out var date) && (latest is null || date > latest))
                    {
                        latest = date;
                    }
                }
            }

            return new PipelineScan(latest?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), firstUnassigned);
        }

        private static string? Status(string? dealStage) => dealStage?.Trim().ToLowerInvariant() switch
        {
            "won" => "won",
            "lost" => "lost",
            "engaging" or "prospecting" => "open",

            // Not a stage of the data set: passed on as written, for the import to report.
            _ => dealStage,
        };

        /// <summary>Revenue in millions of USD, as USD; a value that is not a number is passed on as written.</summary>
        private static string? Millions(string? revenue) =>
            decimal.TryParse(revenue?.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var millions)
                ? (millions * 1_000_000m).ToString("0.############", CultureInfo.InvariantCulture)
                : revenue;

        private static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);

        private static string? Count(string? value, ref int count)
        {
            count++;
            return value;
        }

        private static string? Replace(string? value, string from, string to, ref int count) =>
            string.Equals(value?.Trim(), from, StringComparison.Ordinal) ? Count(to, ref count) : value;
    }

    /// <summary>What the first pass over sales_pipeline.csv finds: its latest date, and its first deal without an account.</summary>
    private sealed record PipelineScan(string? LatestDate, int? FirstUnassignedLine);
}
