using System.Globalization;
using EcrPublish.EcrRules;
using EcrPublish.Lifecycle;
using EcrPublish.Tagging;
using EcrPublish.Text;
using EcrPublish.Validation;

namespace EcrPublish.Publishing;

/// <summary>
/// Checks every publish input that can be checked without AWS, collecting all ECR1xxx errors at once,
/// and builds the <see cref="EcrPublishRequest"/> only when there are none. Nothing is created, built or
/// pushed before this passes.
/// </summary>
public static class PublishRequestValidator
{
    public const string DefaultTagMutability = EcrTagMutability.ImmutableWithExclusion;
    public const string DefaultMutabilityExclusionFilter = "latest";
    public static readonly TimeSpan DefaultScanTimeout = TimeSpan.FromMinutes(10);

    /// <summary>ECR signs within seconds of the push; five minutes covers a slow Signer.</summary>
    public static readonly TimeSpan DefaultSigningTimeout = TimeSpan.FromMinutes(5);

    /// <summary>ECR scans take minutes; a longer wait is a typo, and a huge one would overflow the deadline.</summary>
    public static readonly TimeSpan MaxScanTimeout = TimeSpan.FromDays(1);

    public static PublishValidationResult Validate(EcrPublishInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var diagnostics = new List<EcrDiagnostic>();
        var repository = RepositoryNameResolver.Resolve(inputs.Repository, inputs.ContainerRepository, inputs.ProjectName, diagnostics);
        var allowInsecure = InputParsing.ParseBoolean(inputs.AllowInsecureEndpoints, "EcrAllowInsecureEndpoints", diagnostics) ?? false;
        var serviceUrl = ValidateWhere(inputs, allowInsecure, diagnostics);
        var containerRegistry = ContainerRegistryResolver.Resolve(inputs, diagnostics);
        EndpointInput.TryRead(inputs.RegistryEndpoint, RegistryEndpointSetting, allowInsecure, diagnostics, out var registryEndpoint);
        ValidateTags(inputs.ImageTags, diagnostics);
        var repositorySettings = ValidateRepositorySettings(inputs, diagnostics);
        var imageBuilder = ImageBuilderChooser.Choose(inputs, diagnostics) ?? ImageBuilderKind.Daemonless;
        var dockerfile = imageBuilder == ImageBuilderKind.Docker ? ValidateDockerfile(inputs, diagnostics) : null;
        var dockerContext = imageBuilder == ImageBuilderKind.Docker ? ValidateDockerContext(inputs, diagnostics) : null;
        var dockerBuildArgs = ValidateDockerBuildArgs(inputs, diagnostics);
        var push = InputParsing.ParseBoolean(inputs.Push, "EcrPush", diagnostics) ?? true;
        var scan = ValidateScanSettings(inputs, push, diagnostics);
        var supplyChain = ValidateSupplyChain(inputs, diagnostics);
        var loadInto = ValidateDestinations(inputs, push, scan, diagnostics);
        var destinations = DestinationValidator.Validate(inputs, repository, imageBuilder, push, allowInsecure, diagnostics);
        var signingWait = ValidateSigningWait(inputs, diagnostics);
        var container = ContainerSettingsValidator.Validate(inputs, diagnostics);
        var resultFile = ValidateResultFile(inputs, diagnostics);
        var archiveFile = ArchiveOutputPath.Resolve(inputs, repository, imageBuilder, diagnostics);
        if (!Directory.Exists(inputs.PublishDirectory))
        {
            diagnostics.Add(EcrDiagnostic.Error(InputCodes.MissingPublishDirectory, $"The publish folder '{inputs.PublishDirectory}' does not exist. Run EcrPublish through 'dotnet publish', which creates it first."));
        }

        foreach (var platform in inputs.PlatformPublishes.Where(platform => !Directory.Exists(platform.PublishDirectory)))
        {
            diagnostics.Add(EcrDiagnostic.Error(InputCodes.MissingPublishDirectory, $"The publish folder '{platform.PublishDirectory}' of {platform.RuntimeIdentifier} does not exist. Run EcrPublish through 'dotnet publish', which publishes every runtime identifier first."));
        }

        if (diagnostics.Any(diagnostic => diagnostic.IsError) || repository is null)
        {
            return new PublishValidationResult(null, diagnostics);
        }

        var request = new EcrPublishRequest
        {
            Region = InputParsing.Blank(inputs.Region) ?? containerRegistry?.Region,
            RegistryId = InputParsing.Blank(inputs.RegistryId) ?? containerRegistry?.RegistryId,
            UseFips = containerRegistry is { Fips: true } ? true : null,
            Profile = InputParsing.Blank(inputs.Profile),
            ServiceUrl = serviceUrl,
            RegistryEndpoint = registryEndpoint,
            Repository = repository,
            Tags = inputs.ImageTags,
            RepositorySettings = repositorySettings,
            ImageBuilder = imageBuilder,
            DockerfilePath = dockerfile,
            DockerContextDirectory = dockerContext,
            DockerBuildArgs = dockerBuildArgs,
            Scan = scan,
            LoadInto = loadInto,
            Push = push,
            SupplyChain = supplyChain,
            SigningWait = signingWait,
            ResultFile = resultFile!,
            ArchiveFile = archiveFile,
            PublishDirectory = inputs.PublishDirectory,
            PlatformPublishes = inputs.PlatformPublishes,
            Project = inputs.Project,
            GitSha = InputParsing.Blank(inputs.GitSha),
            Build = new BuildParameters(
                InputParsing.Blank(inputs.Configuration) ?? "",
                InputParsing.Blank(inputs.SdkVersion),
                TagPlanner.SplitTemplates(InputParsing.Blank(inputs.ImageTagTemplates) ?? TagPlanner.DefaultTemplates)),
            Container = container,
            Destinations = destinations,
        };
        return new PublishValidationResult(request, diagnostics);
    }

