namespace Bellwether.Cli;

/// <summary>What a bellwether process's exit code says (documented in README.md).</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The command failed: bad arguments, an unreadable file, a locked store. One line on stderr says why.</summary>
    public const int Failed = 1;

    /// <summary>An import found errors and stored nothing.</summary>
    public const int ImportRejected = 2;

    /// <summary>An import with --skip-invalid stored the valid rows and rejected some.</summary>
    public const int ImportPartial = 3;

    /// <summary>Stopped by Ctrl+C: 128 + SIGINT, as shells report a process interrupted.</summary>
    public const int Cancelled = 130;
}
