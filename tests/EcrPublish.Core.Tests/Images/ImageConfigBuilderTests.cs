using System.Text;
using System.Text.Json.Nodes;
using EcrPublish.Images;
using Xunit;

namespace EcrPublish.Core.Tests.Images;

public sealed class ImageConfigBuilderTests
{
    private const string BaseConfig = """
        {"architecture":"amd64","os":"linux","config":{"Env":["PATH=/usr/bin","ASPNETCORE_HTTP_PORTS=8080"],"Cmd":["bash"],
         "Labels":{"z.base":"kept"}},"container":"abc","rootfs":{"type":"layers","diff_ids":["sha256:1111111111111111111111111111111111111111111111111111111111111111"]},
         "history":[{"created":"2023-01-01T00:00:00Z","created_by":"base"}]}
        """;

    private static readonly DateTimeOffset Time = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
    private static readonly string BaseDigest = "sha256:" + new string('b', 64);
    private static readonly BuiltLayer AppLayer = new("app", "sha256:" + new string('a', 64), "sha256:" + new string('c', 64), 10, "/x");

    [Fact]
    public void A_framework_dependent_app_runs_through_dotnet_with_labels_history_and_diff_ids()
    {
        var config = Build(new LayerPlan("Shop", [], SelfContained: false, HasAppHost: true), Options() with
        {
            Environment = new Dictionary<string, string> { ["ASPNETCORE_HTTP_PORTS"] = "5000", ["A_NEW"] = "1" },
            Ports = ["5000", "53/udp"],
            User = "app",
            Version = "1.2.3",
            Revision = "abc123",
            SourceUrl = "https://example.com/shop",
            Labels = new Dictionary<string, string> { ["team"] = "shop" },
        });

        Assert.Equal(["dotnet", "Shop.dll"], Strings(config["config"]!["Entrypoint"]));
        Assert.Null(config["config"]!["Cmd"]);
        Assert.Null(config["container"]);
        Assert.Equal("/app", config["config"]!["WorkingDir"]!.GetValue<string>());
        Assert.Equal("app", config["config"]!["User"]!.GetValue<string>());
        Assert.Equal(["PATH=/usr/bin", "ASPNETCORE_HTTP_PORTS=5000", "A_NEW=1"], Strings(config["config"]!["Env"]));
        Assert.Equal(["5000/tcp", "53/udp"], config["config"]!["ExposedPorts"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        var labels = config["config"]!["Labels"]!.AsObject();
        Assert.Equal("2023-11-14T22:13:20Z", labels["org.opencontainers.image.created"]!.GetValue<string>());
        Assert.Equal("1.2.3", labels["org.opencontainers.image.version"]!.GetValue<string>());
        Assert.Equal("abc123", labels["org.opencontainers.image.revision"]!.GetValue<string>());
        Assert.Equal("https://example.com/shop", labels["org.opencontainers.image.source"]!.GetValue<string>());
        Assert.Equal("registry.example/dotnet/aspnet:10.0", labels["org.opencontainers.image.base.name"]!.GetValue<string>());
        Assert.Equal(BaseDigest, labels["org.opencontainers.image.base.digest"]!.GetValue<string>());
        Assert.Equal("kept", labels["z.base"]!.GetValue<string>());
        Assert.Equal("shop", labels["team"]!.GetValue<string>());
        Assert.Equal(labels.Select(l => l.Key).Order(StringComparer.Ordinal), labels.Select(l => l.Key));
        Assert.Equal(["sha256:" + new string('1', 64), AppLayer.DiffId], Strings(config["rootfs"]!["diff_ids"]));
        Assert.Equal(["base", "EcrPublish: app layer"], config["history"]!.AsArray().Select(h => h!["created_by"]!.GetValue<string>()));
        Assert.Equal("2023-11-14T22:13:20Z", config["created"]!.GetValue<string>());
    }

    [Fact]
    public void Omitted_automatic_labels_are_left_out_but_the_projects_own_labels_never_are()
    {
        var config = Build(new LayerPlan("Shop", [], SelfContained: false, HasAppHost: true), Options() with
        {
            Version = "1.2.3",
            Revision = "abc123",
            Labels = new Dictionary<string, string> { ["org.opencontainers.image.created"] = "by hand" },
            OmittedLabels = new HashSet<string> { "org.opencontainers.image.created", "org.opencontainers.image.revision", "org.opencontainers.image.base.digest" },
        });

        var labels = config["config"]!["Labels"]!.AsObject();
        Assert.Equal("by hand", labels["org.opencontainers.image.created"]!.GetValue<string>());
        Assert.Null(labels["org.opencontainers.image.revision"]);
        Assert.Null(labels["org.opencontainers.image.base.digest"]);
        Assert.Equal("1.2.3", labels["org.opencontainers.image.version"]!.GetValue<string>());
    }

    [Fact]
    public void A_self_contained_app_starts_through_its_apphost_and_the_platform_comes_from_the_runtime_identifier()
    {
        var config = Build(new LayerPlan("Tool", [], SelfContained: true, HasAppHost: true), Options() with { WorkingDirectory = "/srv" }, Platform.FromRuntimeIdentifier("linux-arm64"));

        Assert.Equal(["/srv/Tool"], Strings(config["config"]!["Entrypoint"]));
        Assert.Equal("arm64", config["architecture"]!.GetValue<string>());
        Assert.Equal("v8", config["variant"]!.GetValue<string>());
    }

    [Fact]
    public void Same_inputs_give_the_same_bytes_and_a_bad_port_is_rejected()
    {
        var plan = new LayerPlan("Shop", [], false, true);
        Assert.Equal(BuildBytes(plan, Options()), BuildBytes(plan, Options()));

        var exception = Assert.Throws<ImageBuildException>(() => BuildBytes(plan, Options() with { Ports = ["http"] }));
        Assert.Equal(ImageErrorCodes.InvalidOption, exception.Code);
    }

    private static ImageOptions Options() => new() { Platforms = [new PlatformPublish("linux-x64", "/publish")] };

    private static JsonNode Build(LayerPlan plan, ImageOptions options, Platform? platform = null) =>
        JsonNode.Parse(BuildBytes(plan, options, platform))!;

    private static byte[] BuildBytes(LayerPlan plan, ImageOptions options, Platform? platform = null)
    {
        var baseImage = new BaseImage(ImageReference.Parse("registry.example/dotnet/aspnet:10.0"), BaseDigest, null, Encoding.UTF8.GetBytes(BaseConfig));
        return ImageConfigBuilder.Build(baseImage, platform ?? new Platform("linux", "amd64"), plan, [AppLayer], options, Time);
    }

    private static List<string> Strings(JsonNode? array) => array!.AsArray().Select(node => node!.GetValue<string>()).ToList();
}
