namespace EcrPublish.LocalEcr.Scanning;

/// <summary>
/// Orders Debian package versions (<c>[epoch:]upstream[-revision]</c>) exactly as <c>dpkg --compare-versions</c>:
/// digits compare as numbers, other characters by ASCII with letters before non-letters and <c>~</c> before everything,
/// even the end of the string. Also used for Alpine versions, whose ordering agrees for the usual forms.
/// </summary>
internal sealed class DebianVersionComparer : IComparer<string>
{
    public static DebianVersionComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        var (epochX, upstreamX, revisionX) = Split(x ?? string.Empty);
        var (epochY, upstreamY, revisionY) = Split(y ?? string.Empty);
        if (epochX != epochY)
        {
            return epochX.CompareTo(epochY);
        }

        var upstream = Comparepart(upstreamX, upstreamY);
        return upstream != 0 ? upstream : Comparepart(revisionX, revisionY);
    }

    private static (long Epoch, string Upstream, string Revision) Split(string version)
    {
        var colon = version.IndexOf(':', StringComparison.Ordinal);
        var epoch = colon > 0 && long.TryParse(version.AsSpan(0, colon), out var parsed) ? parsed : 0;
        var rest = colon > 0 ? version[(colon + 1)..] : version;
        var dash = rest.LastIndexOf('-');
        return dash > 0 ? (epoch, rest[..dash], rest[(dash + 1)..]) : (epoch, rest, string.Empty);
    }

    private static int Comparepart(string a, string b)
    {
        var i = 0;
        var j = 0;
        while (i < a.Length || j < b.Length)
        {
            // Non-digit prefix, character by character.
            while ((i < a.Length && !char.IsAsciiDigit(a[i])) || (j < b.Length && !char.IsAsciiDigit(b[j])))
            {
                var orderA = Order(i < a.Length ? a[i] : null);
                var orderB = Order(j < b.Length ? b[j] : null);
                if (orderA != orderB)
                {
                    return orderA.CompareTo(orderB);
                }

                i++;
                j++;
            }

            // Digit run, as a number (leading zeros ignored).
            var startA = i;
            while (i < a.Length && char.IsAsciiDigit(a[i]))
            {
                i++;
            }

            var startB = j;
            while (j < b.Length && char.IsAsciiDigit(b[j]))
            {
                j++;
            }

            var numberA = a[startA..i].TrimStart('0');
            var numberB = b[startB..j].TrimStart('0');
            if (numberA.Length != numberB.Length)
            {
                return numberA.Length.CompareTo(numberB.Length);
            }

            var digits = string.CompareOrdinal(numberA, numberB);
            if (digits != 0)
            {
                return digits;
            }
        }

        return 0;
    }

    // dpkg's order(): '~' < end < digits-boundary < letters < other characters.
    private static int Order(char? c) => c switch
    {
        null => 0,
        '~' => -1,
        _ when char.IsAsciiDigit(c.Value) => 0,
        _ when char.IsAsciiLetter(c.Value) => c.Value,
        _ => c.Value + 256,
    };
}
