namespace Bellwether.Dashboard.Layout;

/// <summary>
/// The dashboard's pages as the navigation lists them, in sections. A new page adds its line here and its component
/// under Pages/. Pages reached only by drilling down (a rep, a client, a slice) are not listed.
/// </summary>
public static class DashboardNavigation
{
    public static IReadOnlyList<NavigationSection> Sections { get; } =
    [
        new("Company",
        [
            new("", "Overview", "dashboard"), new("forecast", "Forecast", "trending_up"), new("variance", "Variance", "waterfall_chart"),
            new("scenarios", "Scenarios", "tune"),
        ]),
        new("Pillars",
        [
            new("pillars/new-business", "New business", "handshake"), new("pillars/retention", "Client retention", "favorite"),
            new("pillars/expansion", "Service expansion", "add_business"), new("pillars/cost-model", "Cost model", "account_balance"),
        ]),
        new("Sales", [new("revenue", "Revenue indicators", "leaderboard")]),
        new("Data", [new("status", "Status", "storage"), new("import", "Import", "upload_file"), new(Web.ApiReference.Path, "API reference", "api")]),
    ];
}

/// <summary>A heading of the navigation and its pages.</summary>
public sealed record NavigationSection(string Title, IReadOnlyList<NavigationPage> Pages);

/// <summary>A page: its path relative to the base address, its name, and a Material Symbols icon.</summary>
public sealed record NavigationPage(string Path, string Title, string Icon);
