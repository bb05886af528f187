using EcrPublish.Validation;

namespace EcrPublish.Tagging;

/// <summary>
/// Renders <c>EcrImageTags</c> (a ';'-separated list of templates such as <c>v{version}-{sha}</c>) into
/// distinct ECR tags, reporting every problem at once so a user fixes them in one round.
/// </summary>
public static class TagPlanner
{
    /// <summary>The cheat sheet's CI strategy: a version tag, a commit tag, both together, and latest.</summary>
    public const string DefaultTemplates = "v{version};{sha};v{version}-{sha};latest";

    /// <summary>The templates of a ';'-separated list, trimmed, without empty entries.</summary>
    public static IReadOnlyList<string> SplitTemplates(string templates) =>
        templates.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public static TagPlan Plan(string templates, TagContext context)
    {
        var errors = new List<EcrDiagnostic>();
        var tags = new List<string>();
        var templateList = SplitTemplates(templates);
        if (templateList.Count == 0)
        {
            errors.Add(EcrDiagnostic.Error(InputCodes.NoTags, $"EcrImageTags is empty, so the image would have no tag. Remove the property to get the default '{DefaultTemplates}', or list at least one template."));
        }

        foreach (var template in templateList)
        {
            var segments = Render(template, context, errors);
            if (segments is null)
            {
                continue;
            }

            var tag = string.Concat(segments.Select(segment => segment.Text));
            var problem = TagProblemExplainer.Explain(tag, segments);
            if (problem is not null)
            {
                errors.Add(EcrDiagnostic.Error(InputCodes.InvalidTag, $"Tag template '{template}' renders '{tag}', which is not a valid ECR tag: {problem}."));
            }
            else if (!tags.Contains(tag, StringComparer.Ordinal))
            {
                tags.Add(tag);
            }
        }

        return new TagPlan(errors.Count == 0 ? tags : [], errors);
    }

    private static List<TagSegment>? Render(string template, TagContext context, List<EcrDiagnostic> errors)
    {
        var segments = new List<TagSegment>();
        var errorCount = errors.Count;
        var position = 0;
        while (position < template.Length)
        {
            var open = template.IndexOfAny(['{', '}'], position);
            if (open < 0)
            {
                segments.Add(new TagSegment(template[position..], null));
                break;
            }

            if (open > position)
            {
                segments.Add(new TagSegment(template[position..open], null));
            }

            var close = template[open] == '{' ? template.IndexOfAny(['{', '}'], open + 1) : -1;
            if (close < 0 || template[close] != '}')
            {
                errors.Add(EcrDiagnostic.Error(
                    InputCodes.MalformedTagTemplate,
                    $"Tag template '{template}' has an unmatched '{template[open]}' at position {open + 1}. Tokens are written {{name}}, for example v{{version}}-{{sha}}."));
                return null;
            }

            var token = template[(open + 1)..close];
            var value = TagTokenResolver.Resolve(token, template, context, errors);
            segments.Add(new TagSegment(value ?? string.Empty, $"{{{token}}}"));
            position = close + 1;
        }

        // Keep going after a bad token so every bad token in the template is reported, then drop the template.
        return errors.Count == errorCount ? segments : null;
    }
}
