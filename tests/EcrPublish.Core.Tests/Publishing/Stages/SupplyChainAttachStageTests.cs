using System.Text;
using System.Text.Json;
using EcrPublish.Core.Tests.Images;
using EcrPublish.Core.Tests.Publishing;
using EcrPublish.Images;
using EcrPublish.Publishing;
using EcrPublish.Publishing.Stages;
using EcrPublish.SupplyChain;
using Xunit;

namespace EcrPublish.Core.Tests.Publishing.Stages;

/// <summary>
/// The real attach stage over a real daemonless build (scratch base, a publish folder with one NuGet package), with a
/// pusher that records what it is asked to attach instead of a registry.
/// </summary>
public sealed class SupplyChainAttachStageTests : IDisposable
{
    private static readonly PushTarget Target = new("127.0.0.1:5000", "127.0.0.1:5000", "hello", ["latest"], RepositoryIsNew: false);

    private readonly TempDirectory _temp = new();
    private readonly RecordingPublishLog _log = new();
    private readonly RecordingPusher _pusher = new();

    public void Dispose() => _temp.Dispose();

    private sealed class RecordingPusher : IReferrerPusher
    {
        public List<(string Subject, ReferrerArtifact Artifact)> Pushed { get; } = [];

        public Task<string> PushAsync(PushTarget target, string subjectDigest, ReferrerArtifact artifact, CancellationToken cancellationToken)
        {
            Pushed.Add((subjectDigest, artifact));
            return Task.FromResult(ContentDigest.Of(artifact.Content.ToArray()));
        }
    }

    private EcrPublishRequest Request(SupplyChainSettings supplyChain, ImageBuilderKind builder = ImageBuilderKind.Daemonless)
    {
        var packageHash = "sha512-" + Convert.ToBase64String(new byte[64]);
        _temp.Write("publish/Hello.dll", "app");
        _temp.Write("publish/Hello.deps.json",
            """{"runtimeTarget":{"name":".NETCoreApp,Version=v10.0"},"targets":{".NETCoreApp,Version=v10.0":{"Hello/1.0.0":{"dependencies":{"Serilog":"4.0.0"},"runtime":{"Hello.dll":{}}},"Serilog/4.0.0":{"runtime":{"lib/net8.0/Serilog.dll":{}}}}},"libraries":{"Hello/1.0.0":{"type":"project"},"Serilog/4.0.0":{"type":"package","sha512":"""
            + $"\"{packageHash}\"}}}}}}");
        return EcrPublishPipelineTests.Request(new ContainerSettings { BaseImage = "scratch" }, builder) with
        {
            PublishDirectory = Path.Combine(_temp.Path, "publish"),
            ResultFile = Path.Combine(_temp.Path, "obj", "ecrpublish.result.json"),
            SupplyChain = supplyChain,
        };
    }

    private async Task<(IReadOnlyList<AttachedReferrer> Attached, PushedImage Image)> AttachAsync(EcrPublishRequest request, bool daemonless = true)
    {
        using var connections = new PublishConnections(request, _log, TimeProvider.System, null, _ => throw new InvalidOperationException("no ECR client"), Path.Combine(_temp.Path, "cache"));
        var built = await new ImageBuilder(connections.Cache, new BaseImageResolver(connections.Registries)).BuildAsync(ImageOptionsFactory.Create(request), CancellationToken.None);
        var image = new PushedImage(built.Digest, [.. built.Images.Select(platform => platform.Digest)], "pushed") { Built = daemonless ? built : null };
        var attached = await new SupplyChainAttachStage(request, connections, _pusher, _log).AttachAsync(Target, image, CancellationToken.None);
        return (attached, image);
    }

    [Fact]
    public async Task Attaches_the_SBOM_to_the_platform_image_and_the_provenance_to_the_pushed_image_and_writes_the_SBOM_next_to_the_result_file()
    {
        var (attached, image) = await AttachAsync(Request(new SupplyChainSettings()));

        Assert.Equal([(SupplyChainMediaTypes.SpdxJson, image.PlatformDigests[0]), (SupplyChainMediaTypes.InTotoJson, image.Digest)],
            _pusher.Pushed.Select(pushed => (pushed.Artifact.ArtifactType, pushed.Subject)));
        var sbomFile = Path.Combine(_temp.Path, "obj", "ecrpublish.sbom.spdx.json");
        Assert.Equal(sbomFile, attached[0].LocalFile);
        Assert.Null(attached[1].LocalFile);
        Assert.Equal(_pusher.Pushed[0].Artifact.Content.ToArray(), File.ReadAllBytes(sbomFile));
        using var spdx = JsonDocument.Parse(File.ReadAllBytes(sbomFile));
        Assert.Contains(spdx.RootElement.GetProperty("packages").EnumerateArray(), package => package.GetProperty("name").GetString() == "Serilog");
        using var provenance = JsonDocument.Parse(_pusher.Pushed[1].Artifact.Content);
        Assert.Equal(image.Digest["sha256:".Length..], provenance.RootElement.GetProperty("subject")[0].GetProperty("digest").GetProperty("sha256").GetString());
    }

