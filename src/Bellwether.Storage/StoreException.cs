namespace Bellwether.Storage;

/// <summary>A store problem a person can act on, with a one-line message (the file is locked, the schema is newer).</summary>
public sealed class StoreException : Exception
{
    public StoreException(string message)
        : base(message)
    {
    }

    public StoreException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>True when another process holds the store (an embedded file is opened by one process at a time).</summary>
    public bool InUse { get; init; }

    /// <summary>The process that holds the store, when the database names it.</summary>
    public int? HeldByPid { get; init; }
}
