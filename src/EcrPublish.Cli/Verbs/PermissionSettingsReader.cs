using EcrPublish.Cli.Arguments;
using EcrPublish.Cli.Execution;
using EcrPublish.EcrRules;
using EcrPublish.Iam;
using EcrPublish.Kms;
using EcrPublish.Signing;

namespace EcrPublish.Cli.Verbs;

/// <summary>
/// Turns a project's publish properties into the <see cref="PublishPermissionSettings"/> the policy is built from, with the
/// publish's defaults for what is unset and the publish's rules for the values (booleans, EcrScan, EcrWaitForSigning).
/// </summary>
internal static class PermissionSettingsReader
{
    public static PublishPermissionSettings Read(ProjectPublishSettings project)
    {
        ArgumentNullException.ThrowIfNull(project);
        if (Boolean(project, "EcrPush") == false)
        {
            throw new CliUsageException($"{CliErrorCodes.IamPolicyNothingPushed}: the project sets EcrPush=false, so its publish builds and loads the image without calling AWS: it needs no IAM policy.");
        }

        (bool Start, bool Read) scan = project.Value("EcrScan")?.ToLowerInvariant() switch
        {
            null => (false, true),
            "none" => (false, false),
            "wait" => (false, true),
            "start" => (true, true),
            var other => throw Invalid("EcrScan", other, "None, Wait or Start"),
        };
        var waitForSigning = project.Value("EcrWaitForSigning")?.ToLowerInvariant() switch
        {
            null or "auto" or "true" => true,
            "false" => false,
            var other => throw Invalid("EcrWaitForSigning", other, "auto, true or false"),
        };
        var encryption = project.Value("EcrEncryptionType");
        if (encryption is not null && !EcrEncryptionType.All.Contains(encryption, StringComparer.OrdinalIgnoreCase))
        {
            throw Invalid("EcrEncryptionType", encryption, string.Join(", ", EcrEncryptionType.All));
        }

        var creation = project.Value("EcrCreateRepository")?.ToLowerInvariant() switch
        {
            null or "true" => (Call: true, OnPush: false),
            "false" => (Call: false, OnPush: false),
            "template" => (Call: false, OnPush: true),
            var other => throw Invalid("EcrCreateRepository", other, "true, false or Template"),
        };
        var kmsKey = project.Value("EcrKmsKey");
        var signs = Boolean(project, "EcrSign") ?? false;
        var signingKey = project.Value("EcrSigningKey");
        return new PublishPermissionSettings
        {
            CreateRepository = creation.Call,
            CreatesOnPush = creation.OnPush,
            SyncsTagMutabilityExclusions = project.ExclusionFilterCount > 0,
            TagsRepository = project.RepositoryTagCount > 0,
            SyncsLifecyclePolicy = project.Value("EcrLifecyclePolicyFile") is not null,
            SyncsRepositoryPolicy = project.Value("EcrRepositoryPolicyFile") is not null,
            StartsScan = scan.Start,
            ReadsScanFindings = scan.Read,
            WaitsForManagedSigning = waitForSigning,
            Signs = signs,
            SigningKmsKey = signs && signingKey is not null && KmsKeyReference.IsKms(signingKey) ? SigningKmsKey(signingKey) : null,
            KmsEncryption = kmsKey is not null || (encryption is not null && !encryption.Equals(EcrEncryptionType.Aes256, StringComparison.OrdinalIgnoreCase)),
            KmsKey = kmsKey,
            BaseImage = BaseImageRepository(project.Value("ContainerBaseImage")),
        };
    }

    /// <summary>The base image's ECR repository, or null when the base image is not in a private ECR registry.</summary>
    public static EcrRepositoryLocation? BaseImageRepository(string? image)
    {
        var slash = image?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (image is null || slash < 0 || EcrRegistryHostName.Parse(image[..slash]) is not { } registry)
        {
            return null;
        }

        var path = image[(slash + 1)..];
        var digest = path.IndexOf('@', StringComparison.Ordinal);
        path = digest < 0 ? path : path[..digest];
        var tag = path.LastIndexOf(':');
        return new EcrRepositoryLocation(registry.RegistryId, registry.Region, tag < 0 ? path : path[..tag]);
    }

    private static string SigningKmsKey(string signingKey)
    {
        try
        {
            return KmsKeyReference.Parse(signingKey).KeyId;
        }
        catch (SigningException)
        {
            throw Invalid("EcrSigningKey", signingKey, "awskms:///alias/<name>, awskms:///<key ARN> or the key ARN alone");
        }
    }

    private static bool? Boolean(ProjectPublishSettings project, string name) => project.Value(name) is not { } text ? null
        : bool.TryParse(text, out var value) ? value
        : throw Invalid(name, text, "true or false");

    private static CliUsageException Invalid(string name, string value, string allowed) =>
        new($"{CliErrorCodes.IamPolicyInvalidSetting}: the project's {name} is '{value}', which the publish refuses: use {allowed}.");
}
