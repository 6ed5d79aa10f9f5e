using Bellwether.Core.Scenarios;
using Bellwether.Core.Slicing;
using Bellwether.Indicators;
using Bellwether.Queries;
using Bellwether.Services;
using Bellwether.Storage;

namespace Bellwether.Web;

/// <summary>
/// The start of every workspace's request in the API: the workspace exists (else 404), its calendar reads the
/// parameters (<see cref="Requests"/>), and what needs the data is checked against the host's cached engine — a slice's
/// values occur, a scenario's name is saved, the names its changes give occur. Each step returns its mistakes; none throws.
/// </summary>
public sealed class WorkspaceRequests(IStore store, IndicatorService indicators, TimeProvider clock)
{
    /// <summary>Reads a request with the workspace's calendar, "now" taken to the second.</summary>
    public Checked<T> Read<T>(string workspace, Func<QueryReader, Checked<T>> read) => Read(workspace, Now.Second, read);

    /// <summary>
    /// Reads a request with the workspace's calendar. Forecasts take "now" to the hour (<see cref="ForecastService.Now"/>)
    /// so that a fitted model serves every request of the hour; indicators and signals to the second.
    /// </summary>
    public Checked<T> Read<T>(string workspace, Now now, Func<QueryReader, Checked<T>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (!Exists(workspace))
        {
            return Checked.Invalid<T>(QueryProblem.NoWorkspace(workspace));
        }

        var instant = now == Now.Hour ? ForecastService.Now(clock) : SecondOf(clock);
        return read(new QueryReader(store.Settings(workspace).Calendar, instant));
    }

    /// <summary>The workspace exists, or the one problem saying it does not.</summary>
    public Checked<string> Existing(string workspace) =>
        Exists(workspace) ? Checked.Valid<string>(workspace) : Checked.Invalid<string>(QueryProblem.NoWorkspace(workspace));

    /// <summary>The request, if every value of the slice occurs in the workspace's data; else the values that do not, with the nearest that do.</summary>
    public Checked<T> InData<T>(string workspace, T request, IReadOnlyDictionary<Dimension, string> slice)
    {
        ArgumentNullException.ThrowIfNull(slice);
        if (slice.Count == 0)
        {
            return Checked.Valid<T>(request);
        }

        var problems = SliceValues.Check(slice, indicators.Engine(workspace));
        return problems.Count == 0 ? Checked.Valid<T>(request) : Checked.Invalid<T>(problems);
    }

    /// <summary>The scenario, if every rep, team and slice value its changes name occurs in the workspace's data; else those that do not, with the nearest that do.</summary>
    /// <param name="workspace">The workspace.</param>
    /// <param name="scenario">The scenario.</param>
    /// <param name="parameter"><c>set</c> for changes given in the request; the parameter that named a saved scenario otherwise.</param>
    public Checked<Scenario> InData(string workspace, Scenario scenario, string parameter = "set")
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (scenario.Changes.Count == 0)
        {
            return Checked.Valid<Scenario>(scenario);
        }

        var problems = ScenarioValues.Check(scenario, indicators.Engine(workspace), parameter);
        return problems.Count == 0 ? Checked.Valid<Scenario>(scenario) : Checked.Invalid<Scenario>(problems);
    }

    /// <summary>The saved scenario (or base) of that name, its names checked against the data (<see cref="InData(string, Scenario, string)"/>); null when none is named.</summary>
    public Checked<Scenario?> Scenario(string workspace, string? name) =>
        ScenarioBook.FindOrNone(store, workspace, name)
            .Then(scenario => scenario is null ? Checked.Valid<Scenario?>(null) : InData(workspace, scenario, "scenario").Map<Scenario?>(s => s));

    private bool Exists(string workspace) => store.Versions(workspace).Count > 0;

    private static DateTimeOffset SecondOf(TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }
}

/// <summary>What "now" stands for in a request without an instant.</summary>
public enum Now
{
    /// <summary>The current second: indicators, signals, plan edits.</summary>
    Second,

    /// <summary>The start of the current hour: forecasts, plan status, explanations (which share a fitted model for the hour).</summary>
    Hour,
}
