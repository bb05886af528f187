using EcrPublish.Aws;
using EcrPublish.Kms;
using EcrPublish.Publishing.Signing;
using EcrPublish.Signing;

namespace EcrPublish.Publishing.Stages;

/// <summary>
/// Makes the real stages. Publishes of one build share <paramref name="sharedTokens"/>, so each registry is asked for a
/// token once.
/// </summary>
/// <param name="time">The clock of token expiry and scan waits; the system clock when null.</param>
/// <param name="sharedTokens">Registry tokens shared by the publishes of one build.</param>
/// <param name="referrers">The artifacts to attach to every pushed image instead of the request's SBOM and provenance; those when null.</param>
/// <param name="referrerPusher">Pushes the referrers; the registry's (<see cref="RegistryReferrerPusher"/>) when null.</param>
/// <param name="ecrClient">Creates the ECR client when a stage first needs it; <see cref="EcrApiClient"/>'s constructor when null.</param>
/// <param name="layerCacheDirectory">The layer cache; <c>ECRPUBLISH_CACHE</c>, else the user's local application data, when null.</param>
/// <param name="resolveCredentials">Resolves a profile's AWS credentials, once per profile for every client of the publish, its
/// destinations' included (<see cref="PublishAwsCredentials"/>); the credential chain when null.</param>
public sealed class PublishStageFactory(
    TimeProvider? time = null,
    EcrAuthorizationTokenCache? sharedTokens = null,
    IReadOnlyList<ReferrerArtifact>? referrers = null,
    IReferrerPusher? referrerPusher = null,
    Func<EcrClientOptions, EcrApiClient>? ecrClient = null,
    string? layerCacheDirectory = null,
    Func<string?, Amazon.Runtime.AWSCredentials>? resolveCredentials = null) : IPublishStageFactory
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly PublishAwsCredentials _credentials = new(resolveCredentials);

    public IPublishStages Create(EcrPublishRequest request, IPublishLog log)
    {
        var connections = new PublishConnections(
            request, log, _time, sharedTokens, ecrClient ?? (options => new EcrApiClient(options)), layerCacheDirectory ?? DefaultLayerCacheDirectory(), _credentials);
        IAttachStage attach = referrers is null
            ? new SupplyChainAttachStage(request, connections, referrerPusher, log)
            : new ReferrerAttachStage(referrers, referrerPusher);
        if (request.SupplyChain.Signing is { } signing)
        {
            var home = request.Main ?? request;
            KmsClientOptions Kms() => new()
            {
                Profile = home.Profile, Region = home.Region, UseFips = home.UseFips, DebugLog = Http.HttpDebugSwitch.LogFor(Environment.GetEnvironmentVariable), Credentials = _credentials.For(home.Profile),
            };
            attach = new SigningAttachStage(attach, signing, connections, new SigningKeyOpener(_time, Kms).OpenAsync, new JwsEnvelopeCheck(_time), _time, log);
        }

        return new PublishStages(request, log, connections, _time, attach);
    }

    // Layers are cached by content, so one cache per user serves every project and every run.
    private static string DefaultLayerCacheDirectory() =>
        Environment.GetEnvironmentVariable("ECRPUBLISH_CACHE") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "ecrpublish", "layers");
}
