using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using EcrPublish.SupplyChain;
using Xunit;

namespace EcrPublish.Core.Tests.SupplyChain;

/// <summary>The SPDX and CycloneDX documents of a real app on a real Debian base: content, relationships, reproducibility.</summary>
public sealed class SbomDocumentWriterTests : IDisposable
{
    private readonly SbomTestImage _image = new();

    [Fact]
    public void The_same_inputs_give_the_same_bytes_wherever_the_publish_folder_is()
    {
        using var elsewhere = new SbomTestImage();
        var first = SbomInputGatherer.Gather(_image.Sources());
        var second = SbomInputGatherer.Gather(elsewhere.Sources());

        Assert.Equal(SbomDocumentWriter.WriteSpdx(first), SbomDocumentWriter.WriteSpdx(second));
        Assert.Equal(SbomDocumentWriter.WriteCycloneDx(first), SbomDocumentWriter.WriteCycloneDx(second));
        // The time is the one given (the commit time / SOURCE_DATE_EPOCH), never the clock.
        Assert.Contains("\"created\": \"2023-11-14T22:13:20Z\"", Encoding.UTF8.GetString(SbomDocumentWriter.WriteSpdx(first)), StringComparison.Ordinal);
        Assert.Contains("\"timestamp\": \"2023-11-14T22:13:20Z\"", Encoding.UTF8.GetString(SbomDocumentWriter.WriteCycloneDx(first)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_input_changes_the_bytes_and_another_image_gets_another_namespace()
    {
        var inputs = SbomInputGatherer.Gather(_image.Sources());
        var fewer = inputs with { NuGetPackages = inputs.NuGetPackages.Skip(1).ToList() };
        var other = inputs with { Image = inputs.Image with { ManifestDigest = "sha256:" + new string('4', 64) } };

        Assert.NotEqual(SbomDocumentWriter.WriteSpdx(inputs), SbomDocumentWriter.WriteSpdx(fewer));
        Assert.NotEqual(Spdx(inputs).GetProperty("documentNamespace").GetString(), Spdx(other).GetProperty("documentNamespace").GetString());
        Assert.NotEqual(CycloneDx(inputs).GetProperty("serialNumber").GetString(), CycloneDx(other).GetProperty("serialNumber").GetString());
    }

    [Fact]
    public void Every_package_of_the_deps_json_is_listed_with_its_purl_and_sha512()
    {
        // Read the deps.json here independently of DepsFile: libraries of type package, sha512 as hex.
        using var deps = JsonDocument.Parse(File.ReadAllBytes(SbomTestImage.DataFile("ManyPackagesApp.deps.json")));
        var expected = deps.RootElement.GetProperty("libraries").EnumerateObject()
            .Where(library => library.Value.GetProperty("type").GetString() == "package")
            .Select(library => (Name: library.Name.Split('/')[0], Version: library.Name.Split('/')[1],
                Sha512: Convert.ToHexString(Convert.FromBase64String(library.Value.GetProperty("sha512").GetString()!["sha512-".Length..])).ToLowerInvariant()))
            .Select(package => $"{package.Name} {package.Version} pkg:nuget/{package.Name}@{package.Version} {package.Sha512}")
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(28, expected.Count);

        var inputs = SbomInputGatherer.Gather(_image.Sources());
        var spdx = Spdx(inputs).GetProperty("packages").EnumerateArray()
            .Where(package => package.TryGetProperty("primaryPackagePurpose", out var purpose) && purpose.GetString() == "LIBRARY")
            .Select(package => $"{package.GetProperty("name").GetString()} {package.GetProperty("versionInfo").GetString()} "
                + $"{package.GetProperty("externalRefs")[0].GetProperty("referenceLocator").GetString()} "
                + package.GetProperty("checksums").EnumerateArray().Single(checksum => checksum.GetProperty("algorithm").GetString() == "SHA512").GetProperty("checksumValue").GetString())
            .Order(StringComparer.Ordinal)
            .ToList();
        var cycloneDx = CycloneDx(inputs).GetProperty("components").EnumerateArray()
            .Where(component => component.TryGetProperty("purl", out var purl) && purl.GetString()!.StartsWith("pkg:nuget/", StringComparison.Ordinal))
            .Select(component => $"{component.GetProperty("name").GetString()} {component.GetProperty("version").GetString()} "
                + $"{component.GetProperty("purl").GetString()} {component.GetProperty("hashes")[0].GetProperty("content").GetString()}")
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(expected, spdx);
        Assert.Equal(expected, cycloneDx);
    }

    [Fact]
    public void The_base_images_dpkg_packages_are_listed_with_debian_purls()
    {
        var status = File.ReadAllText(SbomTestImage.DataFile("debian-12-minbase.dpkg-status"));
        var installed = Regex.Count(status, "^Status: install ok installed$", RegexOptions.Multiline);
        var libc = Regex.Match(status, @"^Package: libc6\n(?:.+\n)*?Version: (?<version>.+)$", RegexOptions.Multiline).Groups["version"].Value;
        Assert.True(installed > 80);

        var spdx = Spdx(SbomInputGatherer.Gather(_image.Sources()));
        var debs = spdx.GetProperty("packages").EnumerateArray()
            .Select(package => package.TryGetProperty("externalRefs", out var references) ? references[0].GetProperty("referenceLocator").GetString()! : "")
            .Where(purl => purl.StartsWith("pkg:deb/", StringComparison.Ordinal))
            .ToList();

        Assert.Equal(installed, debs.Count);
        Assert.Contains($"pkg:deb/debian/libc6@{Uri.EscapeDataString(libc)}?arch=amd64&distro=debian-12&upstream=glibc", debs);
        var system = spdx.GetProperty("packages").EnumerateArray().Single(package => package.TryGetProperty("primaryPackagePurpose", out var purpose) && purpose.GetString() == "OPERATING-SYSTEM");
        Assert.Equal("debian", system.GetProperty("name").GetString());
        Assert.Equal("12", system.GetProperty("versionInfo").GetString());
    }

    [Fact]
    public void Frameworks_come_from_the_base_images_files_or_its_version_variables()
    {
        var fromFiles = SbomInputGatherer.Gather(_image.Sources());
        Assert.Equal(
            [new RuntimeFramework("Microsoft.AspNetCore.App", "10.0.12", null), new RuntimeFramework("Microsoft.NETCore.App", "10.0.12", null)],
            fromFiles.Frameworks.OrderBy(framework => framework.Name, StringComparer.Ordinal));

        var fromEnvironment = SbomInputGatherer.Gather(_image.Sources(SbomTestImage.Base("\"DOTNET_VERSION=10.0.99\",\"ASPNET_VERSION=10.0.98\"")));
        Assert.Equal(["Microsoft.AspNetCore.App 10.0.98", "Microsoft.NETCore.App 10.0.99"],
            fromEnvironment.Frameworks.Select(framework => $"{framework.Name} {framework.Version}").Order(StringComparer.Ordinal));
        Assert.Contains("pkg:generic/Microsoft.NETCore.App@10.0.99", Encoding.UTF8.GetString(SbomDocumentWriter.WriteCycloneDx(fromEnvironment)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_self_contained_app_names_its_runtime_pack()
    {
        var depsPath = Path.Combine(_image.PublishDirectory, "ManyPackagesApp.deps.json");
        var deps = File.ReadAllText(depsPath)
            .Replace("\"libraries\": {", "\"libraries\": {\n    \"runtimepack.Microsoft.NETCore.App.Runtime.linux-x64/10.0.12\": {\"type\": \"runtimepack\", \"serviceable\": false, \"sha512\": \"\"},", StringComparison.Ordinal)
            .Replace("\".NETCoreApp,Version=v10.0\": {", "\".NETCoreApp,Version=v10.0\": {\n      \"runtimepack.Microsoft.NETCore.App.Runtime.linux-x64/10.0.12\": {\"runtime\": {}},", StringComparison.Ordinal);
        File.WriteAllText(depsPath, deps);

        var inputs = SbomInputGatherer.Gather(_image.Sources());

        Assert.Equal([new RuntimeFramework("Microsoft.NETCore.App", "10.0.12", "Microsoft.NETCore.App.Runtime.linux-x64")], inputs.Frameworks);
        Assert.Contains("pkg:nuget/Microsoft.NETCore.App.Runtime.linux-x64@10.0.12", Encoding.UTF8.GetString(SbomDocumentWriter.WriteSpdx(inputs)), StringComparison.Ordinal);
    }

    [Fact]
    public void Relationships_say_the_image_contains_and_the_app_depends_on_its_packages()
    {
        var spdx = Spdx(SbomInputGatherer.Gather(_image.Sources()));
        var names = spdx.GetProperty("packages").EnumerateArray().ToDictionary(package => package.GetProperty("SPDXID").GetString()!, package => package.GetProperty("name").GetString()!);
        var relationships = spdx.GetProperty("relationships").EnumerateArray()
            .Select(relationship => (From: relationship.GetProperty("spdxElementId").GetString()!, Type: relationship.GetProperty("relationshipType").GetString()!, To: relationship.GetProperty("relatedSpdxElement").GetString()!))
            .ToList();
        string Name(string id) => id == "SPDXRef-DOCUMENT" ? "DOCUMENT" : names[id];
        var readable = relationships.Select(relationship => $"{Name(relationship.From)} {relationship.Type} {Name(relationship.To)}").ToHashSet();

        Assert.Contains("DOCUMENT DESCRIBES team/many-packages-app", readable);
        Assert.Contains("team/many-packages-app CONTAINS ManyPackagesApp", readable);
        Assert.Contains("team/many-packages-app CONTAINS Polly.Core", readable);
        Assert.Contains("team/many-packages-app CONTAINS libc6", readable);
        Assert.Contains("team/many-packages-app DESCENDANT_OF 127.0.0.1:5000/dotnet/aspnet:10.0", readable);
        Assert.Contains("ManyPackagesApp DEPENDS_ON Serilog.AspNetCore", readable);
        Assert.Contains("ManyPackagesApp DEPENDS_ON Microsoft.AspNetCore.App", readable);
        Assert.Contains("Polly DEPENDS_ON Polly.Core", readable);
        Assert.DoesNotContain("ManyPackagesApp DEPENDS_ON Polly.Core", readable);
        // Every package of the document is reachable: contained by the image.
        Assert.All(names.Where(name => name.Value != "team/many-packages-app" && !name.Value.Contains("aspnet:", StringComparison.Ordinal)),
            name => Assert.Contains(relationships, relationship => relationship.Type == "CONTAINS" && relationship.To == name.Key));
    }

    [Fact]
    public void The_repository_url_loses_its_credentials_and_the_app_points_at_its_commit()
    {
        var inputs = SbomInputGatherer.Gather(_image.Sources());
        var spdx = Encoding.UTF8.GetString(SbomDocumentWriter.WriteSpdx(inputs));
        var cycloneDx = Encoding.UTF8.GetString(SbomDocumentWriter.WriteCycloneDx(inputs));

        Assert.DoesNotContain("SECRET", spdx, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", cycloneDx, StringComparison.Ordinal);
        Assert.Contains("\"downloadLocation\": \"git+https://github.com/example/many-packages-app.git@0123456789abcdef0123456789abcdef01234567\"", spdx, StringComparison.Ordinal);
        Assert.Contains("\"url\": \"https://github.com/example/many-packages-app.git\"", cycloneDx, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_inputs_are_coded_errors()
    {
        var missing = Assert.Throws<SupplyChainException>(() => SbomInputGatherer.Gather(_image.Sources() with { PublishDirectory = Path.Combine(_image.Directory, "nowhere") }));
        Assert.Equal("ECR8001", missing.Code);

        var inputs = SbomInputGatherer.Gather(_image.Sources());
        var badDigest = Assert.Throws<SupplyChainException>(() => SbomDocumentWriter.WriteSpdx(inputs with { Image = inputs.Image with { ManifestDigest = "sha256:XYZ" } }));
        Assert.Equal("ECR8003", badDigest.Code);

        var noDotnet = Path.Combine(_image.Directory, "bare.tar.gz");
        SbomTestImage.WriteLayer(noDotnet, [("etc/hostname", [0x0a])]);
        var noFramework = Assert.Throws<SupplyChainException>(() => SbomInputGatherer.Gather(_image.Sources() with { BaseLayerFiles = [noDotnet] }));
        Assert.Equal("ECR8005", noFramework.Code);

        var depsPath = Path.Combine(_image.PublishDirectory, "ManyPackagesApp.deps.json");
        File.WriteAllText(depsPath, Regex.Replace(File.ReadAllText(depsPath), "\"sha512\": \"sha512-[^\"]+\"", "\"sha512\": \"sha512-not base64\""));
        var badHash = Assert.Throws<SupplyChainException>(() => SbomInputGatherer.Gather(_image.Sources()));
        Assert.Equal("ECR8002", badHash.Code);
    }

    public void Dispose() => _image.Dispose();

    private static JsonElement Spdx(SbomInputs inputs) => JsonDocument.Parse(SbomDocumentWriter.WriteSpdx(inputs)).RootElement;

    private static JsonElement CycloneDx(SbomInputs inputs) => JsonDocument.Parse(SbomDocumentWriter.WriteCycloneDx(inputs)).RootElement;
}
