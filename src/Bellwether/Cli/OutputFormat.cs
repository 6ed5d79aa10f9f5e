namespace Bellwether.Cli;

public enum OutputFormat
{
    Table,
    Json,
    Csv,
}
