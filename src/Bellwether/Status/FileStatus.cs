namespace Bellwether.Status;

/// <summary>
/// One file of a workspace: its rows and time range — <see cref="From"/> and <see cref="To"/> the first and last
/// value of its <see cref="DateColumn"/> for a dated file, <see cref="FirstPeriod"/> and <see cref="LastPeriod"/> the
/// labels of its first and last period for quotas and plans (whose <see cref="DateColumn"/> is <c>period</c>).
/// </summary>
public sealed record FileStatus(string File, long Rows, string? DateColumn, DateTimeOffset? From, DateTimeOffset? To, string? FirstPeriod, string? LastPeriod);
