namespace EcrPublish.LocalEcr.Scanning;

/// <summary>
/// Orders NuGet versions by SemVer 2.0 rules: numeric parts (missing ones are 0, up to four for legacy versions), then a
/// release before nothing — <c>1.0.0-beta</c> &lt; <c>1.0.0</c> — with pre-release labels compared dot by dot, numbers
/// numerically and below text, text case-insensitively (as NuGet does). Build metadata after <c>+</c> is ignored.
/// </summary>
internal sealed class NuGetVersionComparer : IComparer<string>
{
    public static NuGetVersionComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        var (numbersX, preX) = Split(x ?? string.Empty);
        var (numbersY, preY) = Split(y ?? string.Empty);
        for (var i = 0; i < 4; i++)
        {
            var compared = numbersX[i].CompareTo(numbersY[i]);
            if (compared != 0)
            {
                return compared;
            }
        }

        if (preX.Length == 0 || preY.Length == 0)
        {
            // A release sorts after its pre-releases.
            return (preX.Length == 0 ? 1 : 0) - (preY.Length == 0 ? 1 : 0);
        }

        var labelsX = preX.Split('.');
        var labelsY = preY.Split('.');
        for (var i = 0; i < Math.Min(labelsX.Length, labelsY.Length); i++)
        {
            var compared = CompareLabel(labelsX[i], labelsY[i]);
            if (compared != 0)
            {
                return compared;
            }
        }

        return labelsX.Length.CompareTo(labelsY.Length);
    }

    private static (long[] Numbers, string PreRelease) Split(string version)
    {
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        var core = plus >= 0 ? version[..plus] : version;
        var dash = core.IndexOf('-', StringComparison.Ordinal);
        var release = dash >= 0 ? core[..dash] : core;
        var numbers = new long[4];
        var parts = release.Split('.');
        for (var i = 0; i < Math.Min(parts.Length, 4); i++)
        {
            numbers[i] = long.TryParse(parts[i], out var value) ? value : 0;
        }

        return (numbers, dash >= 0 ? core[(dash + 1)..] : string.Empty);
    }

    private static int CompareLabel(string a, string b)
    {
        var aNumeric = long.TryParse(a, out var numberA);
        var bNumeric = long.TryParse(b, out var numberB);
        return (aNumeric, bNumeric) switch
        {
            (true, true) => numberA.CompareTo(numberB),
            (true, false) => -1,
            (false, true) => 1,
            _ => string.Compare(a, b, StringComparison.OrdinalIgnoreCase),
        };
    }
}
