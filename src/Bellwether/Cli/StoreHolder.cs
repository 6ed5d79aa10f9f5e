using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;

namespace Bellwether.Cli;

/// <summary>
/// A note left beside the embedded store file by the bellwether process that holds it, so that another command on the
/// same file can say in one line who holds it and what to do, instead of DuckDB's lock error. <c>serve</c> leaves
/// <c>FILE.server</c> (with its address) while it serves; an import leaves <c>FILE.import</c> while it runs. A note is
/// removed when its process lets go of the file; one left by a process that died is recognised by its pid and start
/// time, ignored and removed.
/// </summary>
/// <param name="Command">The command holding the file: <c>serve</c>, <c>import</c> or <c>demo</c>.</param>
/// <param name="Pid">Its process id.</param>
/// <param name="ProcessStart">When that process started (UTC), so that a reused pid is not taken for it.</param>
/// <param name="Address">Where <c>serve</c> listens (<c>http://127.0.0.1:5000</c>); null for an import.</param>
public sealed record StoreHolder(string Command, int Pid, DateTimeOffset ProcessStart, string? Address)
{
    private static readonly string[] Kinds = ["server", "import"];

    /// <summary>This process, holding the file for <paramref name="command"/>.</summary>
    public static StoreHolder Current(string command, string? address)
    {
        using var self = Process.GetCurrentProcess();
        return new StoreHolder(command, self.Id, self.StartTime.ToUniversalTime(), address);
    }

    /// <summary>Where the note of a holder is: <c>bellwether.duckdb.server</c> for serve, <c>bellwether.duckdb.import</c> for imports.</summary>
    public static string NotePath(string db, string command) => $"{db}.{(command == "serve" ? "server" : "import")}";

    /// <summary>Leaves the note until the result is disposed.</summary>
    public static IDisposable Leave(string db, StoreHolder holder)
    {
        ArgumentNullException.ThrowIfNull(holder);
        var path = NotePath(db, holder.Command);
        var temporary = $"{path}.{holder.Pid}.tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(holder));
        File.Move(temporary, path, overwrite: true);
        return new Note(path, holder);
    }

    /// <summary>The live holder whose note is beside the file (the server's first), or null; stale notes are removed.</summary>
    public static StoreHolder? Find(string db)
    {
        foreach (var kind in Kinds)
        {
            var path = $"{db}.{kind}";
            var holder = Read(path);
            if (holder is null)
            {
                continue;
            }

            if (holder.IsAlive())
            {
                return holder;
            }

            TryDelete(path);
        }

        return null;
    }

    /// <summary>
    /// What a command (<paramref name="attempted"/>, e.g. <c>import</c>) says when this holder has the file, in one line:
    /// <c>./bellwether.duckdb is held by bellwether serve (pid 1234) at http://127.0.0.1:5000 — see it there (dashboard, or the API under …) or stop it</c>.
    /// </summary>
    public string Message(string db, string attempted)
    {
        var file = Shown(db);
        if (Command != "serve")
        {
            return $"{file} is held by bellwether {Command} (pid {Pid}), started {ProcessStart.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC — wait for it to finish";
        }

        var what = attempted switch
        {
            // A folder of the folder format goes through the server (ServerImport); what reaches here needs the file itself.
            "import" => $"stop it to import with --preset, --mapping or --report (a folder of the folder format is imported through it, as its Import page at {Address}/import does)",
            "demo" => $"import through its Import page ({Address}/import) or stop it",
            "serve" => "it is served there already",
            _ => $"see it there (dashboard, or the API under {Address}/api/v1) or stop it",
        };
        return $"{file} is held by bellwether serve (pid {Pid}) at {Address} — {what}";
    }

    /// <summary>The message for a file held by a process that left no note (DuckDB named its pid, or not).</summary>
    public static string Unknown(string db, int? pid) =>
        $"{Shown(db)} is held by another process{(pid is { } p ? $" (pid {p})" : "")} — wait for it to finish or stop it";

    /// <summary>A bare file name as ./name, so that it reads as a path.</summary>
    private static string Shown(string db) => Path.IsPathRooted(db) || db.StartsWith('.') || db.Contains('/', StringComparison.Ordinal) ? db : "./" + db;

    private static StoreHolder? Read(string path)
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<StoreHolder>(File.ReadAllText(path)) : null;
        }
        catch (JsonException)
        {
            // A note half-written or written by hand says nothing reliable: as if there were none.
            return null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private bool IsAlive()
    {
        try
        {
            using var process = Process.GetProcessById(Pid);
            return !process.HasExited && Math.Abs((process.StartTime.ToUniversalTime() - ProcessStart).TotalSeconds) < 2;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception)
        {
            // Its start time cannot be read (another user's process): a process with that pid runs, so assume it is the one.
            return true;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Another process removed or replaced it meanwhile; either way it is not ours to keep.
        }
    }

    private sealed class Note(string path, StoreHolder holder) : IDisposable
    {
        public void Dispose()
        {
            // Only our own note: a later holder may have replaced it.
            if (Read(path) == holder)
            {
                TryDelete(path);
            }
        }
    }
}
