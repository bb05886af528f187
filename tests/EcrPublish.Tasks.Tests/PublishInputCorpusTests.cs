using System.Reflection;
using EcrPublish.Signing;
using EcrPublish.Validation;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Xunit;
using Xunit.Abstractions;

namespace EcrPublish.Tasks.Tests;

/// <summary>
/// Every input of <see cref="PublishToEcr"/>, spoilt, fails with its own code before anything is sent to AWS. The
/// property list comes from the task by reflection: a new parameter fails <see cref="Every_task_parameter_has_a_bad_value_case_or_a_reason_for_none"/>
/// until it gets a case here, or a reason why no value of it is wrong.
/// </summary>
public sealed class PublishInputCorpusTests(ITestOutputHelper output) : IDisposable
{
    private const string ImageBuildInvalidReference = "ECR3004";
    private const string ImageBuildUnknownRuntimeIdentifier = "ECR3001";
    private const string ImageBuildInvalidOption = "ECR3010";
    private const string MultiPlatformWithoutPublishes = "ECR2204";

    private readonly PublishToEcrHarness _harness = new();

    private static readonly Dictionary<string, string> NoBadValue = new(StringComparer.Ordinal)
    {
        [nameof(PublishToEcr.ProjectDirectory)] = "set by the targets to $(MSBuildProjectDirectory)",
        [nameof(PublishToEcr.AssemblyName)] = "set by the targets from the project; any assembly name is valid",
        [nameof(PublishToEcr.TargetFileName)] = "set by the targets from the project",
        [nameof(PublishToEcr.TargetFrameworkVersion)] = "set by the SDK; only the inferred base image's tag, covered by ContainerFamily's case",
        [nameof(PublishToEcr.IsSelfContained)] = "a bool parameter: MSBuild itself refuses anything but true/false (MSB4030)",
        [nameof(PublishToEcr.UsesAspNetCore)] = "a bool parameter: MSBuild itself refuses anything but true/false (MSB4030)",
        [nameof(PublishToEcr.Version)] = "free text stamped into a label",
        [nameof(PublishToEcr.GitSha)] = "free text stamped into a label",
        [nameof(PublishToEcr.Configuration)] = "$(Configuration), any name; free text in the provenance",
        [nameof(PublishToEcr.SdkVersion)] = "$(NETCoreSdkVersion), set by the SDK; free text in the provenance",
        [nameof(PublishToEcr.ImageTagTemplates)] = "the templates ComputeEcrImageTags already rendered (and checked) into ImageTags; free text in the provenance",
        [nameof(PublishToEcr.Profile)] = "a profile name is checked where the credentials are read (ECR20xx), like the AWS CLI",
        [nameof(PublishToEcr.ContainerUser)] = "any user name or uid is for the container runtime to resolve",
        [nameof(PublishToEcr.ContainerLabels)] = "OCI allows any label key and value",
        [nameof(PublishToEcr.ContainerLabelValues)] = "free text that becomes OCI labels",
        [nameof(PublishToEcr.ContainerAppCommand)] = "free argv text",
        [nameof(PublishToEcr.ContainerAppCommandArgs)] = "free argv text",
        [nameof(PublishToEcr.ContainerEntrypoint)] = "free argv text",
        [nameof(PublishToEcr.ContainerEntrypointArgs)] = "free argv text",
        [nameof(PublishToEcr.ContainerDefaultArgs)] = "free argv text",
        [nameof(PublishToEcr.ContainerOmittedLabels)] = "label keys the targets list; an unknown key leaves nothing out",
    };

