using System.Reflection;
using EcrPublish.Testing;
using EcrPublish.Validation;
using Microsoft.Build.Framework;
using Xunit.Abstractions;

namespace EcrPublish.Tasks.Tests.Targets;

/// <summary>
/// Each MSBuild property reaches its <see cref="PublishToEcr"/> parameter through the package's targets. Every
/// publish sets EcrScan=Sometimes, the one bad input, so the task stops at input validation: nothing is sent, and
/// that its only error is ECR1024 shows every other mapped value was a valid input.
/// </summary>
[Collection(MSBuildTestGroup.Name)]
public sealed class PropertyMappingTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>MSBuild property, a valid value, and the task parameter it must reach unchanged.</summary>
    private static readonly (string Property, string Value, string Parameter)[] Scalars =
    [
        ("EcrRegion", "eu-central-1", nameof(PublishToEcr.Region)),
        ("EcrRegistryId", "123456789012", nameof(PublishToEcr.RegistryId)),
        ("ContainerRegistry", "123456789012.dkr.ecr.eu-central-1.amazonaws.com", nameof(PublishToEcr.ContainerRegistry)),
        ("ContainerArchiveOutputPath", "out/image.tar", nameof(PublishToEcr.ContainerArchiveOutputPath)),
        ("EcrProfile", "deploy", nameof(PublishToEcr.Profile)),
        ("EcrServiceUrl", TestProject.UnusedEndpoint, nameof(PublishToEcr.ServiceUrl)),
        ("EcrAllowInsecureEndpoints", "true", nameof(PublishToEcr.AllowInsecureEndpoints)),
        ("EcrRegistryEndpoint", "http://127.0.0.1:5999", nameof(PublishToEcr.RegistryEndpoint)),
        ("EcrLoadInto", "Podman", nameof(PublishToEcr.LoadInto)),
        ("EcrPush", "false", nameof(PublishToEcr.Push)),
        ("EcrImageBuilder", "Docker", nameof(PublishToEcr.ImageBuilder)),
        ("EcrDockerfile", "Dockerfile.ecr", nameof(PublishToEcr.Dockerfile)),
        ("EcrDockerContext", "context", nameof(PublishToEcr.DockerContext)),
        ("EcrRepository", "team/mapped", nameof(PublishToEcr.Repository)),
        ("ContainerRepository", "team/sdk-name", nameof(PublishToEcr.ContainerRepository)),
        ("EcrCreateRepository", "false", nameof(PublishToEcr.CreateRepository)),
        ("EcrScanOnPush", "true", nameof(PublishToEcr.ScanOnPush)),
        ("EcrSbom", "false", nameof(PublishToEcr.Sbom)),
        ("EcrSbomFormat", "both", nameof(PublishToEcr.SbomFormat)),
        ("EcrProvenance", "false", nameof(PublishToEcr.Provenance)),
        ("EcrWaitForSigning", "true", nameof(PublishToEcr.WaitForSigning)),
        ("EcrSigningTimeout", "00:02:00", nameof(PublishToEcr.SigningTimeout)),
        ("EcrImageTags", "v{version};stable", nameof(PublishToEcr.ImageTagTemplates)),
        ("Configuration", "Release", nameof(PublishToEcr.Configuration)),
        ("EcrSign", "false", nameof(PublishToEcr.Sign)),
        ("EcrSigningKey", "awskms:///alias/release", nameof(PublishToEcr.SigningKey)),
        ("EcrSigningCertificate", "signing/chain.pem", nameof(PublishToEcr.SigningCertificate)),
        ("EcrImageTagMutability", "IMMUTABLE_WITH_EXCLUSION", nameof(PublishToEcr.ImageTagMutability)),
        ("EcrEncryptionType", "KMS", nameof(PublishToEcr.EncryptionType)),
        ("EcrKmsKey", "alias/ecr", nameof(PublishToEcr.KmsKey)),
        ("EcrLifecyclePolicyFile", "lifecycle.json", nameof(PublishToEcr.LifecyclePolicyFile)),
        ("EcrRepositoryPolicyFile", "policy.json", nameof(PublishToEcr.RepositoryPolicyFile)),
        (TestProject.StopAtValidation.Name, TestProject.StopAtValidation.Value, nameof(PublishToEcr.Scan)),
        ("EcrScanTimeout", "00:05:00", nameof(PublishToEcr.ScanTimeout)),
        ("EcrScanFailOnSeverity", "HIGH", nameof(PublishToEcr.ScanFailOnSeverity)),
        ("EcrScanFailOnFixableOnly", "true", nameof(PublishToEcr.ScanFailOnFixableOnly)),
        ("EcrResultFile", "out/result.json", nameof(PublishToEcr.ResultFile)),
        ("ContainerBaseImage", "scratch", nameof(PublishToEcr.ContainerBaseImage)),
        ("ContainerFamily", "noble-chiseled", nameof(PublishToEcr.ContainerFamily)),
        ("ContainerRuntimeIdentifier", "linux-x64", nameof(PublishToEcr.ContainerRuntimeIdentifier)),
        ("ContainerWorkingDirectory", "/srv/app", nameof(PublishToEcr.ContainerWorkingDirectory)),
        ("ContainerUser", "1000", nameof(PublishToEcr.ContainerUser)),
        ("ContainerImageFormat", "OCI", nameof(PublishToEcr.ContainerImageFormat)),
        ("ContainerAppCommandInstruction", "Entrypoint", nameof(PublishToEcr.ContainerAppCommandInstruction)),
        ("ContainerGenerateLabels", "false", nameof(PublishToEcr.ContainerGenerateLabels)),
        ("Version", "2.3.4", nameof(PublishToEcr.Version)),
    ];

    /// <summary>Scan gate settings that cannot go with the scalars above (a SARIF file with EcrPush=false is refused, ECR1069).</summary>
    private static readonly (string Property, string Value, string Parameter)[] ScanGateScalars =
    [
        ("EcrScanSarifFile", "out/scan.sarif", nameof(PublishToEcr.ScanSarifFile)),
    ];

    /// <summary>MSBuild item type, with the metadata it carries, and the task parameter it must reach.</summary>
    private static readonly (string ItemType, string Include, string Metadata, string MetadataValue, string Parameter)[] Items =
    [
        ("EcrDockerBuildArg", "CONFIGURATION", "Value", "Release", nameof(PublishToEcr.DockerBuildArgs)),
        ("EcrRepositoryTag", "team", "Value", "payments", nameof(PublishToEcr.RepositoryTags)),
        ("EcrImageTagMutabilityExclusionFilter", "release", "", "", nameof(PublishToEcr.ImageTagMutabilityExclusionFilters)),
        ("EcrScanIgnore", "CVE-2024-1234", "Expires", "2099-12-31", nameof(PublishToEcr.ScanIgnores)),
        ("ContainerPort", "8080", "Type", "tcp", nameof(PublishToEcr.ContainerPorts)),
        ("ContainerEnvironmentVariable", "ASPNETCORE_URLS", "Value", "http://+:8080", nameof(PublishToEcr.ContainerEnvironmentVariables)),
        ("ContainerLabel", "com.example.team", "Value", "payments", nameof(PublishToEcr.ContainerLabels)),
        ("ContainerAppCommand", "dotnet", "", "", nameof(PublishToEcr.ContainerAppCommand)),
        ("ContainerAppCommandArgs", "App.dll", "", "", nameof(PublishToEcr.ContainerAppCommandArgs)),
        ("ContainerEntrypoint", "/bin/sh", "", "", nameof(PublishToEcr.ContainerEntrypoint)),
        ("ContainerEntrypointArgs", "-c", "", "", nameof(PublishToEcr.ContainerEntrypointArgs)),
        ("ContainerDefaultArgs", "--urls", "", "", nameof(PublishToEcr.ContainerDefaultArgs)),
    ];

    /// <summary>Parameters whose value the targets compute rather than copy; the tests below and <see cref="FallbackTests"/> cover them.</summary>
    private static readonly string[] Computed =
    [
        nameof(PublishToEcr.ProjectDirectory), nameof(PublishToEcr.ProjectName), nameof(PublishToEcr.PublishDirectory),
        nameof(PublishToEcr.AssemblyName), nameof(PublishToEcr.TargetFileName), nameof(PublishToEcr.TargetFrameworkVersion),
        nameof(PublishToEcr.IsSelfContained), nameof(PublishToEcr.UsesAspNetCore), nameof(PublishToEcr.GitSha),
        nameof(PublishToEcr.ImageTags), nameof(PublishToEcr.ContainerRuntimeIdentifiers), nameof(PublishToEcr.PlatformPublishes),
        nameof(PublishToEcr.ContainerLabelValues), nameof(PublishToEcr.ContainerOmittedLabels), nameof(PublishToEcr.SdkVersion),
    ];

    private TestProject _project = null!;

    public async Task InitializeAsync()
    {
        var items = string.Concat(Items.Select(item => item.Metadata.Length == 0
            ? $"<{item.ItemType} Include=\"{item.Include}\" />"
            : $"<{item.ItemType} Include=\"{item.Include}\" {item.Metadata}=\"{item.MetadataValue}\" />"));
        _project = await TestProject.CreateAsync("mapped", $"<ItemGroup>{items}</ItemGroup>");
        _project.Write("Dockerfile.ecr", "FROM scratch\n");
        _project.Write("context/.keep", string.Empty);
        _project.Write("lifecycle.json", CheatSheet.LifecyclePolicy);
        _project.Write("policy.json", """{"Version":"2012-10-17","Statement":[]}""");
    }

    [Fact]
    public void Every_task_parameter_is_mapped_here_or_computed_by_the_targets()
    {
        var parameters = typeof(PublishToEcr).GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(property => property.SetMethod is { IsPublic: true } && property.GetCustomAttribute<OutputAttribute>() is null)
            .Select(property => property.Name);
        var covered = Scalars.Concat(ScanGateScalars).Select(scalar => scalar.Parameter).Concat(Items.Select(item => item.Parameter)).Concat(Computed)
            .Append(nameof(PublishToEcr.Destinations));

        Assert.Empty(parameters.Except(covered).Order(StringComparer.Ordinal));
        Assert.Empty(covered.Except(parameters).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Each_property_reaches_its_task_parameter_unchanged_and_is_a_valid_input()
    {
        var build = _project.PublishToEcr([.. Scalars.Select(scalar => (scalar.Property, scalar.Value))]);
        output.WriteLine(build.Log);

        Assert.Equal([InputCodes.InvalidScanMode], build.ErrorCodes);
        var inputs = build.Inputs("PublishToEcr");
        Assert.All(Scalars, scalar => Assert.True(inputs[scalar.Parameter] == scalar.Value, $"{scalar.Property}={scalar.Value} reached {scalar.Parameter} as '{inputs[scalar.Parameter]}'"));
    }

    [Fact]
    public void The_scan_gate_settings_reach_their_task_parameters_unchanged_and_are_valid_inputs()
    {
        var build = _project.PublishToEcr([TestProject.StopAtValidation, .. ScanGateScalars.Select(scalar => (scalar.Property, scalar.Value))]);
        output.WriteLine(build.Log);

        Assert.Equal([InputCodes.InvalidScanMode], build.ErrorCodes);
        var inputs = build.Inputs("PublishToEcr");
        Assert.All(ScanGateScalars, scalar => Assert.Equal(scalar.Value, inputs[scalar.Parameter]));
    }

    [Fact]
    public void Each_item_reaches_its_task_parameter_with_its_metadata()
    {
        var build = _project.PublishToEcr(TestProject.StopAtValidation);
        output.WriteLine(build.Log);

        Assert.Equal([InputCodes.InvalidScanMode], build.ErrorCodes);
        var inputs = build.Inputs("PublishToEcr");
        Assert.All(Items, item =>
        {
            var received = Assert.Single(inputs.Items(item.Parameter));
            Assert.Equal(item.Include, received.Spec);
            Assert.Equal(item.MetadataValue, item.Metadata.Length == 0 ? string.Empty : received.Metadatum(item.Metadata));
        });
    }

    /// <summary>On its own project: the Docker builder and EcrPush=false of the scalars above refuse destinations (ECR1074, ECR1075).</summary>
    [Fact]
    public async Task A_destination_item_reaches_its_task_parameter_with_its_metadata()
    {
        using var project = await TestProject.CreateAsync("destined",
            """<ItemGroup><EcrDestination Include="222222222222.dkr.ecr.us-west-2.amazonaws.com" Repository="team/mirror" Profile="mirror" /></ItemGroup>""");

        var build = project.PublishToEcr(TestProject.StopAtValidation);
        output.WriteLine(build.Log);

        Assert.Equal([InputCodes.InvalidScanMode], build.ErrorCodes);
        var received = Assert.Single(build.Inputs("PublishToEcr").Items(nameof(PublishToEcr.Destinations)));
        Assert.Equal("222222222222.dkr.ecr.us-west-2.amazonaws.com", received.Spec);
        Assert.Equal("team/mirror", received.Metadatum("Repository"));
        Assert.Equal("mirror", received.Metadatum("Profile"));
    }

    [Fact]
    public void The_project_facts_come_from_the_project()
    {
        var build = _project.PublishToEcr(TestProject.StopAtValidation);

        var inputs = build.Inputs("PublishToEcr");
        Assert.Equal(_project.Directory, inputs[nameof(PublishToEcr.ProjectDirectory)]);
        Assert.Equal("mapped", inputs[nameof(PublishToEcr.ProjectName)]);
        Assert.Equal("mapped", inputs[nameof(PublishToEcr.AssemblyName)]);
        Assert.Equal("mapped.dll", inputs[nameof(PublishToEcr.TargetFileName)]);
        Assert.Equal("10.0", inputs[nameof(PublishToEcr.TargetFrameworkVersion)]);
        Assert.Equal(Path.Combine("bin", "Debug", "net10.0", "publish") + Path.DirectorySeparatorChar, inputs[nameof(PublishToEcr.PublishDirectory)]);
        Assert.Equal("False", inputs[nameof(PublishToEcr.IsSelfContained)], ignoreCase: true);
        Assert.Equal("False", inputs[nameof(PublishToEcr.UsesAspNetCore)], ignoreCase: true);
        Assert.Equal("Debug", inputs[nameof(PublishToEcr.Configuration)]);
        Assert.Matches(@"^\d+\.\d+\.\d{3}", inputs[nameof(PublishToEcr.SdkVersion)]);
        Assert.Null(inputs[nameof(PublishToEcr.ImageTagTemplates)]);
    }

    [Fact]
    public async Task The_commit_is_read_with_LibGit2Sharp_inside_MSBuild_and_tags_the_image()
    {
        var sha = await _project.GitAsync("rev-parse", "HEAD");

        var build = _project.PublishToEcr(TestProject.StopAtValidation);

        // {sha} can only equal git's own answer if LibGit2Sharp's native library loaded in MSBuild's plugin context.
        var inputs = build.Inputs("PublishToEcr");
        Assert.Equal(sha, inputs[nameof(PublishToEcr.GitSha)]);
        Assert.Equal(["v1.2.3", sha[..7], $"v1.2.3-{sha[..7]}", "latest"], inputs.Items(nameof(PublishToEcr.ImageTags)).Select(tag => tag.Spec));
        Assert.Contains($"EcrPublish: image tags v1.2.3, {sha[..7]}, v1.2.3-{sha[..7]}, latest", build.Log, StringComparison.Ordinal);
        Assert.DoesNotContain("DllNotFoundException", build.Log, StringComparison.Ordinal);
    }

    public Task DisposeAsync()
    {
        _project.Dispose();
        return Task.CompletedTask;
    }
}
