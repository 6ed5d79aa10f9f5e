namespace Bellwether.Testing;

/// <summary>A clock that says what the test sets: the instants edits are recorded at, without sleeping.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
