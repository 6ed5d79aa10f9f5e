using Bellwether.Core.Finance;

namespace Bellwether.Core.Scenarios;

/// <summary>
/// An expense line changes in months inside [From, To): by <see cref="Relative"/> of its forecast, and/or by
/// <see cref="MonthlyAmount"/> a month (positive adds cost).
/// </summary>
public sealed record ExpenseChange : DriverChange
{
    public required ExpenseCategory Category { get; init; }

    public double? Relative { get; init; }

    public decimal? MonthlyAmount { get; init; }

    public override string Kind => "expense";

    public override string Describe() =>
        $"expense {Text.SnakeCase.Name(Category)}{(Relative is { } r ? " " + Percent(r) : "")}{(MonthlyAmount is { } m ? $" {(m >= 0 ? "+" : "")}{m:0.##}/month" : "")}{When()}";
}
