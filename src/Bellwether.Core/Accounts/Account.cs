namespace Bellwether.Core.Accounts;

/// <summary>
/// A company sold to (accounts.csv). Validated as it is built: ids are non-blank and trimmed, the vertical non-blank,
/// employees and annual revenue never negative, the creation instant in UTC.
/// </summary>
public sealed record Account
{
    /// <summary>The vertical of accounts whose industry is not known.</summary>
    public const string UnknownVertical = "unknown";

    public required string AccountId { get; init => field = Guard.Id(value); }

    public required string Name { get; init => field = Guard.NotBlank(value); }

    public string Vertical { get; init => field = Guard.NotBlank(value); } = UnknownVertical;

    public string? Region { get; init; }

    public long? Employees { get; init => field = Guard.NotNegative(value); }

    /// <summary>The account's own annual revenue, in the reporting currency.</summary>
    public decimal? AnnualRevenue { get; init => field = Guard.NotNegative(value); }

    public string? OwnerRepId { get; init => field = Guard.OptionalId(value); }

    public DateTimeOffset? CreatedAt { get; init => field = Guard.Utc(value); }
}
