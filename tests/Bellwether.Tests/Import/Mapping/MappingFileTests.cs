using Bellwether.Import.Mapping;
using Bellwether.Testing;

namespace Bellwether.Tests.Import.Mapping;

/// <summary>Mistakes in a mapping file are found when it is read, each named by the file and the key.</summary>
public sealed class MappingFileTests
{
    /// <summary>A smallest valid mapping; each case breaks one thing in it.</summary>
    private const string Valid = """
        {
          "files": {
            "reps.csv": { "source": "deals.csv", "distinct": true, "columns": { "rep_id": "Owner", "name": "Owner" } },
            "opportunities.csv": {
              "source": "deals.csv",
              "columns": {
                "opportunity_id": "Id",
                "account_id": "Company",
                "owner_rep_id": "Owner",
                "service_line": { "value": "consulting" },
                "amount": "Amount",
                "created_at": { "from": "Created", "format": "MM/dd/yyyy" },
                "stage": "Stage",
                "status": { "from": "Stage", "values": { "Closed Won": "won", "Closed Lost": "lost" }, "otherwise": "open" },
                "closed_at": { "from": "Closed", "when": { "status": ["won", "lost"] } }
              }
            }
          }
        }
        """;

    [Fact]
    public void ValidMapping_IsRead()
    {
        var mapping = MappingFile.Parse(Valid, "deals.json");
        Assert.Equal(["reps.csv", "opportunities.csv"], mapping.Tables.Select(t => t.Schema.FileName));
        var status = mapping.Tables[1].Columns.Single(c => c.Column == "status");
        Assert.Equal(("won", "open"), (status.Values["closed won"], status.Otherwise));
    }

