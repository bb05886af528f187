using System.Globalization;
using EcrPublish.Scanning;
using EcrPublish.Validation;

namespace EcrPublish.Publishing;

/// <summary>Validates the scan settings (EcrScan, EcrScanTimeout, EcrScanFailOnSeverity, EcrScanIgnore, EcrScanFailOnFixableOnly, EcrScanSarifFile).</summary>
internal static class ScanSettingsValidator
{
    /// <summary>The settings, with every problem added to <paramref name="diagnostics"/>.</summary>
    /// <param name="inputs">The EcrScan* inputs.</param>
    /// <param name="timeout">EcrScanTimeout, parsed; the default when null.</param>
    /// <param name="push">EcrPush, parsed: without a push nothing is scanned, so a SARIF file cannot be written.</param>
    /// <param name="diagnostics">Where the errors go.</param>
    public static ScanSettings Validate(EcrPublishInputs inputs, TimeSpan? timeout, bool push, List<EcrDiagnostic> diagnostics)
    {
        var mode = InputParsing.ParseEnum<ScanMode>(inputs.Scan, "EcrScan", InputCodes.InvalidScanMode, diagnostics);
        return new ScanSettings(
            mode,
            timeout ?? PublishRequestValidator.DefaultScanTimeout,
            InputParsing.ParseEnum<FindingSeverity>(inputs.ScanFailOnSeverity, "EcrScanFailOnSeverity", InputCodes.InvalidSeverity, diagnostics))
        {
            Ignores = ValidateIgnores(inputs.ScanIgnores, diagnostics),
            FailOnFixableOnly = InputParsing.ParseBoolean(inputs.ScanFailOnFixableOnly, "EcrScanFailOnFixableOnly", diagnostics) ?? false,
            SarifFile = ValidateSarifFile(inputs, mode, push, diagnostics),
        };
    }

    private static List<ScanIgnore> ValidateIgnores(IReadOnlyList<ScanIgnoreInput> items, List<EcrDiagnostic> diagnostics)
    {
        var ignores = new List<ScanIgnore>();
        foreach (var item in items)
        {
            var name = item.Name.Trim();
            if (name.Length == 0 || name.Any(character => char.IsWhiteSpace(character) || character == ';'))
            {
                diagnostics.Add(EcrDiagnostic.Error(ScanInputCodes.InvalidIgnoreName,
                    $"EcrScanIgnore '{item.Name}' is not a finding name. Use the name the findings table shows, e.g. <EcrScanIgnore Include=\"CVE-2024-1234\" Expires=\"2027-01-31\" Reason=\"not reachable\" />."));
                continue;
            }

            DateOnly? expires = null;
            if (InputParsing.Blank(item.Expires) is { } text)
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    diagnostics.Add(EcrDiagnostic.Error(ScanInputCodes.InvalidIgnoreExpiry,
                        $"EcrScanIgnore '{name}' has Expires='{text}', which is not an ISO date. Use yyyy-MM-dd (e.g. 2027-01-31), the last day the finding is ignored, or remove Expires to ignore it with no end."));
                    continue;
                }

                expires = date;
            }

            if (ignores.Any(ignore => string.Equals(ignore.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                diagnostics.Add(EcrDiagnostic.Error(ScanInputCodes.DuplicateIgnore,
                    $"EcrScanIgnore '{name}' is listed twice. Keep one item per finding, with the date and reason that apply."));
                continue;
            }

            ignores.Add(new ScanIgnore(name, expires, InputParsing.Blank(item.Reason)));
        }

        return ignores;
    }

    private static string? ValidateSarifFile(EcrPublishInputs inputs, ScanMode? mode, bool push, List<EcrDiagnostic> diagnostics)
    {
        if (InputParsing.Blank(inputs.ScanSarifFile) is not { } path)
        {
            return null;
        }

        string full;
        try
        {
            full = Path.GetFullPath(path, inputs.ProjectDirectory);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException)
        {
            diagnostics.Add(EcrDiagnostic.Error(ScanInputCodes.InvalidSarifFile, $"EcrScanSarifFile '{path}' is not a valid file path. Use a path such as $(IntermediateOutputPath)ecr-scan.sarif."));
            return null;
        }

        if (Directory.Exists(full) || path.EndsWith('/') || path.EndsWith('\\'))
        {
            diagnostics.Add(EcrDiagnostic.Error(ScanInputCodes.InvalidSarifFile, $"EcrScanSarifFile '{path}' is a folder. Name the file to write, e.g. {Path.Combine(path, "ecr-scan.sarif")}."));
            return null;
        }

        if (mode == ScanMode.None || !push)
        {
            diagnostics.Add(EcrDiagnostic.Error(ScanInputCodes.SarifFileWithoutScan,
                $"EcrScanSarifFile is set, but {(push ? "EcrScan=None" : "EcrPush=false")} means nothing is scanned. Remove EcrScanSarifFile, or scan (EcrScan=Wait or Start, with the push)."));
            return null;
        }

        return full;
    }
}
