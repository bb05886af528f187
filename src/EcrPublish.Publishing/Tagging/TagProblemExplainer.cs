using EcrPublish.EcrRules;

namespace EcrPublish.Tagging;

/// <summary>Says why a rendered tag breaks ECR's rules and which token (if any) is to blame.</summary>
internal static class TagProblemExplainer
{
    public static string? Explain(string tag, IReadOnlyList<TagSegment> segments)
    {
        if (EcrImageTag.IsValid(tag))
        {
            return null;
        }

        if (tag.Length == 0)
        {
            return "it is empty";
        }

        if (tag.Length > EcrImageTag.MaxLength)
        {
            var longest = segments.Where(segment => segment.Token is not null).MaxBy(segment => segment.Text.Length);
            return $"it is {tag.Length} characters long and ECR allows {EcrImageTag.MaxLength}" +
                   (longest is null ? string.Empty : $"; {longest.Token} alone contributes {longest.Text.Length}");
        }

        var offset = 0;
        foreach (var segment in segments)
        {
            for (var index = 0; index < segment.Text.Length; index++)
            {
                var character = segment.Text[index];
                var isFirst = offset + index == 0;
                var problem = !EcrImageTag.IsAllowedCharacter(character)
                    ? $"'{character}' is not allowed (only letters, digits, '_', '.' and '-')"
                    : isFirst && character is '.' or '-' ? $"it may not start with '{character}'" : null;
                if (problem is not null)
                {
                    return segment.Token is null ? $"{problem}, in the literal text '{segment.Text}'" : $"{problem}, in the value '{segment.Text}' of token {segment.Token}";
                }
            }

            offset += segment.Text.Length;
        }

        return "it does not match [a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}";
    }
}
