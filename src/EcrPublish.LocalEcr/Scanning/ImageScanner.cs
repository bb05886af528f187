using EcrPublish.LocalEcr.Storage;

namespace EcrPublish.LocalEcr.Scanning;

/// <summary>
/// Runs a basic scan: reads the image's package databases from its layers and matches them against the OSV feed.
/// Decides scan on push from the repository's <c>scanOnPush</c> and the registry's SCAN_ON_PUSH rules.
/// </summary>
internal sealed class ImageScanner(LocalEcrOptions options, BlobStore blobs, OsvFeed feed, DateTimeOffset feedLoadedAt, RegistrySettingsStore registry)
{
    public ImageScanRecord Scan(ImageRecord image, DateTimeOffset now)
    {
        if (image.ChildDigests.Count > 0 || image.BlobDigests.Count == 0)
        {
            return Finished(now, "UNSUPPORTED_IMAGE", "The image is a manifest list or has no layers; scan each image of the list.", []);
        }

        var packages = ImagePackageReader.Read(image.BlobDigests.Where(blobs.Exists).Select(blobs.PathOf));
        if (packages.Count == 0)
        {
            return Finished(now, "UNSUPPORTED_IMAGE", "The operating system and/or package manager are not supported.", []);
        }

        return Finished(now, "COMPLETE", "The scan was completed successfully.", VulnerabilityMatcher.Match(packages, feed));
    }

    public bool ScansOnPush(RepositoryRecord repository)
    {
        var settings = registry.Current;
        if (settings.ScanType != "BASIC")
        {
            // Enhanced scanning is Amazon Inspector's; LocalEcr does not emulate it.
            return false;
        }

        return repository.ScanOnPush
            || settings.ScanningRules.Any(rule => rule.ScanFrequency == "SCAN_ON_PUSH" && rule.Applies(repository.Name));
    }

    private ImageScanRecord Finished(DateTimeOffset now, string status, string description, List<ScanFinding> findings) => new()
    {
        Status = status,
        Description = description,
        StartedAt = now,
        CompletesAt = now + options.ScanDuration,
        VulnerabilitySourceUpdatedAt = feedLoadedAt,
        Findings = findings,
    };
}
