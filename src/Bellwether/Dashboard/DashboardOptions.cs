namespace Bellwether.Dashboard;

/// <summary>What the dashboard shows: one company (workspace) of the store.</summary>
public sealed record DashboardOptions(string Workspace);
