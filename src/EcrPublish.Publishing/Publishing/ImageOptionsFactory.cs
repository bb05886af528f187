using EcrPublish.Images;

namespace EcrPublish.Publishing;

/// <summary>
/// Maps the SDK's <c>Container*</c> settings and the project's facts onto <see cref="ImageOptions"/>, with the
/// SDK's defaults: the base image inferred from the project type, <c>/app</c>, the OCI labels.
/// </summary>
public static class ImageOptionsFactory
{
    private const string MicrosoftRegistry = "mcr.microsoft.com/dotnet";

    // ContainerLabelValues keys (the SDK's property names without "Container") → the OCI annotation they fill.
    private static readonly Dictionary<string, string> GeneratedLabelKeys = new(StringComparer.Ordinal)
    {
        ["Description"] = "org.opencontainers.image.description",
        ["Authors"] = "org.opencontainers.image.authors",
        ["Title"] = "org.opencontainers.image.title",
        ["Vendor"] = "org.opencontainers.image.vendor",
        ["InformationUrl"] = "org.opencontainers.image.url",
        ["DocumentationUrl"] = "org.opencontainers.image.documentation",
        ["LicenseExpression"] = "org.opencontainers.image.licenses",
        ["Source"] = "org.opencontainers.image.source",
    };

    public static ImageOptions Create(EcrPublishRequest request)
    {
        var container = request.Container;
        var (entrypoint, cmd) = Command(container);
        return new ImageOptions
        {
            Platforms = Platforms(request),
            BaseImage = container.BaseImage ?? InferBaseImage(request.Project, container.Family),
            WorkingDirectory = container.WorkingDirectory ?? "/app",
            AppName = request.Project.AssemblyName,
            Entrypoint = entrypoint,
            Cmd = cmd,
            UseAppHost = request.Project.IsSelfContained,
            User = container.User,
            Environment = container.EnvironmentVariables,
            Ports = [.. container.Ports.Select(port => $"{port.Number}/{port.Protocol}")],
            Labels = Labels(container),
            OmittedLabels = container.OmittedLabels.ToHashSet(StringComparer.Ordinal),
            Version = request.Project.Version,
            Revision = request.GitSha,
            Format = container.ImageFormat switch
            {
                "OCI" => ImageFormat.Oci,
                "Docker" => ImageFormat.Docker,
                _ => null,
            },
        };
    }

    // A multi-arch image needs one publish folder per runtime identifier, which only the targets produce (an inner
    // publish per RID); the Docker builder builds one platform.
    private static List<PlatformPublish> Platforms(EcrPublishRequest request)
    {
        var container = request.Container;
        if (request.PlatformPublishes.Count > 1)
        {
            if (request.ImageBuilder == ImageBuilderKind.Docker)
            {
                throw new EcrPublishException(PublishErrorCodes.MultiPlatformNotSupported,
                    $"The Docker builder builds one platform, but {request.PlatformPublishes.Count} runtime identifiers were published. Set one ContainerRuntimeIdentifier, or use the daemonless builder (EcrImageBuilder=Daemonless) for a multi-arch image.");
            }

            return [.. request.PlatformPublishes];
        }

        if (container.RuntimeIdentifiers.Count > 1 && request.PlatformPublishes.Count == 0)
        {
            throw new EcrPublishException(PublishErrorCodes.MultiPlatformNotSupported,
                $"ContainerRuntimeIdentifiers lists {container.RuntimeIdentifiers.Count} runtime identifiers, but no publish folder per runtime identifier was given. Publish with 'dotnet publish -p:PublishToEcr=true', whose targets publish each one first.");
        }

        var runtimeIdentifier = container.RuntimeIdentifier ?? (container.RuntimeIdentifiers is [var only] ? only : "linux-x64");
        return [new PlatformPublish(runtimeIdentifier, request.PublishDirectory)];
    }

    /// <summary>The SDK's inference: aspnet for web apps, runtime for others, runtime-deps when self-contained; tag = target framework (+ family).</summary>
    public static string InferBaseImage(ProjectFacts project, string? family)
    {
        var image = project.IsSelfContained ? "runtime-deps" : project.UsesAspNetCore ? "aspnet" : "runtime";
        var version = string.IsNullOrEmpty(project.TargetFrameworkVersion) ? "8.0" : project.TargetFrameworkVersion;
        return $"{MicrosoftRegistry}/{image}:{version}{(string.IsNullOrEmpty(family) ? "" : "-" + family)}";
    }

    private static (IReadOnlyList<string>? Entrypoint, IReadOnlyList<string>? Cmd) Command(ContainerSettings container)
    {
        if (container.AppCommand.Count > 0)
        {
            var command = container.AppCommand.Concat(container.AppCommandArgs).ToList();
            return container.AppCommandInstruction == "DefaultArgs"
                ? (container.Entrypoint.Count > 0 ? container.Entrypoint : null, command)
                : (command, container.DefaultArgs.Count > 0 ? container.DefaultArgs : null);
        }

        var entrypoint = container.Entrypoint.Count > 0 ? container.Entrypoint.Concat(container.EntrypointArgs).ToList() : null;
        return (entrypoint, container.DefaultArgs.Count > 0 ? container.DefaultArgs : null);
    }

    private static Dictionary<string, string> Labels(ContainerSettings container)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (container.GenerateLabels)
        {
            foreach (var (name, value) in container.LabelValues)
            {
                if (GeneratedLabelKeys.TryGetValue(name, out var key) && !container.OmittedLabels.Contains(key))
                {
                    labels[key] = value;
                }
            }
        }

        foreach (var (key, value) in container.Labels)
        {
            labels[key] = value;
        }

        return labels;
    }
}
