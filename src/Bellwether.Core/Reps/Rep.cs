namespace Bellwether.Core.Reps;

public enum RepRole
{
    Ae,
    Sdr,
    Am,
    Manager,
}

/// <summary>A person who sells (reps.csv). Managers are reps too.</summary>
public sealed record Rep
{
    public required string RepId { get; init; }

    public required string Name { get; init; }

    public string? Email { get; init; }

    /// <summary>Team or regional office.</summary>
    public string? Team { get; init; }

    public string? ManagerId { get; init; }

    public RepRole Role { get; init; } = RepRole.Ae;

    public string? Region { get; init; }

    /// <summary>First day in the role; drives ramp. Unknown means the rep is taken as ramped all along.</summary>
    public DateOnly? StartDate { get; init; }

    /// <summary>Last day in the role (inclusive); empty while employed.</summary>
    public DateOnly? EndDate { get; init; }

    /// <summary>Active on the day: on or after the start date and on or before the end date.</summary>
    public bool IsActiveOn(DateOnly day) => (StartDate is null || day >= StartDate) && (EndDate is null || day <= EndDate);
}