    private static readonly BadInput[] Cases =
    [
        new(nameof(PublishToEcr.ProjectName), "only symbols, no EcrRepository", InputCodes.RepositoryNameNotDerivable, (task, _) => { task.ProjectName = "!!!"; task.Repository = null; }),
        new(nameof(PublishToEcr.PublishDirectory), "a missing folder", InputCodes.MissingPublishDirectory, (task, h) => task.PublishDirectory = Path.Combine(h.ProjectDirectory, "missing")),
        new(nameof(PublishToEcr.Region), "Not_A_Region", InputCodes.InvalidRegion, (task, _) => task.Region = "Not_A_Region"),
        new(nameof(PublishToEcr.RegistryId), "12345", InputCodes.InvalidRegistryId, (task, _) => task.RegistryId = "12345"),
        new(nameof(PublishToEcr.ContainerRegistry), "ghcr.io", InputCodes.ContainerRegistryNotEcr, (task, _) => task.ContainerRegistry = "ghcr.io"),
        new(nameof(PublishToEcr.ContainerRegistry), "another region than EcrRegion", InputCodes.ContainerRegistryConflict, (task, _) => { task.Region = "eu-west-1"; task.ContainerRegistry = "123456789012.dkr.ecr.us-east-1.amazonaws.com"; }),
        new(nameof(PublishToEcr.ContainerArchiveOutputPath), "a NUL character", InputCodes.InvalidArchiveOutputPath, (task, _) => task.ContainerArchiveOutputPath = "bin/im\0age.tar"),
        new(nameof(PublishToEcr.RegistryEndpoint), "ftp://", InputCodes.InvalidRegistryEndpoint, (task, _) => task.RegistryEndpoint = "ftp://registry.example.com"),
        new(nameof(PublishToEcr.RegistryEndpoint), "http to another host", InputCodes.InsecureEndpoint, (task, _) => task.RegistryEndpoint = "http://registry.example.com:5000"),
        new(nameof(PublishToEcr.ServiceUrl), "not a URL", InputCodes.InvalidServiceUrl, (task, _) => task.ServiceUrl = "not a url"),
        new(nameof(PublishToEcr.ServiceUrl), "http to another host", InputCodes.InsecureEndpoint, (task, _) => task.ServiceUrl = "http://ecr.example.com"),
        new(nameof(PublishToEcr.AllowInsecureEndpoints), "maybe", InputCodes.InvalidBoolean, (task, _) => task.AllowInsecureEndpoints = "maybe"),
        new(nameof(PublishToEcr.Dockerfile), "a missing file", InputCodes.MissingDockerfile, (task, _) => { task.ImageBuilder = "Docker"; task.Dockerfile = "missing/Dockerfile"; }),
        new(nameof(PublishToEcr.DockerContext), "a missing folder", InputCodes.MissingDockerContext, (task, h) => { task.ImageBuilder = "Docker"; task.Dockerfile = h.Write("Dockerfile", "FROM scratch"); task.DockerContext = "missing"; }),
        new(nameof(PublishToEcr.DockerBuildArgs), "1BAD", InputCodes.InvalidDockerBuildArg, (task, _) => task.DockerBuildArgs = [Item("1BAD", "Value", "x")]),
        new(nameof(PublishToEcr.Repository), "Bad Name", InputCodes.InvalidRepositoryName, (task, _) => task.Repository = "Bad Name"),
        new(nameof(PublishToEcr.ContainerRepository), "UPPER/Case", InputCodes.InvalidRepositoryName, (task, _) => { task.Repository = null; task.ContainerRepository = "UPPER/Case"; }),
        new(nameof(PublishToEcr.ImageTags), "latest + newline", InputCodes.InvalidTag, (task, _) => task.ImageTags = [new TaskItem("latest\n")]),
        new(nameof(PublishToEcr.ImageTags), "none", InputCodes.NoTags, (task, _) => task.ImageTags = []),
        new(nameof(PublishToEcr.CreateRepository), "yes", InputCodes.InvalidCreateRepository, (task, _) => task.CreateRepository = "yes"),
        new(nameof(PublishToEcr.ScanOnPush), "yes", InputCodes.InvalidBoolean, (task, _) => task.ScanOnPush = "yes"),
        new(nameof(PublishToEcr.ImageTagMutability), "SOMETIMES", InputCodes.InvalidTagMutability, (task, _) => task.ImageTagMutability = "SOMETIMES"),
        new(nameof(PublishToEcr.ImageTagMutabilityExclusionFilters), "dev/*", InputCodes.InvalidExclusionFilter, (task, _) => task.ImageTagMutabilityExclusionFilters = [new TaskItem("dev/*")]),
        new(nameof(PublishToEcr.EncryptionType), "ROT13", InputCodes.InvalidEncryptionType, (task, _) => task.EncryptionType = "ROT13"),
        new(nameof(PublishToEcr.KmsKey), "with AES256", InputCodes.KmsKeyWithoutKmsEncryption, (task, _) => { task.EncryptionType = "AES256"; task.KmsKey = "alias/key"; }),
        new(nameof(PublishToEcr.Destinations), "no registry named", InputCodes.InvalidDestination, (task, _) => task.Destinations = [Item("backup", "Repository", "hello")]),
        new(nameof(PublishToEcr.Destinations), "Region contradicting the host", InputCodes.ConflictingDestination, (task, _) => task.Destinations = [Item("111122223333.dkr.ecr.us-west-2.amazonaws.com", "Region", "us-east-1")]),
        new(nameof(PublishToEcr.Destinations), "http ServiceUrl to another host", InputCodes.InvalidDestinationEndpoint, (task, _) => task.Destinations = [Item("dr", "ServiceUrl", "http://ecr.example.com")]),
        new(nameof(PublishToEcr.RepositoryTags), "aws: key", InputCodes.InvalidRepositoryTag, (task, _) => task.RepositoryTags = [Item("aws:reserved", "Value", "x")]),
        new(nameof(PublishToEcr.LifecyclePolicyFile), "a missing file", InputCodes.PolicyFileMissing, (task, _) => task.LifecyclePolicyFile = "missing.json"),
        new(nameof(PublishToEcr.LifecyclePolicyFile), "a JSON array", InputCodes.PolicyFileNotJson, (task, h) => task.LifecyclePolicyFile = h.Write("lifecycle.json", "[]")),
        new(nameof(PublishToEcr.RepositoryPolicyFile), "a missing file", InputCodes.PolicyFileMissing, (task, _) => task.RepositoryPolicyFile = "missing.json"),
        new(nameof(PublishToEcr.RepositoryPolicyFile), "not JSON", InputCodes.PolicyFileNotJson, (task, h) => task.RepositoryPolicyFile = h.Write("policy.json", "{ not json")),
        new(nameof(PublishToEcr.ImageBuilder), "Podman", InputCodes.InvalidImageBuilder, (task, _) => task.ImageBuilder = "Podman"),
        new(nameof(PublishToEcr.Scan), "Later", InputCodes.InvalidScanMode, (task, _) => task.Scan = "Later"),
        new(nameof(PublishToEcr.ScanTimeout), "-5", InputCodes.InvalidScanTimeout, (task, _) => task.ScanTimeout = "-5"),
        new(nameof(PublishToEcr.ScanTimeout), "TimeSpan.MaxValue", InputCodes.InvalidScanTimeout, (task, _) => task.ScanTimeout = "10675199.02:48:05"),
        new(nameof(PublishToEcr.ScanFailOnSeverity), "SEVERE", InputCodes.InvalidSeverity, (task, _) => task.ScanFailOnSeverity = "SEVERE"),
        new(nameof(PublishToEcr.ScanIgnores), "an empty name", ScanInputCodes.InvalidIgnoreName, (task, _) => task.ScanIgnores = [Item(" ", "Reason", "x")]),
        new(nameof(PublishToEcr.ScanIgnores), "Expires 31/01/2027", ScanInputCodes.InvalidIgnoreExpiry, (task, _) => task.ScanIgnores = [Item("CVE-2024-0001", "Expires", "31/01/2027")]),
        new(nameof(PublishToEcr.ScanIgnores), "the same CVE twice", ScanInputCodes.DuplicateIgnore, (task, _) => task.ScanIgnores = [Item("CVE-2024-0001", "Reason", "a"), Item("cve-2024-0001", "Reason", "b")]),
        new(nameof(PublishToEcr.ScanFailOnFixableOnly), "yes", InputCodes.InvalidBoolean, (task, _) => task.ScanFailOnFixableOnly = "yes"),
        new(nameof(PublishToEcr.ScanSarifFile), "a NUL character", ScanInputCodes.InvalidSarifFile, (task, _) => task.ScanSarifFile = "obj/sc\0an.sarif"),
        new(nameof(PublishToEcr.ScanSarifFile), "with EcrScan=None", ScanInputCodes.SarifFileWithoutScan, (task, _) => { task.Scan = "None"; task.ScanSarifFile = "scan.sarif"; }),
        new(nameof(PublishToEcr.Sbom), "yes", InputCodes.InvalidBoolean, (task, _) => task.Sbom = "yes"),
        new(nameof(PublishToEcr.SbomFormat), "swid", InputCodes.InvalidSbomFormat, (task, _) => task.SbomFormat = "swid"),
        new(nameof(PublishToEcr.WaitForSigning), "always", EcrPublish.Publishing.SigningWaitErrorCodes.InvalidMode, (task, _) => task.WaitForSigning = "always"),
        new(nameof(PublishToEcr.SigningTimeout), "0", EcrPublish.Publishing.SigningWaitErrorCodes.InvalidTimeout, (task, _) => task.SigningTimeout = "0"),
        new(nameof(PublishToEcr.Provenance), "slsa", InputCodes.InvalidBoolean, (task, _) => task.Provenance = "slsa"),
        new(nameof(PublishToEcr.LoadInto), "containerd", InputCodes.InvalidLoadInto, (task, _) => task.LoadInto = "containerd"),
        new(nameof(PublishToEcr.Push), "no", InputCodes.InvalidBoolean, (task, _) => task.Push = "no"),
        new(nameof(PublishToEcr.Push), "false without EcrLoadInto", InputCodes.NothingToPublish, (task, _) => task.Push = "false"),
        new(nameof(PublishToEcr.Push), "false with EcrScan=Wait", InputCodes.ScanWithoutPush, (task, _) => { task.Push = "false"; task.LoadInto = "Docker"; task.Scan = "Wait"; }),
        new(nameof(PublishToEcr.Sign), "yes", InputCodes.InvalidBoolean, (task, _) => task.Sign = "yes"),
        new(nameof(PublishToEcr.SigningKey), "a missing file", SigningErrorCodes.KeyFileUnreadable, (task, _) => { task.Sign = "true"; task.SigningKey = "missing-key.pem"; }),
        new(nameof(PublishToEcr.SigningKey), "an alias without name", SigningErrorCodes.KmsKeyIdInvalid, (task, h) => { task.Sign = "true"; task.SigningKey = "awskms:///alias/"; task.SigningCertificate = h.Write("chain.pem", "-"); }),
        new(nameof(PublishToEcr.SigningCertificate), "not PEM", SigningErrorCodes.CertificateUnreadable, (task, h) => { task.Sign = "true"; task.SigningKey = "awskms:///alias/release"; task.SigningCertificate = h.Write("chain.pem", "not a certificate"); }),
        new(nameof(PublishToEcr.ResultFile), "a NUL character", InputCodes.InvalidResultFile, (task, _) => task.ResultFile = "obj/re\0sult.json"),
        new(nameof(PublishToEcr.ContainerBaseImage), "not a reference", ImageBuildInvalidReference, (task, _) => task.ContainerBaseImage = "Not A Reference"),
        new(nameof(PublishToEcr.ContainerFamily), "a space", InputCodes.InvalidContainerFamily, (task, _) => { task.ContainerBaseImage = null; task.ContainerFamily = "bad family"; }),
        new(nameof(PublishToEcr.ContainerRuntimeIdentifier), "not-a-rid", ImageBuildUnknownRuntimeIdentifier, (task, _) => task.ContainerRuntimeIdentifier = "not-a-rid"),
        new(nameof(PublishToEcr.ContainerRuntimeIdentifiers), "two without their publish folders", MultiPlatformWithoutPublishes, (task, _) => task.ContainerRuntimeIdentifiers = "linux-x64;linux-arm64"),
        new(nameof(PublishToEcr.PlatformPublishes), "a missing folder", InputCodes.MissingPublishDirectory, (task, h) => task.PlatformPublishes = [Item("linux-x64", "PublishDirectory", Path.Combine(h.ProjectDirectory, "missing"))]),
        new(nameof(PublishToEcr.ContainerWorkingDirectory), "/app/../etc", ImageBuildInvalidOption, (task, _) => task.ContainerWorkingDirectory = "/app/../etc"),
        new(nameof(PublishToEcr.ContainerImageFormat), "Zip", InputCodes.InvalidContainerImageFormat, (task, _) => task.ContainerImageFormat = "Zip"),
        new(nameof(PublishToEcr.ContainerPorts), "70000", InputCodes.InvalidContainerPort, (task, _) => task.ContainerPorts = [Item("70000", "Type", "tcp")]),
        new(nameof(PublishToEcr.ContainerEnvironmentVariables), "1BAD", InputCodes.InvalidContainerEnvironmentVariable, (task, _) => task.ContainerEnvironmentVariables = [Item("1BAD", "Value", "x")]),
        new(nameof(PublishToEcr.ContainerEnvironmentVariables), "NAME + newline", InputCodes.InvalidContainerEnvironmentVariable, (task, _) => task.ContainerEnvironmentVariables = [Item("NAME\n", "Value", "x")]),
        new(nameof(PublishToEcr.ContainerAppCommandInstruction), "Sometimes", InputCodes.InvalidContainerAppCommandInstruction, (task, _) => task.ContainerAppCommandInstruction = "Sometimes"),
        new(nameof(PublishToEcr.ContainerGenerateLabels), "yes", InputCodes.InvalidBoolean, (task, _) => task.ContainerGenerateLabels = "yes"),
    ];

