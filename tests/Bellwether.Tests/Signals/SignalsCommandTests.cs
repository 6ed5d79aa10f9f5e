using System.Text.Json;
using Bellwether.Tests.Cli;
using Bellwether.Tests.Testing;

namespace Bellwether.Tests.Signals;

/// <summary><c>bellwether signals</c> end to end on a real DuckDB demo store.</summary>
public sealed class SignalsCommandTests(DemoStore demo) : IClassFixture<DemoStore>
{
    // Mid 2026-Q2 of the demo company (its history runs to 30 June 2026): the quarter's plan is still open.
    private const string AsOf = "2026-06-15";

    private static readonly string[] NewBusiness =
    [
        "activity_standard_met", "leads", "lead_qualification_rate", "pipeline_against_required", "new_pipeline_against_burn",
        "sales_velocity", "hiring_signal", "coaching",
    ];

    private static readonly string[] CostModel = ["sales_expense_pct", "sales_contribution_pct", "cac", "operating_margin"];

    private JsonElement Signals(params string[] extra) => SignalsAsOf(AsOf, extra);

    private JsonElement SignalsAsOf(string asOf, params string[] extra)
    {
        var result = CliRunner.Run(["signals", "--db", demo.Db, "--as-of", asOf, "--format", "json", .. extra]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return JsonDocument.Parse(result.Out).RootElement.Clone();
    }

    private decimal? Indicator(string name, string period, string? slice = null, string asOf = AsOf)
    {
        string[] args = ["indicators", name, "--db", demo.Db, "--period", period, "--as-of", asOf, "--format", "json"];
        var result = CliRunner.Run(slice is null ? args : [.. args, "--slice", slice]);
        Assert.True(result.ExitCode == 0, result.ToString());
        var value = JsonDocument.Parse(result.Out).RootElement[0].GetProperty("value");
        return value.ValueKind == JsonValueKind.Null ? null : value.GetDecimal();
    }

    private static JsonElement Named(JsonElement signals, string name) => signals.EnumerateArray().Single(s => s.GetProperty("name").GetString() == name);

    private static decimal? Number(JsonElement signal, string property) =>
        signal.GetProperty(property).ValueKind == JsonValueKind.Null ? null : signal.GetProperty(property).GetDecimal();

    [Fact]
    public void NewBusinessAndCostModel_EverySignalHasAValueOrSaysWhyNot()
    {
        var signals = Signals();

        var names = signals.EnumerateArray().Select(s => (Pillar: s.GetProperty("pillar").GetString(), Name: s.GetProperty("name").GetString())).ToList();
        Assert.Equal(NewBusiness, names.Where(n => n.Pillar == "new_business").Select(n => n.Name));
        Assert.Equal(CostModel, names.Where(n => n.Pillar == "cost_model").Select(n => n.Name));
        foreach (var s in signals.EnumerateArray().Where(s => s.GetProperty("pillar").GetString() is "new_business" or "cost_model"))
        {
            // The demo's plans are sliced type=new_business: every new-business signal reads them, none fails on the slice.
            Assert.True(s.GetProperty("value").ValueKind != JsonValueKind.Null, $"{s.GetProperty("name")}: {s.GetProperty("missing_reason")}");
            Assert.False(string.IsNullOrWhiteSpace(s.GetProperty("summary").GetString()));
        }
    }

    [Fact]
    public void PipelineSignals_AreTheIndicatorsOfThePlansSlice()
    {
        var signals = Signals("--pillar", "new_business");

        var burn = Named(signals, "new_pipeline_against_burn");
        Assert.Equal(Indicator("new_pipeline", "2026-Q2", "type=new_business"), Number(burn, "value"));
        Assert.Equal(Indicator("pipeline_outflow", "2026-Q2", "type=new_business"), Number(burn, "reference"));
        var required = Named(signals, "pipeline_against_required");
        Assert.Equal(Math.Round(Indicator("required_pipeline", "2026-Q2", "type=new_business")!.Value, 2), Number(required, "reference"));
        Assert.Equal(Indicator("sales_velocity", "2026-Q2", "type=new_business"), Number(Named(signals, "sales_velocity"), "value"));
        Assert.Equal(Indicator("leads", "2026-Q2"), Number(Named(signals, "leads"), "value"));
    }

    [Fact]
    public void ChangeSinceLastWeek_IsTheValueLessTheSameSignalSevenDaysEarlier()
    {
        var now = Signals("--pillar", "new_business");
        var weekEarlier = SignalsAsOf("2026-06-08", "--pillar", "new_business", "--period", "2026-Q2");

        foreach (var name in new[] { "leads", "new_pipeline_against_burn", "pipeline_against_required" })
        {
            Assert.Equal(Number(Named(now, name), "value") - Number(Named(weekEarlier, name), "value"), Number(Named(now, name), "change_since_last_week"));
        }
    }

    [Fact]
    public void Table_ShowsFiguresInWordsAndWhoNeedsAttentionByName()
    {
        var result = CliRunner.Run("signals", "--db", demo.Db, "--as-of", AsOf);
        var json = Signals();

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("2026-Q2, as of 2026-06-16T00:00:00Z", result.Out, StringComparison.Ordinal);
        Assert.Contains("Pipeline against required", result.Out, StringComparison.Ordinal);
        Assert.Contains("who needs attention", result.Out, StringComparison.Ordinal);
        var coached = Named(json, "coaching").GetProperty("needs_attention").EnumerateArray().First();
        Assert.Contains(coached.GetProperty("name").GetString()!, result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(coached.GetProperty("id").GetString()!, result.Out, StringComparison.Ordinal);
        Assert.Matches(@"\$[0-9.,]+M of pipeline can close in 2026-Q2", result.Out);
    }

    [Fact]
    public void Csv_OneLinePerSignal_ThenOneLinePerRepNeedingAttention()
    {
        var result = CliRunner.Run("signals", "--db", demo.Db, "--as-of", AsOf, "--pillar", "new_business", "--format", "csv");
        var json = Signals("--pillar", "new_business");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Out.TrimEnd('\n').Split('\n');
        Assert.StartsWith("pillar,signal,title,value,unit,reference,reference_kind,status,change_since_last_week,summary,missing_reason,attention_rank", lines[0], StringComparison.Ordinal);
        var attention = json.EnumerateArray().Sum(s => s.GetProperty("needs_attention").GetArrayLength());
        Assert.Equal(1 + NewBusiness.Length + attention, lines.Length);
    }

    [Theory]
    [InlineData("--pillar", "nope", "bellwether: --pillar \"nope\" is not a pillar (new_business, retention, expansion, cost_model)")]
    [InlineData("--period", "2026-Q9", "bellwether: --period \"2026-Q9\" is not a period")]
    [InlineData("--as-of", "yesterday", "bellwether: --as-of \"yesterday\" is not a date or instant")]
    public void Mistakes_AreOneLineThatSaysWhatIsWrong(string option, string value, string message)
    {
        var result = CliRunner.Run("signals", "--db", demo.Db, option, value);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith(message, result.Err, StringComparison.Ordinal);
    }
}
