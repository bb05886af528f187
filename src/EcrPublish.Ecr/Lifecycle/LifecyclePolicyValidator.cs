using System.Text.Json;

namespace EcrPublish.Lifecycle;

/// <summary>
/// Checks a lifecycle policy text the way ECR's PutLifecyclePolicy / StartLifecyclePolicyPreview do, but reports
/// every problem at once, each with a stable ECR41xx code, ECR's message and a hint.
/// </summary>
public static class LifecyclePolicyValidator
{
    /// <summary>ECR's minimum <c>lifecyclePolicyText</c> length (API model).</summary>
    public const int MinimumTextLength = 100;

    /// <summary>ECR's maximum <c>lifecyclePolicyText</c> length (API model and quota).</summary>
    public const int MaximumTextLength = 30720;

    /// <summary>Validates <paramref name="text"/>; never throws for bad input.</summary>
    public static LifecyclePolicyValidationResult Validate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var errors = new List<LifecyclePolicyError>();
        CheckLength(text, errors);

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            errors.Add(LifecyclePolicySchemaChecker.NotAPolicy());
            return new LifecyclePolicyValidationResult(errors, policy: null);
        }

        using (document)
        {
            var rules = LifecyclePolicySchemaChecker.Check(document.RootElement, errors);
            foreach (var rule in rules)
            {
                LifecycleRuleChecker.Check(rule, errors);
            }

            var ruleCount = document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("rules", out var rulesElement)
                && rulesElement.ValueKind == JsonValueKind.Array
                    ? rulesElement.GetArrayLength()
                    : 0;
            LifecycleRuleSetChecker.Check(rules, ruleCount, errors);
            var policy = new LifecyclePolicy { Rules = rules.Select(indexed => indexed.Rule).ToList(), Text = text };
            return new LifecyclePolicyValidationResult(errors, policy);
        }
    }

    private static void CheckLength(string text, List<LifecyclePolicyError> errors)
    {
        if (text.Length < MinimumTextLength)
        {
            errors.Add(new LifecyclePolicyError(
                LifecyclePolicyErrorCodes.TextLength,
                string.Empty,
                LifecyclePolicyMessages.MemberConstraint("lifecyclePolicyText", $"must have length greater than or equal to {MinimumTextLength}"),
                $"the policy text has {text.Length} characters; ECR needs at least {MinimumTextLength} (add a description to a rule)."));
        }
        else if (text.Length > MaximumTextLength)
        {
            errors.Add(new LifecyclePolicyError(
                LifecyclePolicyErrorCodes.TextLength,
                string.Empty,
                LifecyclePolicyMessages.MemberConstraint("lifecyclePolicyText", $"must have length less than or equal to {MaximumTextLength}"),
                $"the policy text has {text.Length} characters; ECR accepts at most {MaximumTextLength} (remove whitespace, descriptions or rules)."));
        }
    }
}