    public static TheoryData<string> CaseNames => [.. Cases.Select(badInput => badInput.Name)];

    [Fact]
    public void Every_task_parameter_has_a_bad_value_case_or_a_reason_for_none()
    {
        var parameters = typeof(PublishToEcr).GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(property => property.SetMethod is { IsPublic: true } && property.GetCustomAttribute<OutputAttribute>() is null)
            .Select(property => property.Name)
            .ToHashSet(StringComparer.Ordinal);
        var covered = Cases.Select(badInput => badInput.Property).ToHashSet(StringComparer.Ordinal);
        output.WriteLine($"PublishToEcr: {parameters.Count} parameters, {covered.Count} with {Cases.Length} bad-value cases, {NoBadValue.Count} with no bad value.");

        Assert.Empty(parameters.Except(covered).Except(NoBadValue.Keys).Order(StringComparer.Ordinal));
        Assert.Empty(covered.Intersect(NoBadValue.Keys));
        Assert.Empty(covered.Concat(NoBadValue.Keys).Except(parameters));
    }

    [Fact]
    public void The_unspoilt_inputs_pass_validation_and_reach_AWS()
    {
        var task = _harness.Task();

        Assert.False(task.Execute());

        // The endpoint is a closed loopback port and the test process may have no AWS credentials: either way,
        // the failure comes from the AWS client (ECR2xxx), so the cases below fail for their input alone.
        Assert.All(_harness.Engine.ErrorCodes, code => Assert.Matches(@"^ECR2[01]\d\d$", code));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void A_bad_value_fails_with_its_code_before_anything_is_sent(string name)
    {
        var badInput = Cases.Single(candidate => candidate.Name == name);
        var task = _harness.Task();
        badInput.Spoil(task, _harness);

        Assert.False(task.Execute());

        output.WriteLine(_harness.Engine.Describe());
        Assert.NotEmpty(_harness.Engine.Errors);
        Assert.All(_harness.Engine.ErrorCodes, code => Assert.Equal(badInput.Code, code));
    }

    private static readonly Dictionary<string, (string Template, string? Version, string? Environment, string Code)> TagCases = new(StringComparer.Ordinal)
    {
        [nameof(ComputeEcrImageTags.ImageTagTemplates)] = ("v{version", "1.0.0", null, InputCodes.MalformedTagTemplate),
        [nameof(ComputeEcrImageTags.Version)] = ("v{version}", "1.0 beta", null, InputCodes.InvalidTag),
        [nameof(ComputeEcrImageTags.Environment)] = ("{env}", "1.0.0", "not a tag!", InputCodes.InvalidTag),
    };

    [Fact]
    public void Every_tag_task_parameter_with_a_bad_value_fails_with_its_code()
    {
        var parameters = typeof(ComputeEcrImageTags).GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(property => property.SetMethod is { IsPublic: true } && property.GetCustomAttribute<OutputAttribute>() is null)
            .Select(property => property.Name)
            .Where(name => name != nameof(ComputeEcrImageTags.ProjectDirectory)) // set by the targets to $(MSBuildProjectDirectory)
            .Order(StringComparer.Ordinal)
            .ToList();
        output.WriteLine($"ComputeEcrImageTags: {parameters.Count + 1} parameters, {TagCases.Count} bad-value cases, 1 with no bad value.");
        Assert.Equal(parameters, TagCases.Keys.Order(StringComparer.Ordinal));

        foreach (var (property, (template, version, environment, code)) in TagCases)
        {
            var engine = new RecordingBuildEngine();
            var task = new ComputeEcrImageTags { BuildEngine = engine, ProjectDirectory = _harness.ProjectDirectory, ImageTagTemplates = template, Version = version, Environment = environment };

            Assert.False(task.Execute(), property);
            Assert.All(engine.ErrorCodes, actual => Assert.Equal(code, actual));
            Assert.NotEmpty(engine.Errors);
        }
    }

    private static TaskItem Item(string include, string metadataName, string metadataValue)
    {
        var item = new TaskItem(include);
        item.SetMetadata(metadataName, metadataValue);
        return item;
    }

    public void Dispose() => _harness.Dispose();

    private sealed record BadInput(string Property, string Value, string Code, Action<PublishToEcr, PublishToEcrHarness> Spoil)
    {
        public string Name => $"{Property}={Value} -> {Code}";
    }
}
