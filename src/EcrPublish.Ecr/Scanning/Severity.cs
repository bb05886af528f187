namespace EcrPublish.Scanning;

/// <summary>
/// ECR's finding severities, ordered. Enhanced scanning (Amazon Inspector) reports free strings such as
/// <c>UNTRIAGED</c>, so unknown values are tolerated and rank with <c>UNDEFINED</c>.
/// </summary>
public static class Severity
{
    /// <summary>Most severe first.</summary>
    public static IReadOnlyList<string> Ordered { get; } = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL", "UNDEFINED"];

    /// <summary>A rank where larger is more severe: CRITICAL 5 … INFORMATIONAL 1, UNDEFINED and unknown values 0.</summary>
    public static int Rank(string severity)
    {
        var index = IndexOf(severity);
        return index < 0 ? 0 : Ordered.Count - 1 - index;
    }

    /// <summary>True for one of ECR's six documented severities (any case).</summary>
    public static bool IsKnown(string severity) => IndexOf(severity) >= 0;

    private static int IndexOf(string severity)
    {
        for (var i = 0; i < Ordered.Count; i++)
        {
            if (string.Equals(Ordered[i], severity, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
