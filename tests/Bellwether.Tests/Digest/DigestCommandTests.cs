using System.Text.Json;
using Bellwether.Core.Reporting;
using Bellwether.Tests.Cli;
using Bellwether.Tests.Testing;

namespace Bellwether.Tests.Digest;

/// <summary>
/// The digest on a real demo store: what it says is what the structured readings say — the plans rows `plans` prints,
/// the explanation `explain` gives, the signals `signals` gives — written as a person reads them.
/// </summary>
public sealed class DigestCommandTests(DemoStore demo) : IClassFixture<DemoStore>
{
    [Fact]
    public void Markdown_SaysWhatThePlansExplanationAndSignalsSay()
    {
        var markdown = CliRunner.Run("digest", "--owner", "COO", "--as-of", DemoStore.Now, "--db", demo.Db);
        var json = CliRunner.Run("digest", "--owner", "coo", "--as-of", DemoStore.Now, "--db", demo.Db, "--format", "json");
        var plans = CliRunner.Run("plans", "--owner", "COO", "--as-of", DemoStore.Now, "--db", demo.Db, "--format", "json");

        Assert.Equal(0, markdown.ExitCode);
        Assert.Equal(0, json.ExitCode);
        Assert.Equal(0, plans.ExitCode);
        using var digest = JsonDocument.Parse(json.Out);
        using var planRows = JsonDocument.Parse(plans.Out);
        var root = digest.RootElement;
        Assert.Equal("COO", root.GetProperty("owner").GetString());
        Assert.Equal(["retention"], root.GetProperty("pillars").EnumerateArray().Select(p => p.GetString()));

        // Every plan row of the `plans` command, with its target and projection as the table writes them.
        var rows = planRows.RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(rows);
        Assert.Equal(rows.Count, root.GetProperty("plans").GetArrayLength());
        foreach (var row in rows)
        {
            var target = row.GetProperty("target").GetDecimal();
            Assert.Contains($"| {row.GetProperty("period").GetString()} | {Readable.Percent(target)} |", markdown.Out, StringComparison.Ordinal);
            if (row.GetProperty("projected").ValueKind == JsonValueKind.Number)
            {
                Assert.Contains(Readable.Percent(row.GetProperty("projected").GetDecimal()), markdown.Out, StringComparison.Ordinal);
            }
        }

        // The headline and each explanation's summary appear word for word.
        Assert.Contains($"**{root.GetProperty("headline").GetString()}**", markdown.Out, StringComparison.Ordinal);
        var explanations = root.GetProperty("explanations").EnumerateArray().ToList();
        Assert.NotEmpty(explanations);
        foreach (var e in explanations)
        {
            Assert.Contains(Escaped(e.GetProperty("summary").GetString()!), markdown.Out, StringComparison.Ordinal);
        }

        // The quarter's explanation is the one `explain` gives for the same plan.
        var quarter = explanations[0];
        var explain = CliRunner.Run("explain", "grr", "--period", quarter.GetProperty("period").GetString()!, "--as-of", DemoStore.Now, "--db", demo.Db, "--format", "json");
        using var explained = JsonDocument.Parse(explain.Out);
        Assert.Equal(explained.RootElement.GetProperty("gap").GetDecimal(), quarter.GetProperty("gap").GetDecimal());

        // Everyone needing attention is named, and the signals are the retention pillar's.
        foreach (var a in root.GetProperty("attention").EnumerateArray())
        {
            Assert.Contains($"**{Escaped(a.GetProperty("item").GetProperty("name").GetString()!)}**", markdown.Out, StringComparison.Ordinal);
        }

        Assert.All(root.GetProperty("signals").EnumerateArray(), s => Assert.Equal("retention", s.GetProperty("pillar").GetString()));
    }

    [Fact]
    public void Html_IsOneSelfContainedPage()
    {
        var result = CliRunner.Run("digest", "--owner", "CFO", "--as-of", DemoStore.Now, "--db", demo.Db, "--format", "html");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("<!DOCTYPE html>", result.Out, StringComparison.Ordinal);
        Assert.Contains("<h1>Weekly digest for the CFO</h1>", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", result.Out, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http", result.Out, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("--owner CEO", "bellwether: --owner \"CEO\" holds no plan as of 2026-06-30 (owners: CFO, COO, President)")]
    [InlineData("--owner COO --format csv", "bellwether: --format: \"csv\" is not a format of the digest (md, html or json) (see `bellwether digest --help`)")]
    public void Mistakes_AreOneLine(string arguments, string expected)
    {
        var result = CliRunner.Run(["digest", .. arguments.Split(' '), "--as-of", DemoStore.Now, "--db", demo.Db]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(expected, result.Err.Trim());
    }

    [Fact]
    public void OtherCommands_StillRefuseDocumentFormats()
    {
        var result = CliRunner.Run("status", "--db", demo.Db, "--format", "md");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("bellwether: --format: \"md\" is not a format (table, json or csv)", result.Err, StringComparison.Ordinal);
    }

    /// <summary>The Markdown writer escapes what Markdown gives meaning to; underscores inside words stay.</summary>
    private static string Escaped(string text) => text.Replace("*", "\\*", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal)
        .Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal).Replace("#", "\\#", StringComparison.Ordinal);
}
