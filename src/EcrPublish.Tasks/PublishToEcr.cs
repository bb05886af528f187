using System.Globalization;
using System.Text;
using EcrPublish.Publishing;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace EcrPublish.Tasks;

/// <summary>
/// Validates every publish input (all ECR1xxx errors at once), then hands the request to the
/// <see cref="EcrPublishPipeline"/> and exposes what it pushed as MSBuild outputs.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "MSBuild never disposes tasks; a CancellationTokenSource without timer or wait handle holds nothing to release.")]
public sealed partial class PublishToEcr : Microsoft.Build.Utilities.Task, ICancelableTask
{
    private readonly CancellationTokenSource _cancellation = new();

    public void Cancel() => _cancellation.Cancel();

    public override bool Execute()
    {
        var projectFile = BuildEngine.ProjectFileOfTaskNode;
        try
        {
            var validation = PublishRequestValidator.Validate(ToInputs());
            foreach (var diagnostic in validation.Diagnostics)
            {
                Log.Log(diagnostic, projectFile);
            }

            if (validation.Request is not { } request)
            {
                return false;
            }

            var result = new EcrPublishPipeline(sharedTokens: BuildTokenCache.For(BuildEngine))
                .PublishAsync(request, new MSBuildPublishLog(Log, projectFile), _cancellation.Token)
                .GetAwaiter()
                .GetResult();
            SetOutputs(result);
        }
        catch (EcrPublishException exception)
        {
            Log.Log(Validation.EcrDiagnostic.Error(exception.Code, exception.Explanation), projectFile);
        }
        catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
        {
            Log.LogMessage(MessageImportance.High, "EcrPublish: cancelled.");
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // MSBuild would print MSB4018 and a stack trace; the user gets a code and the cause instead.
            Log.Log(UnexpectedFailure.Describe(exception), projectFile);
        }

        return !Log.HasLoggedErrors;
    }

    private void SetOutputs(EcrPublishResult result)
    {
        EcrPublishedImage = [.. result.Images.Select(ToItem)];
        if (result.Images.Count > 0)
        {
            var first = result.Images[0];
            EcrImageUri = first.RepositoryUri;
            EcrImageDigest = first.Digest;
            EcrSbomFile = first.SbomFile ?? string.Empty;
            EcrSarifFile = first.SarifFile ?? string.Empty;
            SetSdkOutputs(first);
        }
    }

    // The SDK's PublishContainer outputs, so targets written AfterTargets="PublishContainer" port by renaming.
    private void SetSdkOutputs(EcrPublishedImage image)
    {
        GeneratedContainerDigest = image.Digest;
        GeneratedContainerMediaType = image.MediaType ?? string.Empty;
        GeneratedContainerName = [.. image.Tags.Select(tag => new TaskItem($"{image.RepositoryUri}:{tag}"))];
        GeneratedArchiveOutputPath = image.ArchiveFile ?? string.Empty;
        if (image.Built is { } built)
        {
            GeneratedImageIndex = built.IndexBytes is { } index ? Encoding.UTF8.GetString(index) : string.Empty;
            GeneratedContainerManifest = built.IndexBytes is null ? Encoding.UTF8.GetString(built.Images[0].ManifestBytes) : string.Empty;
            GeneratedContainerConfiguration = built.IndexBytes is null ? Encoding.UTF8.GetString(built.Images[0].ConfigBytes) : string.Empty;
        }
    }

    private static TaskItem ToItem(EcrPublishedImage image)
    {
        var item = new TaskItem($"{image.RepositoryUri}@{image.Digest}");
        item.SetMetadata("Digest", image.Digest);
        item.SetMetadata("Tags", string.Join(";", image.Tags));
        item.SetMetadata("ScanStatus", image.ScanStatus ?? string.Empty);
        item.SetMetadata("SarifFile", image.SarifFile ?? string.Empty);
        item.SetMetadata("Destination", image.Destination ?? string.Empty);
        foreach (var (severity, count) in image.FindingCounts)
        {
            item.SetMetadata(CultureInfo.InvariantCulture.TextInfo.ToTitleCase(severity.ToLowerInvariant()), count.ToString(CultureInfo.InvariantCulture));
        }

        return item;
    }

    private static List<KeyValuePair<string, string>> Pairs(ITaskItem[] items, string metadataName) =>
        [.. items.Select(item => KeyValuePair.Create(item.ItemSpec, item.GetMetadata(metadataName)))];

    private static List<ScanIgnoreInput> IgnoreItems(ITaskItem[] items) =>
        [.. items.Select(item => new ScanIgnoreInput(item.ItemSpec, item.GetMetadata("Expires"), item.GetMetadata("Reason")))];

    private static List<DestinationInput> DestinationInputs(ITaskItem[] items) =>
        [.. items.Select(item => new DestinationInput(item.ItemSpec, DestinationInput.MetadataNames
            .Select(name => KeyValuePair.Create(name, item.GetMetadata(name)))
            .Where(pair => pair.Value.Length > 0)
            .ToDictionary(StringComparer.Ordinal)))];

    private static string[] Specs(ITaskItem[] items) => [.. items.Select(item => item.ItemSpec)];

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string[] Split(string? value) => (value ?? string.Empty).Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private List<Images.PlatformPublish> Platforms(ITaskItem[] items) =>
        [.. items.Select(platform => new Images.PlatformPublish(platform.ItemSpec, Path.GetFullPath(platform.GetMetadata("PublishDirectory"), ProjectDirectory)))];
}
