namespace Bellwether.Core.Slicing;

/// <summary>The dimensions an indicator's rows can be sliced by, named as in indicators.md.</summary>
public enum Dimension
{
    Rep,
    Team,
    Manager,
    RepRegion,
    Account,
    Vertical,
    AccountRegion,
    ServiceLine,
    Type,
    Source,
    Channel,
    ActivityType,
}