    [Theory]
    [InlineData("\"amount\": \"Amount\"", "\"amout\": \"Amount\"",
        "deals.json: files.\"opportunities.csv\".columns.amout: is not a column of opportunities.csv (columns: opportunity_id, account_id, owner_rep_id, service_line, type, source, amount, created_at, expected_close_date, stage, status, closed_at, lost_reason, probability, forecast_category, contract_start, contract_end, term_months)")]
    [InlineData("\"amount\": \"Amount\",", "",
        "deals.json: files.\"opportunities.csv\".columns: amount is required in opportunities.csv and has no rule")]
    [InlineData("\"format\": \"MM/dd/yyyy\"", "\"format\": \"YYYY-MM-DD\"",
        "deals.json: files.\"opportunities.csv\".columns.created_at.format: \"YYYY-MM-DD\": Y is not a date pattern letter (use yyyy for the year, MM the month, dd the day, HH:mm:ss the time; quote literal text)")]
    [InlineData("\"format\": \"MM/dd/yyyy\"", "\"format\": \"MM/yyyy\"",
        "deals.json: files.\"opportunities.csv\".columns.created_at.format: \"MM/yyyy\": needs a year (yyyy), a month (MM) and a day (dd)")]
    [InlineData("\"format\": \"MM/dd/yyyy\"", "\"format\": []",
        "deals.json: files.\"opportunities.csv\".columns.created_at.format: is an empty list")]
    [InlineData("\"amount\": \"Amount\"", "\"amount\": { \"from\": \"Amount\", \"format\": \"MM/dd/yyyy\" }",
        "deals.json: files.\"opportunities.csv\".columns.amount.format: amount is not a date column")]
    [InlineData("\"reps.csv\"", "\"owners.csv\"",
        "deals.json: files.\"owners.csv\": is not a file of the folder format (files: reps.csv, accounts.csv, stages.csv, opportunities.csv, opportunity_history.csv, leads.csv, activities.csv, quotas.csv, revenue.csv, expenses.csv, engagement.csv, plans.csv, standards.csv)")]
    [InlineData("\"Closed Won\": \"won\"", "\"Closed Won\": \"wonn\"",
        "deals.json: files.\"opportunities.csv\".columns.status.values.\"Closed Won\": \"wonn\" is not one of open, won, lost")]
    [InlineData("\"otherwise\": \"open\"", "\"otherwise\": \"pending\"",
        "deals.json: files.\"opportunities.csv\".columns.status.otherwise: \"pending\" is not one of open, won, lost")]
    [InlineData("\"when\": { \"status\": [\"won\", \"lost\"] }", "\"when\": { \"status\": [\"closed\"] }",
        "deals.json: files.\"opportunities.csv\".columns.closed_at.when.status: \"closed\" is not one of open, won, lost")]
    [InlineData("\"when\": { \"status\": [\"won\", \"lost\"] }", "\"when\": { \"probability\": \"1\" }",
        "deals.json: files.\"opportunities.csv\".columns.closed_at.when.probability: is not a column this file's mapping fills (a condition reads another column of the same row)")]
    [InlineData("\"service_line\": { \"value\": \"consulting\" }", "\"service_line\": { \"value\": \"consulting\", \"from\": \"Line\" }",
        "deals.json: files.\"opportunities.csv\".columns.service_line.from: cannot go with value: a constant is the column's value on every row")]
    [InlineData("\"service_line\": { \"value\": \"consulting\" }", "\"service_line\": { \"defualt\": \"consulting\" }",
        "deals.json: files.\"opportunities.csv\".columns.service_line.defualt: is not a key here (keys: from, optional, value, default, values, otherwise, format, multiply, when)")]
    [InlineData("\"service_line\": { \"value\": \"consulting\" }", "\"service_line\": { \"optional\": true }",
        "deals.json: files.\"opportunities.csv\".columns.service_line: needs from (the source column) or value (a constant)")]
    [InlineData("\"service_line\": { \"value\": \"consulting\" }", "\"service_line\": 7",
        "deals.json: files.\"opportunities.csv\".columns.service_line: is the number 7; expected an object")]
    [InlineData("\"service_line\": { \"value\": \"consulting\" }", "\"service_line\": \"Line\", \"type\": { \"value\": \"new\" }",
        "deals.json: files.\"opportunities.csv\".columns.type.value: \"new\" is not one of new_business, expansion, renewal")]
    [InlineData("\"amount\": \"Amount\"", "\"amount\": { \"from\": \"Amount\", \"default\": \"-5\" }",
        "deals.json: files.\"opportunities.csv\".columns.amount.default: \"-5\" is negative")]
    [InlineData("\"amount\": \"Amount\"", "\"amount\": { \"from\": \"Amount\", \"multiply\": 0 }",
        "deals.json: files.\"opportunities.csv\".columns.amount.multiply: is the number 0; expected a non-zero number")]
    [InlineData("\"source\": \"deals.csv\", \"distinct\"", "\"distinct\"",
        "deals.json: files.\"reps.csv\": needs source: the name of the export file it comes from")]
    [InlineData("\"files\": {", "\"numbers\": { \"decimal\": \",\", \"thousands\": \",\" }, \"files\": {",
        "deals.json: numbers: decimal and thousands are the same character")]
    [InlineData("\"files\": {", "\"timeZone\": \"Mars/Olympus\", \"files\": {",
        "deals.json: timeZone: \"Mars/Olympus\" is not a time zone (use an IANA name such as Europe/Berlin or America/New_York)")]
    [InlineData("\"files\": {", "\"file\": {}, \"files\": {",
        "deals.json: file: is not a key here (keys: name, description, historyFallbackStage, dates, timeZone, numbers, files)")]
    [InlineData("\"amount\": \"Amount\"", "\"amount\": \"Amount\", \"Amount\": \"Total\"",
        "deals.json: files.\"opportunities.csv\".columns.Amount: maps amount a second time")]
    public void Mistake_IsNamedByFileAndKey(string valid, string broken, string expected)
    {
        Assert.Contains(valid, Valid, StringComparison.Ordinal);
        var e = Assert.Throws<MappingException>(() => MappingFile.Parse(Valid.Replace(valid, broken, StringComparison.Ordinal), "deals.json"));
        Assert.Equal(expected, e.Message);
    }

    [Fact]
    public void InvalidJson_IsNamed()
    {
        var e = Assert.Throws<MappingException>(() => MappingFile.Parse("{ \"files\": { ", "deals.json"));
        Assert.StartsWith("deals.json: is not valid JSON: ", e.Message, StringComparison.Ordinal);
        Assert.Null(e.Key);
    }

    [Fact]
    public void MissingMappingFile_IsNamed()
    {
        using var folder = new TempFolder();
        var e = Assert.Throws<MappingException>(() => MappingFile.Load(folder.File("none.json")));
        Assert.StartsWith("none.json: no such mapping file: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MonthColumn_MayHaveAFormatWithoutADay()
    {
        const string revenue = """
            { "files": { "revenue.csv": { "source": "r.csv", "columns": {
              "account_id": "Client", "month": { "from": "Period", "format": "MM/yyyy" }, "service_line": "Line", "revenue": "Net" } } } }
            """;
        Assert.Equal(["MM/yyyy"], MappingFile.Parse(revenue, "r.json").Tables[0].Columns[1].Formats);
    }
}
