using EcrPublish.EcrRules;
using EcrPublish.Validation;

namespace EcrPublish.Publishing;

/// <summary>
/// The inputs that say how a missing repository comes to exist: <c>EcrCreateRepository</c> (<c>true</c>, <c>false</c>
/// or <c>Template</c>) and the <c>EcrImageTagMutabilityExclusionFilter</c> items, checked against ECR's rules.
/// </summary>
internal static class RepositoryCreationInputs
{
    /// <summary>The <c>EcrCreateRepository</c> value that leaves the creation to ECR's create on push.</summary>
    public const string Template = "Template";

    /// <summary>Parses <c>EcrCreateRepository</c>: (create with CreateRepository, let a CREATE_ON_PUSH template create it).</summary>
    public static (bool Create, bool ByTemplate) ParseCreateRepository(string? value, List<EcrDiagnostic> diagnostics)
    {
        if (InputParsing.Blank(value) is not { } text)
        {
            return (true, false);
        }

        if (string.Equals(text, Template, StringComparison.OrdinalIgnoreCase))
        {
            return (false, true);
        }

        if (bool.TryParse(text, out var create))
        {
            return (create, false);
        }

        diagnostics.Add(EcrDiagnostic.Error(InputCodes.InvalidCreateRepository,
            $"EcrCreateRepository '{text}' must be true, false or Template (ECR creates the repository on push from a CREATE_ON_PUSH repository creation template)."));
        return (true, false);
    }

    /// <summary>
    /// The exclusion filters to declare: the items as written, or ECR's <c>latest</c> default for a *_WITH_EXCLUSION
    /// mutability without items; none for the other mutabilities.
    /// </summary>
    public static IReadOnlyList<string> ExclusionFilters(string mutability, IReadOnlyList<string> items, List<EcrDiagnostic> diagnostics)
    {
        var filters = items.Select(item => item.Trim()).Where(item => item.Length > 0).ToList();
        if (!EcrTagMutability.TakesExclusionFilters(mutability))
        {
            if (filters.Count > 0)
            {
                diagnostics.Add(EcrDiagnostic.Error(InputCodes.ExclusionFilterWithoutExclusionMutability,
                    $"EcrImageTagMutabilityExclusionFilter items ({string.Join(", ", filters)}) only apply with EcrImageTagMutability IMMUTABLE_WITH_EXCLUSION or MUTABLE_WITH_EXCLUSION, not {mutability}. Set one of those, or remove the items."));
            }

            return [];
        }

        if (filters.Count == 0)
        {
            return [PublishRequestValidator.DefaultMutabilityExclusionFilter];
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var filter in filters)
        {
            var problem = !EcrTagMutabilityExclusionFilter.IsValid(filter)
                ? $"ECR's wildcard filters are 1 to 128 letters, digits, '.', '_', '-' or '*' ({EcrTagMutabilityExclusionFilter.PatternText})"
                : !seen.Add(filter) ? "it is listed twice" : null;
            if (problem is not null)
            {
                diagnostics.Add(EcrDiagnostic.Error(InputCodes.InvalidExclusionFilter,
                    $"EcrImageTagMutabilityExclusionFilter '{filter}' is invalid: {problem}. Write e.g. <EcrImageTagMutabilityExclusionFilter Include=\"dev-%2A\" /> (%2A is MSBuild's escape for *)."));
            }
        }

        if (filters.Count > EcrTagMutabilityExclusionFilter.MaxCount)
        {
            diagnostics.Add(EcrDiagnostic.Error(InputCodes.TooManyExclusionFilters,
                $"{filters.Count} EcrImageTagMutabilityExclusionFilter items, but ECR takes at most {EcrTagMutabilityExclusionFilter.MaxCount} per repository. Merge them with '*' wildcards (e.g. 'dev-*', written dev-%2A in Include)."));
        }

        return filters;
    }

    /// <summary>Warns about settings a template-created repository does not get: the template's settings win.</summary>
    public static void WarnIgnoredByTemplate(EcrPublishInputs inputs, List<EcrDiagnostic> diagnostics)
    {
        var ignored = new List<string>();
        AddIfSet(ignored, "EcrScanOnPush", inputs.ScanOnPush);
        AddIfSet(ignored, "EcrImageTagMutability", inputs.ImageTagMutability);
        AddIfSet(ignored, "EcrEncryptionType", inputs.EncryptionType);
        AddIfSet(ignored, "EcrKmsKey", inputs.KmsKey);
        if (inputs.ImageTagMutabilityExclusionFilters.Count > 0)
        {
            ignored.Add("EcrImageTagMutabilityExclusionFilter");
        }

        if (inputs.RepositoryTags.Count > 0)
        {
            ignored.Add("EcrRepositoryTag");
        }

        if (ignored.Count > 0)
        {
            diagnostics.Add(EcrDiagnostic.Warning(InputCodes.CreationSettingsIgnoredByTemplate,
                $"EcrCreateRepository=Template: a repository ECR creates on push gets the repository creation template's settings, not {string.Join(", ", ignored)}. Put them in the template, or remove them from the project."));
        }
    }

    private static void AddIfSet(List<string> ignored, string propertyName, string? value)
    {
        if (InputParsing.Blank(value) is not null)
        {
            ignored.Add(propertyName);
        }
    }
}
