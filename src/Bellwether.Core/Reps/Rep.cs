namespace Bellwether.Core.Reps;

public enum RepRole
{
    Ae,
    Sdr,
    Am,
    Manager,
}

/// <summary>
/// A person who sells (reps.csv). Managers are reps too. Validated as it is built: ids non-blank and trimmed, a
/// non-blank name, a defined role, and <see cref="EndDate"/> never before <see cref="StartDate"/> (checked by whichever
/// of the two is set second, so an initializer may name them in either order).
/// </summary>
public sealed record Rep
{
    public required string RepId { get; init => field = Guard.Id(value); }

    public required string Name { get; init => field = Guard.NotBlank(value); }

    public string? Email { get; init; }

    /// <summary>Team or regional office.</summary>
    public string? Team { get; init; }

    public string? ManagerId { get; init => field = Guard.OptionalId(value); }

    public RepRole Role { get; init => field = Guard.Defined(value); } = RepRole.Ae;

    public string? Region { get; init; }

    /// <summary>First day in the role; drives ramp. Unknown means the rep is taken as ramped all along.</summary>
    public DateOnly? StartDate
    {
        get;
        init
        {
            Guard.InOrder(value, nameof(StartDate), EndDate, nameof(EndDate));
            field = value;
        }
    }

    /// <summary>Last day in the role (inclusive); empty while employed.</summary>
    public DateOnly? EndDate
    {
        get;
        init
        {
            Guard.InOrder(StartDate, nameof(StartDate), value, nameof(EndDate));
            field = value;
        }
    }

    /// <summary>Active on the day: on or after the start date and on or before the end date.</summary>
    public bool IsActiveOn(DateOnly day) => (StartDate is null || day >= StartDate) && (EndDate is null || day <= EndDate);
}
