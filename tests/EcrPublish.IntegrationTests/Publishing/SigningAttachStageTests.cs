using EcrPublish.Aws;
using EcrPublish.Aws.Model;
using EcrPublish.Images;
using EcrPublish.IntegrationTests.Images;
using EcrPublish.IntegrationTests.Registry;
using EcrPublish.IntegrationTests.Signing;
using EcrPublish.IntegrationTests.Scanning;
using EcrPublish.LocalEcr;
using EcrPublish.Publishing;
using EcrPublish.Publishing.Signing;
using EcrPublish.Publishing.Stages;
using EcrPublish.Registry;
using EcrPublish.Signing;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Publishing;

/// <summary>
/// The signing stage against LocalEcr (referrers API) with immutable tags: an RSA key and certificate made by openssl,
/// one signature that openssl verifies, and none made again when the image is signed already.
/// </summary>
public sealed class SigningAttachStageTests : IDisposable
{
    private readonly string _work = Path.Combine(TestEnvironment.WorkDirectory, "signing-stage-" + Guid.NewGuid().ToString("N")[..8]);

    public SigningAttachStageTests() => Directory.CreateDirectory(_work);

    [Theory]
    [InlineData("IMMUTABLE")]
    [InlineData("IMMUTABLE_WITH_EXCLUSION")]
    public async Task LocalEcr_gets_one_signature_openssl_verifies_and_a_republish_signs_nothing(string mutability)
    {
        await using var localEcr = await LocalEcrServer.StartAsync(new LocalEcrOptions());
        const string repository = "app/signed";
        var credentials = new Amazon.Runtime.BasicAWSCredentials(localEcr.Options.AccessKeyId, localEcr.Options.SecretAccessKey);
        EcrApiClient Ecr(EcrClientOptions? _ = null) => new(new EcrClientOptions { Region = localEcr.Options.Region, ServiceUrl = localEcr.Endpoint, Credentials = credentials });
        string password;
        using (var ecr = Ecr())
        {
            await ecr.CreateRepositoryAsync(new CreateRepositoryRequest
            {
                RepositoryName = repository,
                ImageTagMutability = mutability,
                ImageTagMutabilityExclusionFilters = mutability.EndsWith("_WITH_EXCLUSION", StringComparison.Ordinal) ? [new ImageTagMutabilityExclusionFilter { FilterType = "WILDCARD", Filter = "latest*" }] : null,
            });
            password = (await ecr.GetRegistryCredentialsAsync()).Password;
        }

        using var session = new ImageEngineSession(localEcr.RegistryHost, new StaticCredentialProvider(localEcr.RegistryHost, new RegistryCredential("AWS", password)));
        var built = await session.Builder.BuildAsync(ImageEngineSession.Options(SyntheticPublishFolder.Create(_work, 20_000, seed: 3), "scratch"), CancellationToken.None);
        await session.Pusher.PushAsync(built, repository, ["v1"], CancellationToken.None);
        var subject = new Descriptor(built.MediaType, built.Digest, built.TopManifestBytes.Length);

        var key = Path.Combine(_work, "rsa.pem");
        var certificate = Path.Combine(_work, "cert.pem");
        var publicKey = Path.Combine(_work, "public.pem");
        (await ProcessRunner.RunAsync("openssl", ["genrsa", "-out", key, "2048"])).EnsureSuccess();
        (await ProcessRunner.RunAsync("openssl", ["req", "-new", "-x509", "-key", key, "-subj", "/CN=release", "-days", "2", "-out", certificate])).EnsureSuccess();
        (await ProcessRunner.RunAsync("openssl", ["pkey", "-in", key, "-pubout", "-out", publicKey])).EnsureSuccess();
        var request = SigningPublishRequests.For(localEcr, repository, _work, "MUTABLE");
        var settings = new SigningSettings(key, null, certificate);
        var image = new PushedImage(subject.Digest, [subject.Digest], "pushed") { Descriptors = [subject] };

        async Task<IReadOnlyList<AttachedReferrer>> SignAsync()
        {
            using var connections = new PublishConnections(request, new RecordingPublishLog(), TimeProvider.System, null, Ecr, Path.Combine(_work, "cache"));
            var stage = new SigningAttachStage(new ReferrerAttachStage([], null), settings, connections, new SigningKeyOpener(TimeProvider.System, new EcrPublish.Kms.KmsClientOptions()).OpenAsync, new JwsEnvelopeCheck(), TimeProvider.System, new RecordingPublishLog());
            return await stage.AttachAsync(new PushTarget(localEcr.RegistryHost, localEcr.RegistryHost, repository, ["v1"], RepositoryIsNew: false), image, CancellationToken.None);
        }

        var first = Assert.Single(await SignAsync());

        Assert.Equal((NotationMediaTypes.SignatureArtifactType, subject.Digest), (first.ArtifactType, first.SubjectDigest));
        var listing = await new ReferrersReader(session.Client).ListAsync(repository, subject.Digest, NotationMediaTypes.SignatureArtifactType, CancellationToken.None);
        Assert.True(listing.FromReferrersApi);
        Assert.Equal(first.Digest, Assert.Single(listing.Referrers).Digest);
        var manifest = ImageManifest.Parse((await session.Client.GetManifestAsync(repository, first.Digest, forPush: false, CancellationToken.None))!.Content);
        Assert.Equal(subject, manifest.Subject);
        var envelope = await session.Client.ReadBlobAsync(repository, manifest.Layers[0].Digest, CancellationToken.None);
        var verified = await OpensslEnvelopeCheck.VerifyAsync(envelope, _work, publicKey);
        Assert.True(verified.ExitCode == 0 && verified.StandardOutput.Contains("Verified OK", StringComparison.Ordinal), verified.Output);

        var again = Assert.Single(await SignAsync());

        Assert.Equal(first, again);
        Assert.Single((await new ReferrersReader(session.Client).ListAsync(repository, subject.Digest, null, CancellationToken.None)).Referrers);
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

}
