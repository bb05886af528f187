using System.Text;
using EcrPublish.Cli.Execution;

namespace EcrPublish.Cli.Help;

/// <summary>
/// The examples of the ECR cheat sheet (embedded), keyed by command (<c>describe-images</c>,
/// <c>wait image-scan-complete</c>), with <c>aws ecr</c> written as <c>dotnet ecr</c>.
/// </summary>
internal static class CheatSheetExamples
{
    private static readonly Lazy<Dictionary<string, IReadOnlyList<string>>> s_examples = new(Load);

    public static IReadOnlyList<string> For(string command) =>
        s_examples.Value.TryGetValue(command, out var examples) ? examples : [];

    /// <summary>Reads the shell blocks of a cheat sheet: each statement (continuation lines joined) with its comment.</summary>
    public static Dictionary<string, IReadOnlyList<string>> Parse(string markdown)
    {
        var examples = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var inShell = false;
        string? comment = null;
        var statement = new StringBuilder();
        foreach (var line in markdown.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inShell = !inShell && line.Trim() == "```bash";
                comment = null;
                continue;
            }

            if (!inShell)
            {
                continue;
            }

            if (statement.Length == 0 && line.TrimStart().StartsWith('#'))
            {
                comment = line.Trim();
                continue;
            }

            if (line.Trim().Length == 0 && statement.Length == 0)
            {
                comment = null;
                continue;
            }

            statement.Append(line).Append('\n');
            if (line.EndsWith('\\'))
            {
                continue;
            }

            AddStatement(examples, comment, statement.ToString().TrimEnd('\n'));
            statement.Clear();
        }

        return examples.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value, StringComparer.Ordinal);
    }

    private static void AddStatement(Dictionary<string, List<string>> examples, string? comment, string statement)
    {
        var text = statement.Replace("aws ecr ", "dotnet ecr ", StringComparison.Ordinal);
        var at = 0;
        while ((at = text.IndexOf("dotnet ecr ", at, StringComparison.Ordinal)) >= 0)
        {
            at += "dotnet ecr ".Length;
            var words = text[at..].Split([' ', '\n', '\\'], StringSplitOptions.RemoveEmptyEntries);
            var command = words[0] == "wait" && words.Length > 1 ? "wait " + words[1] : words[0];
            if (!examples.TryGetValue(command, out var list))
            {
                examples[command] = list = [];
            }

            var example = comment is null ? text : comment + "\n" + text;
            if (!list.Contains(example))
            {
                list.Add(example);
            }
        }
    }

    private static Dictionary<string, IReadOnlyList<string>> Load()
    {
        using var stream = typeof(CheatSheetExamples).Assembly.GetManifestResourceStream("EcrPublish.Cli.Resources.cheat-sheet.md")
            ?? throw new InvalidOperationException($"{CliErrorCodes.MissingResource}: the tool is missing its embedded cheat sheet; reinstall dotnet-ecr.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}
