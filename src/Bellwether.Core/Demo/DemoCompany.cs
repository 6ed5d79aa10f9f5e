namespace Bellwether.Core.Demo;

/// <summary>
/// The demo company: a simulated B2B services company written in the folder format (data-format.md), the data a
/// newcomer first sees and the data of the large benchmarks. Deterministic for its options; see
/// <see cref="DemoSimulation"/> for re-simulating its future.
/// </summary>
public static class DemoCompany
{
    /// <summary>
    /// Simulates the company's history and writes every file of the folder format. <paramref name="openFile"/> is
    /// called once per file name (e.g. <c>reps.csv</c>) and gets a UTF-8 CSV with LF line endings; rows are streamed as
    /// they happen, so memory stays small whatever the scale. The writers are flushed and disposed before this returns.
    /// </summary>
    public static DemoSummary Generate(DemoOptions options, Func<string, TextWriter> openFile)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(openFile);
        options.Validate();
        using var writer = new DemoWriter(openFile, options.Seed, options.Renewals);
        var engine = CompanyEngine.Create(options, writer);
        engine.RunUntil(options.HistoryEnd.AddDays(1));
        engine.Finish();
        var rows = writer.Rows();
        return new DemoSummary { Rows = rows, HistoryStart = options.HistoryStart, Now = options.Now };
    }
}
