using System.Globalization;
using System.Text;

namespace EcrPublish.Publishing;

/// <summary>
/// Appends the step outputs (<c>image</c>, <c>digest</c>, <c>tags</c>, <c>sbom-file</c>,
/// <c>signing-status</c> and <c>signatures</c> when ECR signed the image) to <c>$GITHUB_OUTPUT</c> and a Markdown
/// table to <c>$GITHUB_STEP_SUMMARY</c>, when GitHub Actions provides them. Follows Nerdbank.GitVersioning:
/// UTF-8 without BOM, an exclusive open (parallel MSBuild nodes append to the same file, and append mode is
/// a seek, not O_APPEND), heredoc syntax for values that may hold newlines.
/// </summary>
public static class GitHubActionsReport
{
    public static void Write(EcrPublishResult result, IReadOnlyDictionary<string, string?> environment)
    {
        if (result.Images.Count == 0)
        {
            return;
        }

        if (environment.TryGetValue("GITHUB_OUTPUT", out var outputFile) && !string.IsNullOrEmpty(outputFile))
        {
            var image = result.Images[0];
            var outputs = new StringBuilder();
            AppendOutput(outputs, "image", $"{image.RepositoryUri}@{image.Digest}");
            AppendOutput(outputs, "digest", image.Digest);
            AppendOutput(outputs, "tags", string.Join("\n", image.Tags.Select(tag => $"{image.RepositoryUri}:{tag}")));
            if (result.Images.Count > 1)
            {
                // EcrDestination items: the same digest in every registry, one line each, the main one first.
                AppendOutput(outputs, "images", string.Join("\n", result.Images.Select(each => $"{each.RepositoryUri}@{each.Digest}")));
            }

            if (image.SbomFile is { } sbomFile)
            {
                AppendOutput(outputs, "sbom-file", sbomFile);
            }

            if (image.SarifFile is { } sarifFile)
            {
                AppendOutput(outputs, "sarif-file", sarifFile);
            }

            if (image.Signing is { } signing)
            {
                AppendOutput(outputs, "signing-status", signing.Status);
                AppendOutput(outputs, "signatures", string.Join("\n", signing.SignatureDigests));
            }

            Append(outputFile, outputs.ToString());
        }

        if (environment.TryGetValue("GITHUB_STEP_SUMMARY", out var summaryFile) && !string.IsNullOrEmpty(summaryFile))
        {
            Append(summaryFile, Summary(result));
        }
    }

    public static string Summary(EcrPublishResult result)
    {
        var summary = new StringBuilder("### Published to Amazon ECR\n\n| image | digest | tags | scan |\n| --- | --- | --- | --- |\n");
        foreach (var image in result.Images)
        {
            var findings = string.Join(", ", image.FindingCounts.Where(pair => pair.Value > 0).Select(pair => $"{pair.Value} {pair.Key}"));
            var scan = image.ScanStatus is null ? "not scanned" : $"{image.ScanStatus}{(findings.Length > 0 ? $": {findings}" : "")}";
            summary.Append(CultureInfo.InvariantCulture, $"| `{image.RepositoryUri}` | `{image.Digest}` | {string.Join(" ", image.Tags.Select(tag => $"`{tag}`"))} | {scan} |\n");
        }

        return summary.Append('\n').ToString();
    }

    private static void AppendOutput(StringBuilder outputs, string name, string value)
    {
        if (!value.Contains('\n', StringComparison.Ordinal))
        {
            outputs.Append(name).Append('=').Append(value).Append('\n');
            return;
        }

        var delimiter = $"ghadelimiter_{Guid.NewGuid():N}";
        outputs.Append(name).Append("<<").Append(delimiter).Append('\n').Append(value).Append('\n').Append(delimiter).Append('\n');
    }

    private static void Append(string path, string text)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                var prefix = NeedsNewline(stream) ? "\n" : "";
                stream.Seek(0, SeekOrigin.End);
                var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(prefix + text);
                stream.Write(bytes);
                return;
            }
            catch (IOException) when (attempt < 20)
            {
                Thread.Sleep(50 * attempt);
            }
        }
    }

    private static bool NeedsNewline(FileStream stream)
    {
        if (stream.Length == 0)
        {
            return false;
        }

        stream.Seek(-1, SeekOrigin.End);
        return stream.ReadByte() != '\n';
    }
}
