using EcrPublish.Aws;
using EcrPublish.Aws.Model;
using EcrPublish.Scanning;
using EcrPublish.Validation;

namespace EcrPublish.Publishing;

/// <summary>
/// After the push: start a scan when asked, wait for it, print the findings, write the SARIF file and apply the gate
/// (severity threshold, ignores, fixable-only). With EcrScan unset it waits only when the repository scans on push, so
/// a repository without scanning costs nothing. A multi-arch image is scanned per platform (ECR scans images, not
/// indexes); the gate and the SARIF file see every platform's findings.
/// </summary>
public sealed class ImageScanStep(EcrApiClient ecr, IPublishLog log, TimeProvider time)
{
    /// <summary>
    /// Scans the images behind one push (one digest, or each platform's) and returns their findings together.
    /// <paramref name="sarifImage"/>, the pushed image the SARIF file names, is needed only when <see cref="ScanSettings.SarifFile"/> is set.
    /// </summary>
    public async Task<ScanResult?> RunAsync(
        string repository, string? registryId, IReadOnlyList<string> imageDigests, bool repositoryScansOnPush, ScanSettings settings,
        SarifImage? sarifImage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(imageDigests);
        ArgumentNullException.ThrowIfNull(settings);
        var mode = settings.Mode ?? (repositoryScansOnPush ? ScanMode.Wait : ScanMode.None);
        if (mode == ScanMode.None)
        {
            return null;
        }

        var ignores = ScanIgnoreList.On(settings.Ignores, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        WarnExpired(ignores);

        var results = new List<ScanResult>();
        foreach (var digest in imageDigests)
        {
            results.Add(await ScanAsync(repository, registryId, digest, mode, settings, ignores, cancellationToken).ConfigureAwait(false));
        }

        var combined = results.Count == 1 ? results[0] : Combine(results);
        if (settings.SarifFile is { } sarifFile)
        {
            WriteSarif(sarifFile, combined, sarifImage ?? throw new ArgumentNullException(nameof(sarifImage)), ignores);
        }

        foreach (var result in results)
        {
            Gate(result, settings, ignores);
        }

        return combined;
    }

    // Counts add up; the status is COMPLETE only when every platform's scan is.
    private static ScanResult Combine(List<ScanResult> results) => new(
        results.FirstOrDefault(result => result.Status != results[0].Status || !ScanStatuses.HasFindings(result.Status))?.Status ?? results[0].Status,
        results.Select(result => result.Description).FirstOrDefault(description => description is not null),
        results.SelectMany(result => result.SeverityCounts).GroupBy(pair => pair.Key, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.Sum(pair => pair.Value), StringComparer.Ordinal),
        [.. results.SelectMany(result => result.Findings)]);

    private async Task<ScanResult> ScanAsync(
        string repository, string? registryId, string digest, ScanMode mode, ScanSettings settings, ScanIgnoreList ignores, CancellationToken cancellationToken)
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
                // Every page: the gate counts listed findings when ignores or fixable-only apply.
                var pages = new List<DescribeImageScanFindingsResponse>();
                await foreach (var page in ecr.DescribeAllImageScanFindingsAsync(
                    new DescribeImageScanFindingsRequest { RegistryId = registryId, RepositoryName = repository, ImageId = imageId }, token).ConfigureAwait(false))
                {
                    pages.Add(page);
                    if (!ScanStatuses.IsTerminal(page.ImageScanStatus?.Status ?? ""))
                    {
                        break;
                    }
                }

                return ScanResultReader.Read(pages);
            }
            catch (EcrServiceException exception) when (exception.ErrorCode == EcrServiceErrorCodes.ScanNotFound)
            {
                return null;
            }
        }, cancellationToken).ConfigureAwait(false);

        Report(result, ignores);
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

    private void WarnExpired(ScanIgnoreList ignores)
    {
        foreach (var ignore in ignores.Expired)
        {
            log.Warning(EcrDiagnostic.Warning(ScanErrorCodes.IgnoreExpired,
                $"EcrScanIgnore {ignore.Name} expired on {ignore.Expires:yyyy-MM-dd}, so the finding counts again. Fix it (update the package or base image), or set a later Expires if the reason{(ignore.Reason is null ? "" : $" ('{ignore.Reason}')")} still holds."));
        }
    }

    private void Report(ScanResult result, ScanIgnoreList ignores)
    {
        var counts = string.Join(", ", Severity.Ordered.Where(severity => result.CountOf(severity) > 0).Select(severity => $"{result.CountOf(severity)} {severity}"));
        log.Important($"EcrPublish: scan {result.Status}{(result.Description is null ? "" : $" ({result.Description})")}: {(counts.Length == 0 ? "no findings" : counts)}.");
        if (result.Status is not "COMPLETE")
        {
            log.Important($"EcrPublish: {ScanStatuses.Explain(result.Status)}");
        }

        if (result.Findings.Count > 0)
        {
            log.Important(FindingsTable.Format(result.Findings, ignores).TrimEnd('\n'));
        }
    }

    private void WriteSarif(string path, ScanResult result, SarifImage image, ScanIgnoreList ignores)
    {
        try
        {
            SarifReport.Write(path, result, image, ignores, Stages.SupplyChainDocuments.ToolVersion);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new EcrPublishException(ScanErrorCodes.SarifNotWritten,
                $"The SARIF file '{path}' could not be written ({exception.Message}). Choose a writable path for EcrScanSarifFile.",
                exception);
        }

        log.Important($"EcrPublish: wrote the findings as SARIF to {path}");
    }

    private void Gate(ScanResult result, ScanSettings settings, ScanIgnoreList ignores)
    {
        if (!ScanStatuses.HasFindings(result.Status))
        {
            var ended = $"The scan ended {result.Status}{(result.Description is null ? "" : $" ({result.Description})")}";
            if (settings.FailOnSeverity is not null)
            {
                throw new EcrPublishException(ScanErrorCodes.ScanDidNotComplete,
                    $"{ended}, so EcrScanFailOnSeverity cannot be checked. {ScanStatuses.Explain(result.Status)} Or clear EcrScanFailOnSeverity to publish without the gate.");
            }

            log.Warning(EcrDiagnostic.Warning(ScanErrorCodes.NoFindingsToReport, $"{ended}: there are no findings to report. {ScanStatuses.Explain(result.Status)}"));
            return;
        }

        var verdict = ScanGate.Parse(settings.FailOnSeverity?.ToString()).Evaluate(result, ignores, settings.FailOnFixableOnly);
        if (verdict.Ignored.Count > 0)
        {
            log.Important($"EcrPublish: {verdict.Ignored.Count} finding(s) at or above the threshold not counted: ignored by EcrScanIgnore ({string.Join(", ", verdict.Ignored.Select(finding => finding.Name).Distinct(StringComparer.Ordinal))}).");
        }

        if (settings.FailOnFixableOnly && settings.FailOnSeverity is not null)
        {
            log.Important($"EcrPublish: {verdict.NotFixable} finding(s) at or above the threshold not counted because no fix exists (EcrScanFailOnFixableOnly).");
            if (verdict.WithoutFixInformation > 0)
            {
                log.Warning(EcrDiagnostic.Warning(ScanErrorCodes.NoFixInformation,
                    $"EcrScanFailOnFixableOnly: {verdict.WithoutFixInformation} finding(s) do not say whether a fix exists (basic scanning reports no fixAvailable), so they are counted. Enhanced scanning (Amazon Inspector) reports it."));
            }
        }

        if (verdict.Fails)
        {
            var severity = settings.FailOnSeverity.ToString()!.ToUpperInvariant();
            throw new EcrPublishException(ScanErrorCodes.FindingsAboveThreshold,
                $"The image has {string.Join(", ", verdict.Violations.Select(v => $"{v.Value} {v.Key}"))} finding(s){(settings.FailOnFixableOnly ? " with a fix" : "")}, at or above EcrScanFailOnSeverity={severity}. Update the affected packages (see the table above), raise the threshold, or accept a finding with an EcrScanIgnore item (with Expires and Reason).");
        }
    }
}
