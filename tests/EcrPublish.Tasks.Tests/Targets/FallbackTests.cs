using EcrPublish.Validation;

namespace EcrPublish.Tasks.Tests.Targets;

/// <summary>
/// The SDK's Container* properties (and the project's own Description, Authors, ...) stand in when the Ecr*
/// property is unset, and the Ecr* property wins when both are set. Every publish stops at input validation
/// (EcrScan=Sometimes, ECR1024), so nothing is sent.
/// </summary>
[Collection(MSBuildTestGroup.Name)]
public sealed class FallbackTests : IAsyncLifetime
{
    private TestProject _project = null!;

    public async Task InitializeAsync()
    {
        _project = await TestProject.CreateAsync("fallbacks", """
            <PropertyGroup>
              <Description>An app</Description>
              <Authors>Team A</Authors>
              <Title>App title</Title>
              <PackageProjectUrl>https://example.com/app</PackageProjectUrl>
              <PackageLicenseExpression>MIT</PackageLicenseExpression>
            </PropertyGroup>
            """);
        _project.Write("Dockerfile.sdk", "FROM scratch\n");
        _project.Write("Dockerfile.ecr", "FROM scratch\n");
    }

    [Theory]
    [InlineData("EcrImageTags", "ecr-a;ecr-b", "ecr-a;ecr-b")]
    [InlineData("ContainerImageTags", "sdk-a;sdk-b", "sdk-a;sdk-b")]
    [InlineData("ContainerImageTag", "sdk-one", "sdk-one")]
    public void The_image_tags_come_from_the_first_tag_property_set(string property, string value, string expected)
    {
        var build = _project.PublishToEcr(TestProject.StopAtValidation, (property, value));

        Assert.Equal(expected.Split(';'), build.Inputs("PublishToEcr").Items(nameof(PublishToEcr.ImageTags)).Select(tag => tag.Spec));
    }

    [Fact]
    public void EcrImageTags_wins_over_the_SDKs_tag_properties()
    {
        var build = _project.PublishToEcr(TestProject.StopAtValidation, ("EcrImageTags", "ecr"), ("ContainerImageTags", "sdk-a;sdk-b"), ("ContainerImageTag", "sdk-one"));

        Assert.Equal(["ecr"], build.Inputs("PublishToEcr").Items(nameof(PublishToEcr.ImageTags)).Select(tag => tag.Spec));
    }

    [Theory]
    [InlineData(null, "Podman", "Podman")]
    [InlineData("Docker", "Podman", "Docker")]
    public void The_engine_to_load_into_is_EcrLoadInto_else_LocalRegistry(string? ecrLoadInto, string localRegistry, string expected)
    {
        var properties = new List<(string, string)> { TestProject.StopAtValidation, ("LocalRegistry", localRegistry) };
        if (ecrLoadInto is not null)
        {
            properties.Add(("EcrLoadInto", ecrLoadInto));
        }

        Assert.Equal(expected, _project.PublishToEcr([.. properties]).Inputs("PublishToEcr")[nameof(PublishToEcr.LoadInto)]);
    }

    [Theory]
    [InlineData(null, "Dockerfile.sdk", "Dockerfile.sdk")]
    [InlineData("Dockerfile.ecr", "Dockerfile.sdk", "Dockerfile.ecr")]
    public void The_Dockerfile_is_EcrDockerfile_else_ContainerDockerfile(string? ecrDockerfile, string containerDockerfile, string expected)
    {
        (string, string)[] properties = ecrDockerfile is null
            ? [TestProject.StopAtValidation, ("ContainerDockerfile", containerDockerfile)]
            : [TestProject.StopAtValidation, ("ContainerDockerfile", containerDockerfile), ("EcrDockerfile", ecrDockerfile)];

        var build = _project.PublishToEcr(properties);

        Assert.Equal(expected, build.Inputs("PublishToEcr")[nameof(PublishToEcr.Dockerfile)]);
    }

