using Bellwether.Core.Plans;

namespace Bellwether.Core.Reporting;

/// <summary>Indicator and pillar names as a pillar owner reads them ("Gross revenue retention", not <c>grr</c>).</summary>
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
        "cac" => "CAC",
        _ => metric.Length == 0 ? metric : char.ToUpperInvariant(metric[0]) + metric[1..].Replace('_', ' '),
    };

    /// <summary>A pillar as its owner calls it.</summary>
    public static string Of(Pillar pillar) => pillar switch
    {
        Pillar.NewBusiness => "New business",
        Pillar.Retention => "Client retention",
        Pillar.Expansion => "Service expansion",
        Pillar.CostModel => "Cost model",
        _ => pillar.ToString(),
    };
}
