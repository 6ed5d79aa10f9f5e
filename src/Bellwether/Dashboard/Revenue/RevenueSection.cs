namespace Bellwether.Dashboard.Revenue;

/// <summary>The parts of the Revenue indicators page, each loaded on its own so that a slow one never holds the rest.</summary>
public enum RevenueSection
{
    Activity,
    PipelineRequired,
    PipelineBurn,
    WinRate,
    Leaderboard,
    Contribution,
    Verticals,
    Leads,
    ServiceLines,
}
