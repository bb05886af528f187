using System.Text.RegularExpressions;
using Docker.DotNet.Models;

namespace EcrPublish.Docker;

/// <summary>
/// Reads the engine's push stream for one tag: forwards progress, notes which layers the engine uploaded (rather
/// than found or mounted in the registry) when it reports layers at all (Podman 4.3's compatible API does not), takes the manifest digest from the aux record (or the "tag: digest: sha256:... size: n" status
/// line of older engines), and keeps the first error. Reports run synchronously so they keep their order.
/// </summary>
internal sealed partial class DockerPushProgress(string tag, Action<DockerPushUpdate>? onUpdate) : IProgress<JSONMessage>
{
    private readonly HashSet<string> _pushedLayers = new(StringComparer.Ordinal);

    /// <summary>The manifest digest the engine pushed for the tag.</summary>
    public string? Digest { get; private set; }

    /// <summary>The engine's first error message, if any.</summary>
    public string? ErrorMessage { get; private set; }

    /// <summary>The layers the engine uploaded, by the id it reports them under (the first 12 hex digits of the diff id).</summary>
    public IReadOnlySet<string> PushedLayerIds => _pushedLayers;

    /// <summary>Whether the engine reported any layer's progress (Preparing, Pushed, Layer already exists, ...); when it did not, <see cref="PushedLayerIds"/> says nothing.</summary>
    public bool ReportedLayers { get; private set; }

    public void Report(JSONMessage value)
    {
        if (value.Error?.Message is { Length: > 0 } error)
        {
            ErrorMessage ??= error.Trim();
            return;
        }

        if (DockerBuildProgress.AuxString(value.Aux, "Digest") is { } auxDigest
            && (DockerBuildProgress.AuxString(value.Aux, "Tag") is not { } auxTag || auxTag == tag))
        {
            Digest = auxDigest;
        }

        if (value.Status is not { Length: > 0 } status)
        {
            return;
        }

        if (DigestStatus().Match(status) is { Success: true } match && match.Groups["tag"].Value == tag)
        {
            Digest ??= match.Groups["digest"].Value;
        }

        if (value.ID is { Length: > 0 } layer)
        {
            ReportedLayers = true;
            if (status == "Pushed")
            {
                _pushedLayers.Add(layer);
            }
        }

        onUpdate?.Invoke(new DockerPushUpdate(tag, value.ID is { Length: > 0 } id ? id : null, status, value.Progress?.Current, value.Progress?.Total));
    }

    [GeneratedRegex(@"^(?<tag>[A-Za-z0-9_.-]+): digest: (?<digest>sha256:[a-f0-9]{64}) size: \d+$", RegexOptions.CultureInvariant)]
    private static partial Regex DigestStatus();
}
