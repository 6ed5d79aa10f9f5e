namespace Bellwether.Dashboard.Layout;

/// <summary>
/// The dashboard's pages as the navigation lists them, in sections. A new page (a pillar, revenue indicators,
/// variance, scenarios) adds its line here and its component under Pages/.
/// </summary>
public static class DashboardNavigation
{
    public static IReadOnlyList<NavigationSection> Sections { get; } =
    [
        new("Company", [new("", "Overview", "dashboard"), new("forecast", "Forecast", "trending_up")]),
        new("Data", [new("status", "Status", "storage"), new("import", "Import", "upload_file"), new(Web.ApiReference.Path, "API reference", "api")]),
    ];
}

/// <summary>A heading of the navigation and its pages.</summary>
public sealed record NavigationSection(string Title, IReadOnlyList<NavigationPage> Pages);

/// <summary>A page: its path relative to the base address, its name, and a Material Symbols icon.</summary>
public sealed record NavigationPage(string Path, string Title, string Icon);
