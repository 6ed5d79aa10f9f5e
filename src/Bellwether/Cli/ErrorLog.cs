using System.Globalization;
using System.Security.Cryptography;

namespace Bellwether.Cli;

/// <summary>
/// Where the last-resort handlers of the command line and the web host write what no user should read: the stack
/// trace of an unexpected error (a bug), under a short id that the one line the user sees names, in a file the line
/// names too. Appends; never throws (a log that cannot be written still leaves the id).
/// </summary>
public sealed class ErrorLog(string path)
{
    private static readonly Lock Gate = new();

    /// <summary><c>$TMPDIR/bellwether/errors.log</c>: one file for every bellwether process of this user.</summary>
    public static ErrorLog Default { get; } = new(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "bellwether", "errors.log"));

    public string Path { get; } = path;

    /// <summary>Logs the error with where it happened (a command line, a request); returns its id, e.g. <c>e3f09a2c</c>.</summary>
    public string Write(Exception error, string where, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(error);
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var entry = $"{at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)} error {id} in {where}\n{error}\n\n";
        try
        {
            lock (Gate)
            {
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
                File.AppendAllText(Path, entry);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nowhere to write: the id still tells the user that this was a bug, and the host's console log has it too.
        }

        return id;
    }
}
