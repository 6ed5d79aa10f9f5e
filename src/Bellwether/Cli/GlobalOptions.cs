using System.CommandLine;
using System.CommandLine.Parsing;
using Bellwether.Storage;
using Bellwether.Storage.DuckDb;

namespace Bellwether.Cli;

/// <summary>The options every command takes: which store, which company in it, and how to print.</summary>
public sealed class GlobalOptions
{
    public const string DbVariable = "BELLWETHER_DB";
    public const string WorkspaceVariable = "BELLWETHER_WORKSPACE";
    public const string DefaultWorkspace = "default";

    public Option<string?> Db { get; } = new("--db")
    {
        Description = $"The store: a DuckDB file (default ./{DuckDbStore.DefaultPath}, or ${DbVariable})",
        Recursive = true,
    };

    public Option<string?> Workspace { get; } = new("--workspace")
    {
        Description = $"The company within the store (default {DefaultWorkspace}, or ${WorkspaceVariable})",
        Recursive = true,
    };

    public Option<OutputFormat> Format { get; } = new("--format")
    {
        // Table is the enum's default value, so no default factory: help then shows the lower-case names users type.
        Description = "How to print data: table (default), json or csv; the digest also md or html",
        HelpName = "table|json|csv",
        Recursive = true,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            var command = (result.Parent?.Parent as CommandResult)?.Command.Name;
            var document = command is DocumentCommand;
            if (text.All(char.IsAsciiLetter) && Enum.TryParse<OutputFormat>(text, ignoreCase: true, out var format)
                && (document ? format is not OutputFormat.Csv : format is OutputFormat.Table or OutputFormat.Json or OutputFormat.Csv))
            {
                return format;
            }

            result.AddError(document
                ? $"--format: \"{text}\" is not a format of the {command} (md, html or json)"
                : $"--format: \"{text}\" is not a format (table, json or csv)");
            return OutputFormat.Table;
        },
    };

    /// <summary>The command whose output is a document, which also prints as Markdown and HTML.</summary>
    private const string DocumentCommand = "digest";

    public void AddTo(RootCommand root)
    {
        root.Options.Add(Db);
        root.Options.Add(Workspace);
        root.Options.Add(Format);
    }

    public string DbPath(ParseResult result, CliContext context) =>
        result.GetValue(Db) ?? context.Environment(DbVariable) ?? DuckDbStore.DefaultPath;

    public string WorkspaceName(ParseResult result, CliContext context) =>
        result.GetValue(Workspace) ?? context.Environment(WorkspaceVariable) ?? DefaultWorkspace;

    public IStore OpenStore(ParseResult result, CliContext context) => Open(DbPath(result, context), result, context);

    /// <summary>Opens the store only if its file exists: commands that read must not create an empty store by accident.</summary>
    public IStore OpenExistingStore(ParseResult result, CliContext context)
    {
        var path = DbPath(result, context);
        if (!File.Exists(path))
        {
            throw new UserErrorException($"{path}: no store here yet (run `bellwether import FOLDER` or `bellwether demo` first, or pass --db)");
        }

        return Open(path, result, context);
    }

    /// <summary>
    /// Refuses, in one line that says what to do, a file another bellwether process holds (see <see cref="StoreHolder"/>):
    /// DuckDB lets one process open a file.
    /// </summary>
    public void ThrowIfHeld(ParseResult result, CliContext context)
    {
        var path = DbPath(result, context);
        if (StoreHolder.Find(path) is { Command: "serve" } server)
        {
            throw new UserErrorException(server.Message(path, result.CommandResult.Command.Name));
        }
    }

    private DuckDbStore Open(string path, ParseResult result, CliContext context)
    {
        ThrowIfHeld(result, context);
        try
        {
            return DuckDbStore.Open(path, context.Clock, context.MemoryAvailable);
        }
        catch (StoreException e) when (e.HeldByPid is not null || e.InUse)
        {
            var holder = StoreHolder.Find(path);
            throw new UserErrorException(holder?.Message(path, result.CommandResult.Command.Name) ?? StoreHolder.Unknown(path, e.HeldByPid));
        }
    }
}
