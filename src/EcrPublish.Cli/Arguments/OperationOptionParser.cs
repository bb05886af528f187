namespace EcrPublish.Cli.Arguments;

/// <summary>
/// Second pass: matches the words after the command against its <see cref="OperationArgumentTable"/> with
/// argparse's rules (one value per option, every following word for lists, none for booleans, last one wins).
/// </summary>
internal static class OperationOptionParser
{
    public static Dictionary<OperationArgument, IReadOnlyList<string>> Parse(IReadOnlyList<string> words, OperationArgumentTable table)
    {
        var values = new Dictionary<OperationArgument, IReadOnlyList<string>>();
        var unknown = new List<string>();
        for (var i = 0; i < words.Count; i++)
        {
            var (name, inlineValue) = CommandLineParser.SplitOption(words[i]);
            var argument = name.StartsWith("--", StringComparison.Ordinal) ? table.Find(name[2..]) : null;
            if (argument is null)
            {
                unknown.Add(words[i]);
                continue;
            }

            if (argument.Kind == OperationArgumentKind.NegatedMember || argument.IsBoolean)
            {
                if (inlineValue is not null)
                {
                    throw new CliUsageException($"argument {name}: ignored explicit argument '{inlineValue}'", showUsage: true);
                }

                // --force and --no-force share one destination: the last one given wins.
                values.Remove(table.Find(argument.Kind == OperationArgumentKind.NegatedMember ? argument.CliName[3..] : "no-" + argument.CliName)!);
                values[argument] = [];
                continue;
            }

            if (argument.Kind == OperationArgumentKind.GenerateCliSkeleton)
            {
                // argparse's nargs='?' with const 'input': the next word is its value unless it is an option.
                values[argument] = [inlineValue ?? (i + 1 < words.Count && !LooksLikeOption(words[i + 1]) ? words[++i] : "input")];
                continue;
            }

            var taken = new List<string>();
            if (inlineValue is not null)
            {
                taken.Add(inlineValue);
            }
            else
            {
                while (i + 1 < words.Count && !LooksLikeOption(words[i + 1]) && (argument.TakesManyValues || taken.Count == 0))
                {
                    taken.Add(words[++i]);
                }
            }

            if (taken.Count == 0 && !argument.TakesManyValues)
            {
                throw new CliUsageException($"argument {name}: expected one argument", showUsage: true);
            }

            values[argument] = taken;
        }

        if (unknown.Count > 0)
        {
            throw new CliUsageException("Unknown options: " + string.Join(", ", unknown), showUsage: true);
        }

        return values;
    }

    private static bool LooksLikeOption(string word) => word.StartsWith("--", StringComparison.Ordinal) && word.Length > 2;
}
