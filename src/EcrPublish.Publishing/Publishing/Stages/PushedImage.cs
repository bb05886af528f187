namespace EcrPublish.Publishing.Stages;

/// <summary>What a push left in the registry.</summary>
/// <param name="Digest">The manifest (or index) digest the tags point at.</param>
/// <param name="PlatformDigests">The digest of each platform's image (ECR scans images, not indexes).</param>
/// <param name="Summary">What the push did, for the log, e.g. <c>unchanged, nothing sent</c>.</param>
public sealed record PushedImage(string Digest, IReadOnlyList<string> PlatformDigests, string Summary)
{
    /// <summary>The daemonless build that was pushed (platform manifests, configs, base images); null for the Docker builder.</summary>
    public Images.ImageBuildResult? Built { get; init; }

    /// <summary>The descriptors of what was pushed (top manifest or index, then each platform image); empty when unknown.</summary>
    public IReadOnlyList<Images.Descriptor> Descriptors { get; init; } = [];
}
