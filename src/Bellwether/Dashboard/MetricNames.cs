namespace Bellwether.Dashboard;

/// <summary>Indicator names as a pillar owner reads them ("Gross revenue retention", not <c>grr</c>).</summary>
public static class MetricNames
{
    public static string Of(string metric) => metric switch
    {
        "bookings" => "Bookings",
        "expansion_bookings" => "Expansion bookings",
        "revenue" => "Revenue",
        "grr" => "Gross revenue retention",
        "nrr" => "Net revenue retention",
        "expansion_revenue" => "Expansion revenue",
        "operating_margin" => "Operating margin",
        "won_deals" => "Won deals",
        "new_logos" => "New logos",
        _ => metric.Length == 0 ? metric : char.ToUpperInvariant(metric[0]) + metric[1..].Replace('_', ' '),
    };

    /// <summary>A pillar as its owner calls it.</summary>
    public static string Of(Core.Plans.Pillar pillar) => pillar switch
    {
        Core.Plans.Pillar.NewBusiness => "New business",
        Core.Plans.Pillar.Retention => "Client retention",
        Core.Plans.Pillar.Expansion => "Service expansion",
        Core.Plans.Pillar.CostModel => "Cost model",
        _ => pillar.ToString(),
    };
}
