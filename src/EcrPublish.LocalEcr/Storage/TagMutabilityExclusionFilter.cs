namespace EcrPublish.LocalEcr.Storage;

/// <summary>One entry of <c>imageTagMutabilityExclusionFilters</c>: a WILDCARD pattern whose tags flip the repository's mutability.</summary>
internal sealed record TagMutabilityExclusionFilter(string FilterType, string Filter)
{
    public bool Matches(string tag)
    {
        // '*' is the only wildcard; everything else matches literally.
        var parts = Filter.Split('*');
        if (parts.Length == 1)
        {
            return string.Equals(tag, Filter, StringComparison.Ordinal);
        }

        if (!tag.StartsWith(parts[0], StringComparison.Ordinal) || !tag.EndsWith(parts[^1], StringComparison.Ordinal)
            || tag.Length < parts[0].Length + parts[^1].Length)
        {
            return false;
        }

        var position = parts[0].Length;
        var end = tag.Length - parts[^1].Length;
        for (var i = 1; i < parts.Length - 1; i++)
        {
            var found = tag.IndexOf(parts[i], position, end - position, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            position = found + parts[i].Length;
        }

        return true;
    }
}
