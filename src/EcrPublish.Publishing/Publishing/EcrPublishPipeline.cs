using System.Collections;
using EcrPublish.Aws;
using EcrPublish.Images;
using EcrPublish.Registry;

namespace EcrPublish.Publishing;

/// <summary>
/// The one entry point that turns a validated <see cref="EcrPublishRequest"/> into a pushed (and scanned)
/// image: build the image, then ensure the repository, push it (manifests last), scan, gate, write results.
/// Publishes of one build share <paramref name="sharedTokens"/>, so each registry is asked for a token once.
/// </summary>
public sealed class EcrPublishPipeline(TimeProvider? time = null, EcrAuthorizationTokenCache? sharedTokens = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public async Task<EcrPublishResult> PublishAsync(EcrPublishRequest request, IPublishLog log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(log);

        // Everything that can be rejected locally is rejected before the first AWS call.
        var imageOptions = ImageOptionsFactory.Create(request);

        // Created when first needed: an image that cannot be built fails the same with or without AWS credentials.
        var debugLog = Http.HttpDebugSwitch.LogFor(Environment.GetEnvironmentVariable);
        var lazyEcr = new Lazy<EcrApiClient>(() => new EcrApiClient(new EcrClientOptions { Profile = request.Profile, Region = request.Region, ServiceUrl = request.ServiceUrl, DebugLog = debugLog }));
        try
        {
            return await PublishAsync(request, imageOptions, lazyEcr, debugLog, log, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (lazyEcr.IsValueCreated)
            {
                lazyEcr.Value.Dispose();
            }
        }
    }

    private async Task<EcrPublishResult> PublishAsync(EcrPublishRequest request, ImageOptions imageOptions, Lazy<EcrApiClient> lazyEcr, TextWriter? debugLog, IPublishLog log, CancellationToken cancellationToken)
    {
        // Known before provisioning: the push endpoint. The host ECR names joins once the repository is known,
        // before the push; base images in ECR private registries are recognised by their host name.
        var ecrHosts = new List<string>();
        if (request.RegistryEndpoint is { } endpoint)
        {
            ecrHosts.Add(EcrRegistryHost.OfEndpoint(endpoint));
        }

        using var ecrCredentials = new EcrRegistryCredentialProvider(lazyEcr, ecrHosts, _time, sharedTokens, log) { DiscoversOwnRegistry = request.ServiceUrl is not null };
        var credentials = new CompositeCredentialProvider(ecrCredentials, new DockerConfigCredentialProvider());
        // Plain http only for the push endpoint the user named: base images on other registries stay on https.
        var registryOptions = new RegistryClientOptions
        {
            PlainHttpRegistries = request.RegistryEndpoint is { Scheme: "http" } plainEndpoint ? [EcrRegistryHost.OfEndpoint(plainEndpoint)] : [],
            DebugLog = debugLog,
        };
        using var registries = new RegistryClientPool(credentials, registryOptions);
        var cache = new LayerCache(LayerCacheDirectory());

        // Nothing changes in ECR before the image is known to build: a missing base image, deps.json or
        // unreadable file fails here, before the repository is created or a policy is put.
        using var dockerStep = request.ImageBuilder == ImageBuilderKind.Docker ? new DockerImageStep(log) : null;
        ImageBuildResult? image = null;
        if (dockerStep is not null)
        {
            // FROM lines may name the account's own registry (found through the token) or the push endpoint.
            var (ownRegistry, ownCredential) = await ecrCredentials.OwnRegistryAsync(cancellationToken).ConfigureAwait(false);
            ecrHosts.Add(ownRegistry);
            var buildCredentials = ecrHosts.Distinct(StringComparer.OrdinalIgnoreCase).ToDictionary(host => host, _ => ownCredential, StringComparer.OrdinalIgnoreCase);
            await dockerStep.BuildAsync(request, imageOptions, buildCredentials, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            image = await new ImageBuilder(cache, new BaseImageResolver(registries)).BuildAsync(imageOptions, cancellationToken).ConfigureAwait(false);
            log.Detail($"EcrPublish: built {image.Digest} on {imageOptions.BaseImage ?? "scratch"}.");
        }

        var ecr = lazyEcr.Value;
        var provisioned = await new RepositoryProvisioner(ecr, log)
            .EnsureAsync(request.Repository, request.RegistryId, request.RepositorySettings, cancellationToken).ConfigureAwait(false);
        var repository = provisioned.Repository;
        var repositoryUri = repository.RepositoryUri ?? throw new EcrPublishException(PublishErrorCodes.NoRepositoryUri,
            $"ECR returned no URI for repository '{request.Repository}'. Check the endpoint (EcrServiceUrl).");
        var ecrHost = EcrRegistryHost.OfRepositoryUri(repositoryUri);
        var pushHost = request.RegistryEndpoint is { } pushEndpoint ? EcrRegistryHost.OfEndpoint(pushEndpoint) : ecrHost;
        ecrHosts.Add(ecrHost);

        var imageUri = $"{pushHost}/{request.Repository}";
        string digest;
        IReadOnlyList<string> imageDigests;
        if (dockerStep is not null)
        {
            var credential = await ecrCredentials.GetAsync(pushHost, refresh: false, cancellationToken).ConfigureAwait(false);
            digest = await dockerStep.PushAsync(request, pushHost, credential, cancellationToken).ConfigureAwait(false);
            imageDigests = [digest];
            log.Important($"EcrPublish: {imageUri}@{digest} tags {string.Join(", ", request.Tags)} (built by the Docker engine)");
        }
        else
        {
            var push = await new ImagePusher(registries.Get(pushHost), registries, cache, new PushOptions { RepositoryIsNew = provisioned.Created }).PushAsync(image!, request.Repository, request.Tags, cancellationToken).ConfigureAwait(false);
            digest = push.Digest;
            imageDigests = [.. image!.Images.Select(platformImage => platformImage.Digest)];
            log.Important($"EcrPublish: {imageUri}@{digest} tags {string.Join(", ", request.Tags)}"
                + (push.NoOp ? " (unchanged, nothing sent)" : $" ({push.BlobsUploaded} layer(s) uploaded, {push.BlobsMounted} mounted, {push.BlobsAlreadyPresent} already there, {push.BlobBytesSent:N0} bytes)"));
        }

        var scan = await new ImageScanStep(ecr, log, _time).RunAsync(
            request.Repository, request.RegistryId, imageDigests, repository.ImageScanningConfiguration?.ScanOnPush == true, request.Scan, cancellationToken).ConfigureAwait(false);

        var result = new EcrPublishResult([new EcrPublishedImage(imageUri, digest, request.Tags, scan?.Status, scan?.SeverityCounts ?? new Dictionary<string, int>())]);
        PublishResultFile.Write(request.ResultFile, result);
        GitHubActionsReport.Write(result, CurrentEnvironment());
        return result;
    }

    // Layers are cached by content, so one cache per user serves every project and every run.
    private static string LayerCacheDirectory() =>
        Environment.GetEnvironmentVariable("ECRPUBLISH_CACHE") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "ecrpublish", "layers");

    private static Dictionary<string, string?> CurrentEnvironment() =>
        Environment.GetEnvironmentVariables().Cast<DictionaryEntry>().ToDictionary(entry => (string)entry.Key, entry => (string?)entry.Value, StringComparer.Ordinal);
}