    [Fact]
    public async Task The_provenance_names_the_build_s_configuration_runtime_identifiers_tag_templates_and_SDK_and_nothing_else()
    {
        var request = Request(new SupplyChainSettings(Sbom: false)) with
        {
            Build = new BuildParameters("Release", "10.0.100", ["v{version}", "git-{sha:7}"]),
            GitSha = "0123456789abcdef0123456789abcdef01234567",
        };

        await AttachAsync(request);

        using var provenance = JsonDocument.Parse(Assert.Single(_pusher.Pushed).Artifact.Content);
        var definition = provenance.RootElement.GetProperty("predicate").GetProperty("buildDefinition");
        var parameters = definition.GetProperty("externalParameters");
        Assert.Equal(["baseImage", "configuration", "project", "repository", "runtimeIdentifiers", "tags"],
            parameters.EnumerateObject().Select(parameter => parameter.Name).Order(StringComparer.Ordinal));
        Assert.Equal("Hello", parameters.GetProperty("project").GetString());
        Assert.Equal("Release", parameters.GetProperty("configuration").GetString());
        Assert.Equal(["linux-x64"], parameters.GetProperty("runtimeIdentifiers").EnumerateArray().Select(rid => rid.GetString()));
        Assert.Equal(["v{version}", "git-{sha:7}"], parameters.GetProperty("tags").EnumerateArray().Select(tag => tag.GetString()));
        Assert.Equal("hello", parameters.GetProperty("repository").GetString());
        Assert.Equal("scratch", parameters.GetProperty("baseImage").GetString());
        var dependencies = definition.GetProperty("resolvedDependencies").EnumerateArray().ToList();
        Assert.Equal(request.GitSha, dependencies[0].GetProperty("digest").GetProperty("gitCommit").GetString());
        var sdk = Assert.Single(dependencies, dependency => dependency.TryGetProperty("name", out var name) && name.GetString() == "dotnet-sdk");
        Assert.Equal("pkg:generic/dotnet-sdk@10.0.100", sdk.GetProperty("uri").GetString());
        Assert.Equal("10.0.100", sdk.GetProperty("annotations").GetProperty("version").GetString());
        Assert.Equal("10.0.100", provenance.RootElement.GetProperty("predicate").GetProperty("runDetails").GetProperty("builder").GetProperty("version").GetProperty("dotnet-sdk").GetString());
    }

    [Fact]
    public async Task The_same_build_gives_the_same_documents()
    {
        var request = Request(new SupplyChainSettings(SbomFormat: SbomFormat.Both));
        await AttachAsync(request);
        await AttachAsync(request);

        Assert.Equal(6, _pusher.Pushed.Count);
        Assert.Equal([SupplyChainMediaTypes.SpdxJson, SupplyChainMediaTypes.CycloneDxJson, SupplyChainMediaTypes.InTotoJson], _pusher.Pushed.Take(3).Select(pushed => pushed.Artifact.ArtifactType));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(_pusher.Pushed[i].Artifact.Content.ToArray(), _pusher.Pushed[i + 3].Artifact.Content.ToArray());
        }
    }

    [Fact]
    public async Task Attaches_nothing_when_both_are_off()
    {
        var (attached, _) = await AttachAsync(Request(SupplyChainSettings.None));

        Assert.Empty(attached);
        Assert.Empty(_pusher.Pushed);
        Assert.False(File.Exists(Path.Combine(_temp.Path, "obj", "ecrpublish.sbom.spdx.json")));
    }

    [Fact]
    public async Task EcrSbom_false_attaches_the_provenance_only()
    {
        await AttachAsync(Request(new SupplyChainSettings(Sbom: false)));

        Assert.Equal([SupplyChainMediaTypes.InTotoJson], _pusher.Pushed.Select(pushed => pushed.Artifact.ArtifactType));
        Assert.False(File.Exists(Path.Combine(_temp.Path, "obj", "ecrpublish.sbom.spdx.json")));
    }

    [Fact]
    public async Task EcrProvenance_false_attaches_the_SBOM_only_in_the_format_asked()
    {
        var (attached, _) = await AttachAsync(Request(new SupplyChainSettings(SbomFormat: SbomFormat.CycloneDx, Provenance: false)));

        Assert.Equal([SupplyChainMediaTypes.CycloneDxJson], _pusher.Pushed.Select(pushed => pushed.Artifact.ArtifactType));
        Assert.Equal(Path.Combine(_temp.Path, "obj", "ecrpublish.sbom.cdx.json"), attached[0].LocalFile);
    }

    [Fact]
    public async Task The_Docker_builder_s_image_gets_the_provenance_and_the_log_says_why_there_is_no_SBOM()
    {
        await AttachAsync(Request(new SupplyChainSettings(), ImageBuilderKind.Docker), daemonless: false);

        Assert.Equal([SupplyChainMediaTypes.InTotoJson], _pusher.Pushed.Select(pushed => pushed.Artifact.ArtifactType));
        Assert.Contains(_log.Lines, line => line.Contains("no SBOM attached", StringComparison.Ordinal));
    }
}