    [Fact]
    public void The_repository_falls_back_to_ContainerRepository_which_is_validated_like_EcrRepository()
    {
        var build = _project.PublishToEcr(TestProject.StopAtValidation, ("ContainerRepository", "UPPER/Case"));

        var inputs = build.Inputs("PublishToEcr");
        Assert.Null(inputs[nameof(PublishToEcr.Repository)]);
        Assert.Equal("UPPER/Case", inputs[nameof(PublishToEcr.ContainerRepository)]);
        Assert.Contains(InputCodes.InvalidRepositoryName, build.ErrorCodes);
        Assert.Contains("UPPER/Case", Assert.Single(build.Errors, error => error.Code == InputCodes.InvalidRepositoryName).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EcrRepository_wins_over_ContainerRepository()
    {
        var build = _project.PublishToEcr(TestProject.StopAtValidation, ("ContainerRepository", "UPPER/Case"), ("EcrRepository", "team/app"));

        // The SDK's name would be refused; it is not even read when EcrRepository is set.
        Assert.Equal([InputCodes.InvalidScanMode], build.ErrorCodes);
    }

    [Fact]
    public void The_labels_fall_back_to_the_projects_package_properties()
    {
        var build = _project.PublishToEcr(TestProject.StopAtValidation);

        Assert.Equal(new Dictionary<string, string>
        {
            ["Description"] = "An app", ["Authors"] = "Team A", ["Title"] = "App title", ["Vendor"] = string.Empty,
            ["InformationUrl"] = "https://example.com/app", ["DocumentationUrl"] = "https://example.com/app",
            ["LicenseExpression"] = "MIT", ["Version"] = "1.2.3",
        }, LabelValues(build));
    }

    [Fact]
    public void The_SDKs_Container_label_properties_win_over_the_package_properties()
    {
        var build = _project.PublishToEcr(TestProject.StopAtValidation,
            ("ContainerDescription", "Image text"), ("ContainerAuthors", "Team B"), ("ContainerTitle", "Image title"), ("ContainerVendor", "Example Inc"),
            ("ContainerInformationUrl", "https://example.com/info"), ("ContainerDocumentationUrl", "https://example.com/docs"),
            ("ContainerLicenseExpression", "Apache-2.0"), ("ContainerVersion", "9.9.9"));

        Assert.Equal(new Dictionary<string, string>
        {
            ["Description"] = "Image text", ["Authors"] = "Team B", ["Title"] = "Image title", ["Vendor"] = "Example Inc",
            ["InformationUrl"] = "https://example.com/info", ["DocumentationUrl"] = "https://example.com/docs",
            ["LicenseExpression"] = "Apache-2.0", ["Version"] = "9.9.9",
        }, LabelValues(build));
    }

    [Fact]
    public void The_result_file_defaults_to_the_intermediate_folder()
    {
        var build = _project.PublishToEcr(TestProject.StopAtValidation);

        Assert.Equal(Path.Combine("obj", "Debug", "net10.0", "ecrpublish.result.json"), build.Inputs("PublishToEcr")[nameof(PublishToEcr.ResultFile)]);
    }

    [Theory]
    [InlineData("SelfContained", "true")]
    [InlineData("PublishAot", "true")]
    public void A_self_contained_or_native_app_is_self_contained(string property, string value)
    {
        var build = _project.PublishToEcr(TestProject.StopAtValidation, (property, value), ("RuntimeIdentifier", "linux-x64"));

        Assert.Equal("true", build.Inputs("PublishToEcr")[nameof(PublishToEcr.IsSelfContained)], ignoreCase: true);
    }

    [Fact]
    public async Task A_project_with_the_ASP_NET_Core_framework_uses_it()
    {
        using var web = await TestProject.CreateAsync("webapp", """<ItemGroup><FrameworkReference Include="Microsoft.AspNetCore.App" /></ItemGroup>""");

        var build = web.PublishToEcr(TestProject.StopAtValidation);

        Assert.Equal("true", build.Inputs("PublishToEcr")[nameof(PublishToEcr.UsesAspNetCore)], ignoreCase: true);
    }

    private static Dictionary<string, string> LabelValues(BuildRecord build) =>
        build.Inputs("PublishToEcr").Items(nameof(PublishToEcr.ContainerLabelValues)).ToDictionary(label => label.Spec, label => label.Metadatum("Value"), StringComparer.Ordinal);

    public Task DisposeAsync()
    {
        _project.Dispose();
        return Task.CompletedTask;
    }
}
