namespace EcrPublish.Images;

/// <summary>A resolved base image for one platform: its manifest, config and where its layers can be fetched.</summary>
/// <param name="Reference">The reference the user gave; null for an empty (scratch) base.</param>
/// <param name="ManifestDigest">Digest of the platform manifest (the base.digest label).</param>
/// <param name="Manifest">The platform manifest.</param>
/// <param name="ConfigJson">The base config blob, exactly as stored.</param>
public sealed record BaseImage(ImageReference? Reference, string? ManifestDigest, ImageManifest? Manifest, byte[] ConfigJson)
{
    /// <summary>An empty base for a platform: no layers, a minimal config.</summary>
    public static BaseImage Scratch(Platform platform)
    {
        var variant = platform.Variant is null ? "" : $",\"variant\":\"{platform.Variant}\"";
        var config = $"{{\"architecture\":\"{platform.Architecture}\",\"os\":\"{platform.Os}\"{variant},\"config\":{{}},\"rootfs\":{{\"type\":\"layers\",\"diff_ids\":[]}},\"history\":[]}}";
        return new BaseImage(null, null, null, System.Text.Encoding.UTF8.GetBytes(config));
    }

    /// <summary>The media-type family the new image follows.</summary>
    public ImageFormat Format => Manifest is null ? ImageFormat.Oci : ImageFormat.Of(Manifest.MediaType);
}
