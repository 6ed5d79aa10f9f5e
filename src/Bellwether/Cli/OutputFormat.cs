namespace Bellwether.Cli;

/// <summary>
/// How a command prints: <c>table</c> for people, <c>json</c> and <c>csv</c> for scripts and spreadsheets; documents
/// (the digest) also print as <c>md</c> (Markdown) and <c>html</c>.
/// </summary>
public enum OutputFormat
{
    Table,
    Json,
    Csv,
    Md,
    Html,
}
