namespace EcrPublish.Aws;

/// <summary>
/// The shared AWS config file (AWS_CONFIG_FILE, else ~/.aws/config) read the way botocore reads it: sections
/// <c>[default]</c>, <c>[profile name]</c> and <c>[services name]</c>; keys lower-cased; <c>key = value</c> or
/// <c>key: value</c>; full-line comments with <c>#</c> or <c>;</c>; an empty value followed by indented lines is a
/// nested block (<c>ecr =</c> / <c>  endpoint_url = ...</c>), stored here as the key <c>ecr.endpoint_url</c>.
/// AWSSDK.Core parses <c>[services]</c> sections only privately, hence this reader.
/// </summary>
internal sealed class AwsConfigFile
{
    private readonly Dictionary<string, Dictionary<string, string>> sections;

    private AwsConfigFile(string? path, Dictionary<string, Dictionary<string, string>> sections)
    {
        Path = path;
        this.sections = sections;
    }

    /// <summary>Where the file was read from (null for text parsed in memory).</summary>
    public string? Path { get; }

    /// <summary>The file the AWS CLI would read: AWS_CONFIG_FILE, else ~/.aws/config.</summary>
    public static string DefaultPath(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment("AWS_CONFIG_FILE") is { Length: > 0 } configured
            ? configured
            : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".aws", "config");
    }

    /// <summary>Reads the file; a missing file is an empty configuration, like for the AWS CLI.</summary>
    public static AwsConfigFile Load(string path)
    {
        try
        {
            return File.Exists(path) ? Parse(File.ReadAllText(path), path) : new AwsConfigFile(path, []);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new EcrClientException(
                AwsClientErrorCodes.InvalidEndpoint,
                $"The AWS config file {path} cannot be read ({exception.Message}). Fix its permissions or point AWS_CONFIG_FILE elsewhere.",
                exception);
        }
    }

    /// <summary>Parses config file text.</summary>
    public static AwsConfigFile Parse(string text, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parsed = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        Dictionary<string, string>? section = null;
        string? nestedParent = null;
        foreach (var rawLine in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            var indented = char.IsWhiteSpace(rawLine[0]);
            if (!indented && line[0] == '[' && line[^1] == ']')
            {
                var name = string.Join(' ', line[1..^1].Split(' ', '\t', StringSplitOptions.RemoveEmptyEntries));
                section = parsed.TryGetValue(name, out var existing) ? existing : parsed[name] = new(StringComparer.OrdinalIgnoreCase);
                nestedParent = null;
                continue;
            }

            if (section is null || !TrySplit(line, out var key, out var value))
            {
                continue;
            }

            if (indented && nestedParent is not null)
            {
                section[nestedParent + "." + key] = value;
            }
            else
            {
                section[key] = value;
                nestedParent = value.Length == 0 ? key : null;
            }
        }

        return new AwsConfigFile(path, parsed);
    }

    /// <summary>The settings of a profile (<c>[profile name]</c>; for <c>default</c> also <c>[default]</c>), or null.</summary>
    public IReadOnlyDictionary<string, string>? Profile(string name) =>
        sections.GetValueOrDefault("profile " + name) ?? (name == "default" ? sections.GetValueOrDefault("default") : null);

    /// <summary>The <c>[services name]</c> section (nested keys like <c>ecr.endpoint_url</c>), or null.</summary>
    public IReadOnlyDictionary<string, string>? ServicesSection(string name) => sections.GetValueOrDefault("services " + name);

    private static bool TrySplit(string line, out string key, out string value)
    {
        var separator = line.IndexOfAny(['=', ':']);
        if (separator <= 0)
        {
            key = value = string.Empty;
            return false;
        }

        key = line[..separator].Trim().ToLowerInvariant();
        value = line[(separator + 1)..].Trim();
        return true;
    }
}