    private static readonly EndpointSetting ServiceUrlSetting = new(
        "EcrServiceUrl", "https://api.ecr.eu-west-1.amazonaws.com", "session tokens and signed requests", InputCodes.InvalidServiceUrl, InputCodes.InsecureEndpoint);

    private static readonly EndpointSetting RegistryEndpointSetting = new(
        "EcrRegistryEndpoint", "http://127.0.0.1:5000", "the ECR password", InputCodes.InvalidRegistryEndpoint, InputCodes.InsecureEndpoint);

    private static Uri? ValidateWhere(EcrPublishInputs inputs, bool allowInsecure, List<EcrDiagnostic> diagnostics)
    {
        if (InputParsing.Blank(inputs.Region) is { } region && !EcrRegion.IsValid(region))
        {
            diagnostics.Add(EcrDiagnostic.Error(InputCodes.InvalidRegion, $"EcrRegion '{region}' is not an AWS region code. Use a code such as us-east-1 or eu-west-2 (lower case), or leave EcrRegion unset to use the profile's region."));
        }

        if (InputParsing.Blank(inputs.RegistryId) is { } registryId && !EcrRegistryId.IsValid(registryId))
        {
            diagnostics.Add(EcrDiagnostic.Error(InputCodes.InvalidRegistryId, $"EcrRegistryId '{registryId}' is not a 12-digit AWS account id. Set the account id that owns the registry, or leave EcrRegistryId unset to use your own account."));
        }

        EndpointInput.TryRead(inputs.ServiceUrl, ServiceUrlSetting, allowInsecure, diagnostics, out var serviceUrl);
        return serviceUrl;
    }

    private static void ValidateTags(IReadOnlyList<string> tags, List<EcrDiagnostic> diagnostics)
    {
        if (tags.Count == 0)
        {
            diagnostics.Add(EcrDiagnostic.Error(InputCodes.NoTags, "No image tag was computed. Set EcrImageTags to at least one template, or leave it unset for the default."));
        }

        foreach (var tag in tags.Where(tag => !EcrImageTag.IsValid(tag)))
        {
            diagnostics.Add(EcrDiagnostic.Error(InputCodes.InvalidTag, $"'{tag}' is not a valid ECR tag: use 1 to 128 letters, digits, '_', '.' or '-', not starting with '.' or '-'."));
        }
    }

    private static RepositorySettings ValidateRepositorySettings(EcrPublishInputs inputs, List<EcrDiagnostic> diagnostics)
    {
        var mutability = InputParsing.OneOf(inputs.ImageTagMutability, EcrTagMutability.All, "EcrImageTagMutability", InputCodes.InvalidTagMutability, diagnostics) ?? DefaultTagMutability;
        var encryption = InputParsing.OneOf(inputs.EncryptionType, EcrEncryptionType.All, "EcrEncryptionType", InputCodes.InvalidEncryptionType, diagnostics);
        var kmsKey = InputParsing.Blank(inputs.KmsKey);
        if (kmsKey is not null && encryption is null)
        {
            encryption = EcrEncryptionType.Kms;
        }
        else if (kmsKey is not null && encryption == EcrEncryptionType.Aes256)
        {
            diagnostics.Add(EcrDiagnostic.Error(InputCodes.KmsKeyWithoutKmsEncryption, "EcrKmsKey is set but EcrEncryptionType is AES256, which uses no KMS key. Set EcrEncryptionType to KMS or KMS_DSSE, or remove EcrKmsKey."));
        }

        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in inputs.RepositoryTags)
        {
            var problem = RepositoryTagRules.Explain(key, value) ?? (tags.ContainsKey(key) ? "the key is listed twice" : null);
            if (problem is null)
            {
                tags[key] = value;
            }
            else
            {
                diagnostics.Add(EcrDiagnostic.Error(InputCodes.InvalidRepositoryTag, $"EcrRepositoryTag '{key}' is invalid: {problem}. Write tags as <EcrRepositoryTag Include=\"Team\" Value=\"Backend\" />."));
            }
        }

