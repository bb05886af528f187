using System.Globalization;

namespace EcrPublish.Scanning;

/// <summary>
/// Maps ECR's severities to SARIF's <c>level</c> and to the <c>security-severity</c> score GitHub code scanning ranks
/// alerts by (critical above 9.0, high 7.0–8.9, medium 4.0–6.9, low 0.1–3.9). A CVSS score is used when it falls in the
/// band of ECR's severity, and clamped into it otherwise, so GitHub shows the severity the gate used.
/// </summary>
public static class SarifSecuritySeverity
{
    /// <summary><c>error</c> for CRITICAL and HIGH, <c>warning</c> for MEDIUM, <c>note</c> for the rest.</summary>
    public static string Level(string severity) => severity.ToUpperInvariant() switch
    {
        "CRITICAL" or "HIGH" => "error",
        "MEDIUM" => "warning",
        _ => "note",
    };

    /// <summary>The score as GitHub reads it: a number from 0.0 to 10.0 in a string.</summary>
    public static string Score(string severity, double? cvss) => Value(severity, cvss).ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>The numeric score, for picking the most severe finding of a rule.</summary>
    public static double Value(string severity, double? cvss)
    {
        var (low, high, typical) = severity.ToUpperInvariant() switch
        {
            "CRITICAL" => (9.0, 10.0, 9.5),
            "HIGH" => (7.0, 8.9, 8.0),
            "MEDIUM" => (4.0, 6.9, 5.5),
            "LOW" => (0.1, 3.9, 2.0),
            _ => (0.0, 0.0, 0.0),
        };
        return cvss is { } score ? Math.Clamp(Math.Round(score, 1), low, high) : typical;
    }
}
