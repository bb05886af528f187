using System.Text;
using System.Text.RegularExpressions;

namespace EcrPublish.Cli.Arguments;

/// <summary>
/// <c>file://path</c> (text) and <c>fileb://path</c> (bytes) values, accepted for any option as the AWS CLI
/// does (<c>awscli/paramfile.py</c>). <c>~</c> and environment variables in the path are expanded.
/// </summary>
internal static partial class ParameterFileLoader
{
    public const string TextPrefix = "file://";
    public const string BinaryPrefix = "fileb://";

    /// <summary>The file's content when <paramref name="value"/> names one; otherwise null.</summary>
    public static ParameterFileContent? TryLoad(string value, string cliName)
    {
        var binary = value.StartsWith(BinaryPrefix, StringComparison.Ordinal);
        if (!binary && !value.StartsWith(TextPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var path = ExpandPath(value[(binary ? BinaryPrefix : TextPrefix).Length..]);
        try
        {
            var bytes = File.ReadAllBytes(path);
            if (binary)
            {
                return new ParameterFileContent(null, bytes);
            }

            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            return new ParameterFileContent(text.TrimStart('\uFEFF'), bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new ParameterException(cliName,
                $"Unable to load paramfile ({path}), text contents could not be decoded.  If this is a binary file, please use the fileb:// prefix instead of the file:// prefix.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ParameterException(cliName, $"Unable to load paramfile {value}: {e.Message}");
        }
    }

    private static string ExpandPath(string path)
    {
        // Python's os.path.expandvars: $NAME and ${NAME} are replaced when set, left alone otherwise.
        path = EnvironmentReference().Replace(path, m =>
            Environment.GetEnvironmentVariable(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value) ?? m.Value);
        if (path == "~" || path.StartsWith("~/", StringComparison.Ordinal))
        {
            path = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) + path[1..];
        }

        return path;
    }

    [GeneratedRegex(@"\$(?:\{([^}]+)\}|(\w+))")]
    private static partial Regex EnvironmentReference();
}