        var (create, byTemplate) = RepositoryCreationInputs.ParseCreateRepository(inputs.CreateRepository, diagnostics);
        if (byTemplate)
        {
            RepositoryCreationInputs.WarnIgnoredByTemplate(inputs, diagnostics);
        }

        return new RepositorySettings(
            create,
            InputParsing.ParseBoolean(inputs.ScanOnPush, "EcrScanOnPush", diagnostics) ?? true,
            mutability,
            RepositoryCreationInputs.ExclusionFilters(mutability, inputs.ImageTagMutabilityExclusionFilters, diagnostics),
            encryption,
            kmsKey,
            tags,
            ValidLifecyclePolicy(ReadPolicy(inputs.LifecyclePolicyFile, "EcrLifecyclePolicyFile", inputs.ProjectDirectory, diagnostics), diagnostics),
            ReadPolicy(inputs.RepositoryPolicyFile, "EcrRepositoryPolicyFile", inputs.ProjectDirectory, diagnostics))
        {
            CreateByTemplate = byTemplate,
            SyncTagMutability = inputs.ImageTagMutabilityExclusionFilters.Count > 0,
        };
    }

    private static string? ValidateResultFile(EcrPublishInputs inputs, List<EcrDiagnostic> diagnostics)
    {
        var path = InputParsing.Blank(inputs.ResultFile) ?? Path.Combine("obj", "ecrpublish.result.json");
        try
        {
            return Path.GetFullPath(path, inputs.ProjectDirectory);
        }
        catch (ArgumentException)
        {
            diagnostics.Add(EcrDiagnostic.Error(InputCodes.InvalidResultFile, $"EcrResultFile '{path}' is not a valid file path. Use a path such as obj/ecrpublish.result.json, or leave it unset."));
            return null;
        }
    }

    private static string? ValidateDockerfile(EcrPublishInputs inputs, List<EcrDiagnostic> diagnostics)
    {
        var path = Path.GetFullPath(InputParsing.Blank(inputs.Dockerfile) ?? "Dockerfile", inputs.ProjectDirectory);
        if (File.Exists(path))
        {
            return path;
        }

        diagnostics.Add(EcrDiagnostic.Error(InputCodes.MissingDockerfile, $"EcrImageBuilder=Docker, but there is no Dockerfile at '{path}'. Add one next to the project, set EcrDockerfile to its path, or remove EcrImageBuilder to build without Docker."));
        return null;
    }

    private static string? ValidateDockerContext(EcrPublishInputs inputs, List<EcrDiagnostic> diagnostics)
    {
        if (InputParsing.Blank(inputs.DockerContext) is not { } context)
        {
            return null;
        }

        var path = Path.GetFullPath(context, inputs.ProjectDirectory);
        if (Directory.Exists(path))
        {
            return path;
        }

        diagnostics.Add(EcrDiagnostic.Error(InputCodes.MissingDockerContext, $"EcrDockerContext '{path}' is not a folder. Point it at the build context (e.g. $(MSBuildProjectDirectory)), or remove it to send the publish output."));
        return null;
    }

    private static Dictionary<string, string> ValidateDockerBuildArgs(EcrPublishInputs inputs, List<EcrDiagnostic> diagnostics)
    {
        var args = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in inputs.DockerBuildArgs)
        {
            if (name.Length == 0 || name.Any(character => !(char.IsAsciiLetterOrDigit(character) || character == '_')) || char.IsAsciiDigit(name[0]))
            {
                diagnostics.Add(EcrDiagnostic.Error(InputCodes.InvalidDockerBuildArg, $"EcrDockerBuildArg '{name}' is not a valid build argument name: use letters, digits and '_', not starting with a digit."));
                continue;
            }

            args[name] = value;
        }

        return args;
    }

    private static SupplyChainSettings ValidateSupplyChain(EcrPublishInputs inputs, List<EcrDiagnostic> diagnostics) => new(
        InputParsing.ParseBoolean(inputs.Sbom, "EcrSbom", diagnostics) ?? true,
        InputParsing.ParseEnum<SbomFormat>(inputs.SbomFormat, "EcrSbomFormat", InputCodes.InvalidSbomFormat, diagnostics) ?? SbomFormat.Spdx,
        InputParsing.ParseBoolean(inputs.Provenance, "EcrProvenance", diagnostics) ?? true)
    {
        Signing = InputParsing.ParseBoolean(inputs.Sign, "EcrSign", diagnostics) == true ? SigningSettingsValidator.Validate(inputs, diagnostics) : null,
    };

    // EcrPush=false with nowhere to load would build an image and throw it away: refused rather than guessed at.
    private static Docker.LocalEngine? ValidateDestinations(EcrPublishInputs inputs, bool push, ScanSettings scan, List<EcrDiagnostic> diagnostics)
    {
        var loadInto = InputParsing.ParseEnum<Docker.LocalEngine>(inputs.LoadInto, "EcrLoadInto (or LocalRegistry)", InputCodes.InvalidLoadInto, diagnostics);
        if (!push && loadInto is null && InputParsing.Blank(inputs.LoadInto) is null)
        {
            diagnostics.Add(EcrDiagnostic.Error(InputCodes.NothingToPublish,
                "EcrPush=false, and EcrLoadInto is not set: the image would go nowhere. Set EcrLoadInto=Docker or EcrLoadInto=Podman to run it locally, or remove EcrPush=false to push it to ECR."));
        }

        if (!push && scan.Mode is ScanMode.Wait or ScanMode.Start)
        {
            diagnostics.Add(EcrDiagnostic.Error(InputCodes.ScanWithoutPush,
                $"EcrScan={scan.Mode} with EcrPush=false: ECR scans only images it holds. Remove EcrScan, or remove EcrPush=false."));
        }

        return loadInto;
    }

    private static ScanSettings ValidateScanSettings(EcrPublishInputs inputs, bool push, List<EcrDiagnostic> diagnostics) => ScanSettingsValidator.Validate(
        inputs, ParseTimeout(inputs.ScanTimeout, "EcrScanTimeout", InputCodes.InvalidScanTimeout, "ECR scans take minutes", diagnostics), push, diagnostics);

    private static SigningWaitSettings ValidateSigningWait(EcrPublishInputs inputs, List<EcrDiagnostic> diagnostics)
    {
        var mode = InputParsing.Blank(inputs.WaitForSigning)?.ToLowerInvariant() switch
        {
            null or "auto" => SigningWaitMode.Auto,
            "true" => SigningWaitMode.Required,
            "false" => SigningWaitMode.Off,
            _ => (SigningWaitMode?)null,
        };
        if (mode is null)
        {
            diagnostics.Add(EcrDiagnostic.Error(SigningWaitErrorCodes.InvalidMode,
                $"EcrWaitForSigning '{inputs.WaitForSigning}' must be auto (wait when the registry signs the repository's images), true (the registry must sign it) or false (never wait)."));
        }

        var timeout = ParseTimeout(inputs.SigningTimeout, "EcrSigningTimeout", SigningWaitErrorCodes.InvalidTimeout, "ECR signs within seconds", diagnostics);
        return new SigningWaitSettings(mode ?? SigningWaitMode.Auto, timeout ?? DefaultSigningTimeout);
    }

    // A DurationText (600, 10m, 00:10:00 ...), positive, at most a day; null when unset or invalid (then reported).
    private static TimeSpan? ParseTimeout(string? value, string property, string code, string usualDuration, List<EcrDiagnostic> diagnostics)
    {
        if (InputParsing.Blank(value) is not { } text)
        {
            return null;
        }

        var parsed = DurationText.Parse(text) ?? TimeSpan.Zero;
        if (parsed <= TimeSpan.Zero)
        {
            diagnostics.Add(EcrDiagnostic.Error(code, $"{property} '{text}' is not a positive duration. Use {DurationText.Forms}."));
            return null;
        }

        if (parsed > MaxScanTimeout)
        {
            diagnostics.Add(EcrDiagnostic.Error(code, $"{property} '{text}' is longer than one day ({MaxScanTimeout.TotalSeconds:0} s). {usualDuration}: use {DurationText.Forms}."));
            return null;
        }

        return parsed;
    }

    // ECR's own rules (priorities, the 'any' rule last, tag lists ...), so a policy ECR would refuse stops
    // the build before the repository is created rather than after.
    private static string? ValidLifecyclePolicy(string? text, List<EcrDiagnostic> diagnostics)
    {
        if (text is null)
        {
            return null;
        }

        var result = LifecyclePolicyValidator.Validate(text);
        foreach (var error in result.Errors)
        {
            diagnostics.Add(EcrDiagnostic.Error(error.Code, $"EcrLifecyclePolicyFile: {error.Path}: {error.EcrMessage} {error.Help}"));
        }

        return result.IsValid ? text : null;
    }

    private static string? ReadPolicy(string? path, string propertyName, string projectDirectory, List<EcrDiagnostic> diagnostics) =>
        InputParsing.Blank(path) is { } relative ? PolicyFileReader.Read(Path.GetFullPath(relative, projectDirectory), propertyName, diagnostics) : null;
}
