using System.Text.Json;

namespace EcrPublish.Validation;

/// <summary>
/// Reads a lifecycle or repository policy file and checks that it is a JSON object, so a typo fails the
/// build before any repository is created instead of as an ECR API error halfway through.
/// </summary>
public static class PolicyFileReader
{
    /// <summary>Returns the file's text, or null after adding an error to <paramref name="diagnostics"/>.</summary>
    public static string? Read(string path, string propertyName, ICollection<EcrDiagnostic> diagnostics)
    {
        if (!File.Exists(path))
        {
            diagnostics.Add(EcrDiagnostic.Error(
                InputCodes.PolicyFileMissing,
                $"{propertyName} points at '{path}', which does not exist. Fix the path (relative paths are relative to the project directory) or remove {propertyName}."));
            return null;
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(EcrDiagnostic.Error(
                InputCodes.PolicyFileUnreadable,
                $"{propertyName} file '{path}' cannot be read: {exception.Message} Make the file readable by the build, or remove {propertyName}."));
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return text;
            }

            diagnostics.Add(EcrDiagnostic.Error(
                InputCodes.PolicyFileNotJson,
                $"{propertyName} file '{path}' must contain a JSON object, but it contains a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}."));
        }
        catch (JsonException exception)
        {
            diagnostics.Add(EcrDiagnostic.Error(
                InputCodes.PolicyFileNotJson,
                $"{propertyName} file '{path}' is not valid JSON: {exception.Message} Fix the file; it must hold the policy document exactly as ECR expects it."));
        }

        return null;
    }
}
