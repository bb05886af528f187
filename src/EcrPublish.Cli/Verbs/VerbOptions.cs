using EcrPublish.Cli.Arguments;

namespace EcrPublish.Cli.Verbs;

/// <summary>The options of a verb beyond the AWS CLI (<c>images cleanup</c>, <c>scan report</c>): valued options and flags.</summary>
internal sealed class VerbOptions
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    private VerbOptions()
    {
    }

    public static VerbOptions Parse(IReadOnlyList<string> words, IReadOnlySet<string> valued, IReadOnlySet<string> flags)
    {
        var options = new VerbOptions();
        for (var i = 0; i < words.Count; i++)
        {
            var (name, inline) = CommandLineParser.SplitOption(words[i]);
            if (flags.Contains(name) && inline is null)
            {
                options._flags.Add(name);
            }
            else if (valued.Contains(name))
            {
                var value = inline ?? (i + 1 < words.Count && !words[i + 1].StartsWith("--", StringComparison.Ordinal)
                    ? words[++i]
                    : throw new CliUsageException($"argument {name}: expected one argument", showUsage: true));
                options._values[name] = value;
            }
            else
            {
                throw new CliUsageException("Unknown options: " + string.Join(", ", words.Skip(i)), showUsage: true);
            }
        }

        return options;
    }

    public string? Value(string name) => _values.GetValueOrDefault(name);

    public string Required(string name) =>
        Value(name) ?? throw new CliUsageException("the following arguments are required: " + name, showUsage: true);

    public bool Flag(string name) => _flags.Contains(name);
}
