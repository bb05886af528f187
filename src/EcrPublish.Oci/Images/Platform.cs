namespace EcrPublish.Images;

/// <summary>An OCI platform (os/architecture[/variant]).</summary>
public sealed record Platform(string Os, string Architecture, string? Variant = null)
{
    /// <summary>Maps a .NET runtime identifier (linux-x64, linux-arm64, linux-musl-arm, ...) to its platform.</summary>
    public static Platform FromRuntimeIdentifier(string runtimeIdentifier)
    {
        var dash = runtimeIdentifier.LastIndexOf('-');
        if (dash <= 0)
        {
            throw new ImageBuildException(ImageErrorCodes.UnknownRuntimeIdentifier,
                $"'{runtimeIdentifier}' is not a runtime identifier of the form <os>-<arch>. Use e.g. linux-x64 or linux-arm64.");
        }

        var os = runtimeIdentifier[..dash].Split('-')[0];
        return runtimeIdentifier[(dash + 1)..] switch
        {
            "x64" => new Platform(os, "amd64"),
            "arm64" => new Platform(os, "arm64", "v8"),
            "arm" => new Platform(os, "arm", "v7"),
            "x86" => new Platform(os, "386"),
            "s390x" => new Platform(os, "s390x"),
            "ppc64le" => new Platform(os, "ppc64le"),
            var other => throw new ImageBuildException(ImageErrorCodes.UnknownRuntimeIdentifier,
                $"The architecture '{other}' of runtime identifier '{runtimeIdentifier}' has no container platform. Use x64, arm64 or arm."),
        };
    }

    /// <summary>Whether a platform found in an index satisfies this one (a missing variant matches any).</summary>
    public bool Matches(Platform other) =>
        string.Equals(Os, other.Os, StringComparison.Ordinal) &&
        string.Equals(Architecture, other.Architecture, StringComparison.Ordinal) &&
        (Variant is null || other.Variant is null || string.Equals(Variant, other.Variant, StringComparison.Ordinal));

    public override string ToString() => Variant is null ? $"{Os}/{Architecture}" : $"{Os}/{Architecture}/{Variant}";
}
