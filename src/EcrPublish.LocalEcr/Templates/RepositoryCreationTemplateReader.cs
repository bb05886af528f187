using System.Text.RegularExpressions;
using EcrPublish.EcrRules;
using EcrPublish.LocalEcr.ControlPlane;
using EcrPublish.LocalEcr.Policies;
using EcrPublish.LocalEcr.Storage;

namespace EcrPublish.LocalEcr.Templates;

/// <summary>
/// Reads Create/UpdateRepositoryCreationTemplate's members into a template, with ECR's checks beyond the model's
/// (which <see cref="InputShapeValidator"/> has already applied): the policies are checked as SetRepositoryPolicy and
/// PutLifecyclePolicy check them, and the custom role must be an IAM role of the registry's account
/// (https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_CreateRepositoryCreationTemplate.html).
/// </summary>
internal static partial class RepositoryCreationTemplateReader
{
    /// <summary>The prefix without its implied trailing <c>/</c> ("ecr-public" and "ecr-public/" are one template).</summary>
    public static string Prefix(string given) => given == "ROOT" ? given : given.TrimEnd('/');

    /// <summary>Applies the members the request has to <paramref name="template"/>; absent members leave it as it is.</summary>
    public static void Apply(EcrCall call, RepositoryCreationTemplate template, string accountId)
    {
        template.Description = call.OptionalString("description") ?? template.Description;
        if (call.OptionalObject("encryptionConfiguration") is { } encryption)
        {
            var type = EcrCall.StringOf(encryption["encryptionType"], "encryptionType")!;
            var key = EcrCall.StringOf(encryption["kmsKey"], "kmsKey") is { Length: > 0 } given ? given : null;
            if (key is not null && !EcrEncryptionType.TakesKmsKey(type))
            {
                throw EcrErrors.InvalidParameter("Invalid parameter: kmsKey can be specified only when encryptionType is KMS or KMS_DSSE");
            }

            (template.EncryptionType, template.KmsKey) = (type, key);
        }

        if (call.Input["resourceTags"] is not null)
        {
            var tags = RepositorySettingsReader.Tags(call, "resourceTags", required: false);
            RepositorySettingsReader.EnsureTagLimit(tags.Count);
            template.ResourceTags = tags;
        }

        if (call.Input["imageTagMutability"] is not null || call.Input["imageTagMutabilityExclusionFilters"] is not null)
        {
            (template.ImageTagMutability, template.ImageTagMutabilityExclusionFilters) = RepositorySettingsReader.Mutability(call, template.ImageTagMutability);
        }

        template.RepositoryPolicy = Text(call, "repositoryPolicy", template.RepositoryPolicy, text =>
        {
            if (IamPolicyValidator.Problem(text, PolicyKind.Repository) is not null)
            {
                throw EcrErrors.InvalidParameter("Invalid repository policy provided");
            }
        });
        template.LifecyclePolicy = Text(call, "lifecyclePolicy", template.LifecyclePolicy, LifecycleOperations.Validate);
        if (call.OptionalArray("appliedFor", 0, int.MaxValue) is { } appliedFor)
        {
            template.AppliedFor = appliedFor.Select(node => EcrCall.StringOf(node, "appliedFor")!).Distinct(StringComparer.Ordinal).ToList();
            if (template.AppliedFor.Count == 0)
            {
                throw EcrErrors.InvalidParameter("appliedFor", "Member must have at least one of [REPLICATION, PULL_THROUGH_CACHE, CREATE_ON_PUSH]");
            }
        }

        template.CustomRoleArn = Text(call, "customRoleArn", template.CustomRoleArn, role =>
        {
            var match = RoleArnPattern().Match(role);
            if (!match.Success || match.Groups["account"].Value != accountId)
            {
                throw EcrErrors.InvalidParameter("customRoleArn", $"Member must be the ARN of an IAM role in the registry's account {accountId}");
            }
        });
    }

    // A member given as "" clears the setting; absent keeps it.
    private static string? Text(EcrCall call, string member, string? current, Action<string> validate)
    {
        var text = call.OptionalString(member);
        if (text is null)
        {
            return current;
        }

        if (text.Length == 0)
        {
            return null;
        }

        validate(text);
        return text;
    }

    [GeneratedRegex(@"\Aarn:aws(-[a-z]+)*:iam::(?<account>[0-9]{12}):role/[\w+=,.@/-]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex RoleArnPattern();
}
