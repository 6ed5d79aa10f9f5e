namespace Bellwether.Core.Accounts;

/// <summary>A company sold to (accounts.csv).</summary>
public sealed record Account
{
    /// <summary>The vertical of accounts whose industry is not known.</summary>
    public const string UnknownVertical = "unknown";

    public required string AccountId { get; init; }

    public required string Name { get; init; }

    public string Vertical { get; init; } = UnknownVertical;

    public string? Region { get; init; }

    public long? Employees { get; init; }

    /// <summary>The account's own annual revenue, in the reporting currency.</summary>
    public decimal? AnnualRevenue { get; init; }

    public string? OwnerRepId { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }
}
