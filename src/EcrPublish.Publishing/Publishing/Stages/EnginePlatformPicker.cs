using EcrPublish.Images;

namespace EcrPublish.Publishing.Stages;

/// <summary>
/// Which platform image of a build goes into a local engine: an engine holds one platform per name. A single-platform
/// image goes in as it is (an engine with emulation runs it); of a multi-arch image, the engine's own platform.
/// </summary>
public static class EnginePlatformPicker
{
    /// <summary>The image to load into an engine running <paramref name="engineOs"/>/<paramref name="engineArchitecture"/>.</summary>
    public static BuiltImage Pick(ImageBuildResult image, string? engineOs, string? engineArchitecture, string engineName)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Images.Count == 1)
        {
            return image.Images[0];
        }

        return image.Images.FirstOrDefault(built =>
                string.Equals(built.Platform.Os, engineOs, StringComparison.OrdinalIgnoreCase)
                && string.Equals(built.Platform.Architecture, engineArchitecture, StringComparison.OrdinalIgnoreCase))
            ?? throw new EcrPublishException(PublishErrorCodes.NoPlatformForEngine,
                $"EcrLoadInto={engineName}: the engine runs {engineOs ?? "an unknown OS"}/{engineArchitecture ?? "an unknown architecture"}, "
                + $"but the image was built for {string.Join(", ", image.Images.Select(built => built.Platform))}. "
                + "Add the engine's runtime identifier to ContainerRuntimeIdentifiers, or load a single-platform publish (ContainerRuntimeIdentifier).");
    }
}
