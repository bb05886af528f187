namespace EcrPublish.Lifecycle;

/// <summary>Matches a whole image tag against a <c>tagPatternList</c> entry, where <c>*</c> stands for any run of characters.</summary>
internal static class TagPatternMatcher
{
    /// <summary>ECR accepts at most this many <c>*</c> per pattern.</summary>
    public const int MaximumWildcards = 4;

    public static int CountWildcards(string pattern) => pattern.Count(character => character == '*');

    public static bool Matches(string pattern, string tag)
    {
        // Classic linear wildcard match: on a mismatch, let the most recent '*' swallow one more character.
        int p = 0, t = 0, starAt = -1, starTag = 0;
        while (t < tag.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                starAt = p++;
                starTag = t;
            }
            else if (p < pattern.Length && pattern[p] == tag[t])
            {
                p++;
                t++;
            }
            else if (starAt >= 0)
            {
                p = starAt + 1;
                t = ++starTag;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
