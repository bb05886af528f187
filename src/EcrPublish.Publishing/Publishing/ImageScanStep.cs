using EcrPublish.Aws;
using EcrPublish.Aws.Model;
using EcrPublish.Scanning;

namespace EcrPublish.Publishing;

/// <summary>
/// After the push: start a scan when asked, wait for it, print the findings and apply the severity gate.
/// With EcrScan unset it waits only when the repository scans on push, so a repository without scanning
/// costs nothing. A multi-arch image is scanned per platform (ECR scans images, not indexes); the gate sees
/// every platform's findings.
/// </summary>
public sealed class ImageScanStep(EcrApiClient ecr, IPublishLog log, TimeProvider time)
{
    /// <summary>Scans the images behind one push (one digest, or each platform's) and returns their findings together.</summary>
    public async Task<ScanResult?> RunAsync(
        string repository, string? registryId, IReadOnlyList<string> imageDigests, bool repositoryScansOnPush, ScanSettings settings, CancellationToken cancellationToken)
    {
        var mode = settings.Mode ?? (repositoryScansOnPush ? ScanMode.Wait : ScanMode.None);
        if (mode == ScanMode.None)
        {
            return null;
        }

        var results = new List<ScanResult>();
        foreach (var digest in imageDigests)
        {
            results.Add(await ScanAsync(repository, registryId, digest, mode, settings, cancellationToken).ConfigureAwait(false));
        }

        foreach (var result in results)
        {
            Gate(result, settings);
        }

        return results.Count == 1 ? results[0] : Combine(results);
    }

    // Counts add up; the status is COMPLETE only when every platform's scan is.
    private static ScanResult Combine(List<ScanResult> results) => new(
        results.FirstOrDefault(result => result.Status != results[0].Status || !ScanStatuses.HasFindings(result.Status))?.Status ?? results[0].Status,
        results.Select(result => result.Description).FirstOrDefault(description => description is not null),
        results.SelectMany(result => result.SeverityCounts).GroupBy(pair => pair.Key, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.Sum(pair => pair.Value), StringComparer.Ordinal),
        [.. results.SelectMany(result => result.Findings)]);

    private async Task<ScanResult> ScanAsync(string repository, string? registryId, string digest, ScanMode mode, ScanSettings settings, CancellationToken cancellationToken)
    {
        var imageId = new ImageIdentifier { ImageDigest = digest };
        if (mode == ScanMode.Start)
        {
            await StartAsync(repository, registryId, imageId, cancellationToken).ConfigureAwait(false);
        }

        log.Important($"EcrPublish: waiting for the scan of {repository}@{digest} (up to {settings.Timeout.TotalSeconds:0} s)...");
        var waiter = new ScanWaiter(ScanWaitPolicy.Default with { Timeout = settings.Timeout }, time);
        var result = await waiter.WaitAsync(async token =>
        {
            try
            {
                var response = await ecr.DescribeImageScanFindingsAsync(
                    new DescribeImageScanFindingsRequest { RegistryId = registryId, RepositoryName = repository, ImageId = imageId }, token).ConfigureAwait(false);
                return ScanResultReader.Read(response);
            }
            catch (EcrServiceException exception) when (exception.ErrorCode == EcrServiceErrorCodes.ScanNotFound)
            {
                return null;
            }
        }, cancellationToken).ConfigureAwait(false);

        Report(result);
        return result;
    }

    private async Task StartAsync(string repository, string? registryId, ImageIdentifier imageId, CancellationToken cancellationToken)
    {
        try
        {
            await ecr.StartImageScanAsync(new StartImageScanRequest { RegistryId = registryId, RepositoryName = repository, ImageId = imageId }, cancellationToken).ConfigureAwait(false);
        }
        catch (EcrServiceException exception) when (exception.ErrorCode == EcrServiceErrorCodes.LimitExceeded)
        {
            // One basic scan per image per 24 h: an image pushed again unchanged was scanned already; read that scan.
            log.Detail($"EcrPublish: ECR did not start another scan ({exception.ServiceMessage}); reading the latest one.");
        }
    }

    private void Report(ScanResult result)
    {
        var counts = string.Join(", ", Severity.Ordered.Where(severity => result.CountOf(severity) > 0).Select(severity => $"{result.CountOf(severity)} {severity}"));
        log.Important($"EcrPublish: scan {result.Status}{(result.Description is null ? "" : $" ({result.Description})")}: {(counts.Length == 0 ? "no findings" : counts)}.");
        if (result.Findings.Count > 0)
        {
            log.Important(FindingsTable.Format(result.Findings).TrimEnd('\n'));
        }
    }

    private static void Gate(ScanResult result, ScanSettings settings)
    {
        if (!ScanStatuses.HasFindings(result.Status))
        {
            if (settings.FailOnSeverity is not null)
            {
                throw new EcrPublishException(ScanErrorCodes.ScanDidNotComplete,
                    $"The scan ended {result.Status}{(result.Description is null ? "" : $" ({result.Description})")}, so EcrScanFailOnSeverity cannot be checked. Fix the cause, or clear EcrScanFailOnSeverity to publish without the gate.");
            }

            return;
        }

        var violations = ScanGate.Parse(settings.FailOnSeverity?.ToString()).Violations(result);
        if (violations.Count > 0)
        {
            throw new EcrPublishException(ScanErrorCodes.FindingsAboveThreshold,
                $"The image has {string.Join(", ", violations.Select(v => $"{v.Value} {v.Key}"))} finding(s), at or above EcrScanFailOnSeverity={settings.FailOnSeverity.ToString()!.ToUpperInvariant()}. Update the affected packages (see the table above), or raise the threshold.");
        }
    }
}
