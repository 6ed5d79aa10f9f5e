namespace Bellwether.Cli;

/// <summary>A failure the user can fix, reported as one line and exit code 1, without a stack trace.</summary>
public sealed class UserErrorException(string message) : Exception(message);
