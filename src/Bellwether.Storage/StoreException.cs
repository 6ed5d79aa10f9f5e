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
}
