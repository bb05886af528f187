namespace EcrPublish.Cli.Arguments;

/// <summary>
/// First pass over the words: takes out the global options wherever they are (as the AWS CLI's
/// <c>parse_known_args</c> does), the leading command words, and leaves the operation's options for
/// <see cref="OperationOptionParser"/>.
/// </summary>
internal static class CommandLineParser
{
    private static readonly HashSet<string> s_outputs = ["json", "text", "table", "yaml", "yaml-stream"];

    public static ParsedCommandLine Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        var globals = new GlobalOptions
        {
            Output = environment("AWS_DEFAULT_OUTPUT") is { Length: > 0 } output && s_outputs.Contains(output) ? output : "json",
        };
        globals = globals with { OutputChosen = globals.Output != "json" || environment("AWS_DEFAULT_OUTPUT") == "json" };
        var rest = new List<string>();
        var help = false;
        var version = false;

        for (var i = 0; i < args.Count; i++)
        {
            var word = args[i];
            var (name, inlineValue) = SplitOption(word);
            // dotnet publish has its own --output (a folder): after "publish" it passes through untouched.
            if (name is "--output" or "-o" && rest.FirstOrDefault(w => !w.StartsWith('-')) == "publish")
            {
                rest.Add(word);
                continue;
            }

            switch (name)
            {
                case "--region": globals = globals with { Region = Value(args, ref i, name, inlineValue) }; break;
                case "--profile": globals = globals with { Profile = Value(args, ref i, name, inlineValue) }; break;
                case "--endpoint-url": globals = globals with { EndpointUrl = Value(args, ref i, name, inlineValue) }; break;
                case "--query": globals = globals with { Query = Value(args, ref i, name, inlineValue) }; break;
                case "--output": globals = globals with { Output = OutputFormat(Value(args, ref i, name, inlineValue)), OutputChosen = true }; break;
                case "--no-paginate": globals = globals with { Paginate = false }; break;
                case "--debug": globals = globals with { Debug = true }; break;
                // Accepted for compatibility with scripts written for the AWS CLI; they change nothing here.
                case "--no-cli-pager" or "--no-cli-auto-prompt" or "--no-verify-ssl" or "--no-sign-request": break;
                case "--color" or "--cli-read-timeout" or "--cli-connect-timeout" or "--cli-binary-format" or "--ca-bundle":
                    Value(args, ref i, name, inlineValue);
                    break;
                case "--help" or "-h": help = true; break;
                case "--version": version = true; break;
                default: rest.Add(word); break;
            }
        }

        var commandWords = rest.TakeWhile(w => !w.StartsWith('-')).ToList();
        if (commandWords.Count > 0 && commandWords[^1] == "help")
        {
            help = true;
            commandWords.RemoveAt(commandWords.Count - 1);
        }

        // Command groups take a second word: "wait image-scan-complete", "images cleanup", "scan report", "lifecycle preview".
        var wordsInPath = commandWords.Count > 0 && commandWords[0] is "wait" or "images" or "scan" or "lifecycle" ? 2 : 1;
        var path = commandWords.Take(wordsInPath).ToList();
        var optionWords = rest.Skip(path.Count).ToList();
        if (help)
        {
            optionWords.RemoveAll(w => w == "help");
        }

        return new ParsedCommandLine(globals, path, optionWords, help) { VersionRequested = version };
    }

    /// <summary>Splits <c>--name=value</c>; other words come back whole with no inline value.</summary>
    public static (string Name, string? InlineValue) SplitOption(string word)
    {
        if (word.StartsWith("--", StringComparison.Ordinal) && word.IndexOf('=', StringComparison.Ordinal) is > 2 and var equals)
        {
            return (word[..equals], word[(equals + 1)..]);
        }

        return (word, null);
    }

    private static string Value(IReadOnlyList<string> args, ref int i, string name, string? inlineValue)
    {
        if (inlineValue is not null)
        {
            return inlineValue;
        }

        if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new CliUsageException($"argument {name}: expected one argument", showUsage: true);
        }

        return args[++i];
    }

    private static string OutputFormat(string value) => s_outputs.Contains(value)
        ? value
        : throw new CliUsageException(
            $"argument --output: Invalid choice '{value}', valid choices are: json, text, table, yaml, yaml-stream",
            showUsage: true);
}
