namespace Bellwether.Core.Scenarios;

/// <summary>A rep leaves on <see cref="DriverChange.From"/> (or at once): they create no pipeline from then on; their open deals stay.</summary>
public sealed record RemoveRepChange : DriverChange
{
    public required string RepId { get; init; }

    public override string Kind => "remove_rep";

    public override string Describe() => $"remove_rep {RepId}{When()}";
}
