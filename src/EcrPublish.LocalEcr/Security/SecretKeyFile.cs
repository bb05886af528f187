namespace EcrPublish.LocalEcr.Security;

/// <summary>Reads <c>--secret-key-file</c>: the key is the file's content without its final line break.</summary>
internal static class SecretKeyFile
{
    public static string Read(string path)
    {
        string content;
        try
        {
            content = File.ReadAllText(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new LocalEcrException("ECR5006", $"Cannot read --secret-key-file '{path}': {error.Message}. Pass a readable file that holds only the secret key.", error);
        }

        var key = content.TrimEnd('\r', '\n');
        return key.Length > 0 && !key.Contains('\n', StringComparison.Ordinal)
            ? key
            : throw new LocalEcrException("ECR5006", $"--secret-key-file '{path}' must hold the secret key on one line; it holds {(key.Length == 0 ? "nothing" : "several lines")}.");
    }
}
