using System.Globalization;
using System.Text.Json.Nodes;
using EcrPublish.Aws;
using EcrPublish.Cli.Arguments;
using EcrPublish.Cli.Execution;
using EcrPublish.Cli.Progress;
using EcrPublish.Cli.ServiceModel;
using EcrPublish.Registry;

namespace EcrPublish.Cli.Verbs;

/// <summary>
/// <c>dotnet ecr images copy --source REPO:TAG|REPO@DIGEST --destination [ACCOUNT.dkr.ecr.REGION.amazonaws.com/]REPO[:TAG]</c>:
/// promotes an image without rebuilding it — by digest, every platform image and every referrer with it — within one
/// registry by cross-repository mounts, to another region or account by streaming (EcrPublish.Oci's
/// <see cref="ImageCopier"/>). Each side authenticates with its own ECR token (GetAuthorizationToken in its region, with
/// its profile and endpoint); the destination repository is created only with <c>--create-repository</c>.
/// </summary>
internal sealed class ImagesCopyCommand(Func<GlobalOptions, OperationCaller> connect, GlobalOptions globals, TextWriter output, TextWriter error, IProgressDisplay progress)
{
    private static readonly HashSet<string> s_valued = ["--source", "--destination", "--destination-region", "--destination-profile", "--destination-endpoint-url"];
    private static readonly HashSet<string> s_flags = ["--create-repository"];

    public const string Help =
        "NAME\n    images copy\n\nDESCRIPTION\n" +
        "    Copies an image by digest from one ECR repository to another, in the same\n" +
        "    registry or in another region or account, without rebuilding it: every\n" +
        "    platform image of a multi-arch index and every OCI referrer (SBOM,\n" +
        "    provenance, signatures) of the image and of each platform image go with\n" +
        "    it, and the digest stays the same. Within one registry blobs are mounted\n" +
        "    from the source repository (ECR mounts once the account setting\n" +
        "    BLOB_MOUNTING is ENABLED; else they are streamed); across registries they\n" +
        "    are streamed from the source to the destination (nothing is written to\n" +
        "    disk) and each is checked against its digest. Blobs and manifests the\n" +
        "    destination has are not sent again; the tag is set last.\n\n" +
        "    The destination takes the source's tag unless it names its own; a source\n" +
        "    given by digest without a destination tag is copied by digest. A host in\n" +
        "    --destination (or --destination-region) selects the destination's region\n" +
        "    and account (given both, they must name the same region: ECR7040);\n" +
        "    --destination-profile and --destination-endpoint-url give it\n" +
        "    other credentials or an endpoint (else --endpoint-url, if given, serves\n" +
        "    both sides). A missing destination repository is an error (ECR7033) unless\n" +
        "    --create-repository is given.\n\n" +
        "SYNOPSIS\n    images copy\n    --source <repository:tag | repository@digest | host/repository:tag>\n" +
        "    --destination <[account.dkr.ecr.region.amazonaws.com/]repository[:tag]>\n    [--create-repository]\n" +
        "    [--destination-region <value>]\n    [--destination-profile <value>]\n    [--destination-endpoint-url <value>]\n\n" +
        "EXAMPLES\n    # Promote a tested image to the production account in another region\n" +
        "    dotnet ecr images copy --source my-app/backend:v1.2.0 \\\n" +
        "        --destination 222222222222.dkr.ecr.eu-west-1.amazonaws.com/my-app/backend:v1.2.0 \\\n" +
        "        --destination-profile prod --create-repository\n\n" +
        "    # Copy an image by digest into another repository of the same registry (blobs are mounted)\n" +
        "    dotnet ecr images copy --source staging/backend@sha256:<digest> --destination prod/backend:v1.2.0\n";

    public async Task<int> RunAsync(IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        var options = VerbOptions.Parse(words, s_valued, s_flags);
        var source = ImageArgument.Parse(options.Required("--source"), "--source", CliErrorCodes.CopySourceInvalid);
        var destination = ImageArgument.Parse(options.Required("--destination"), "--destination", CliErrorCodes.CopyDestinationInvalid);
        if (destination.Digest is not null)
        {
            throw new CliUsageException($"{CliErrorCodes.CopyDestinationInvalid}: --destination '{options.Value("--destination")}' names a digest; the copy keeps the source's digest, so give the destination a tag or none.");
        }

        if (options.Value("--destination-region") is { } region && destination.Host is { } named && !string.Equals(region, named.Region, StringComparison.OrdinalIgnoreCase))
        {
            throw new CliUsageException(
                $"{CliErrorCodes.CopyDestinationRegionConflict}: --destination-region {region} contradicts --destination's host {destination.HostName}, which is in {named.Region}. " +
                $"Drop --destination-region (the host selects the region), or name the host of the region you mean ({named.RegistryId}.dkr.ecr.{region}.amazonaws.com).");
        }

        var sourceGlobals = source.Host is { } sourceHost ? globals with { Region = sourceHost.Region } : globals;
        var destinationRegion = options.Value("--destination-region") ?? destination.Host?.Region ?? sourceGlobals.Region;
        var destinationGlobals = sourceGlobals with
        {
            Region = destinationRegion,
            Profile = options.Value("--destination-profile") ?? sourceGlobals.Profile,

            // --endpoint-url stays for both sides unless the destination has its own: an emulator (LocalEcr) serves every
            // region on one endpoint, and a copy must never leave for AWS's endpoint because the region changed.
            EndpointUrl = options.Value("--destination-endpoint-url") ?? sourceGlobals.EndpointUrl,
        };
        var sourceCaller = connect(sourceGlobals);
        var destinationCaller = destinationGlobals == sourceGlobals ? sourceCaller : connect(destinationGlobals);

        progress.Status($"Checking the destination repository {destination.Repository}");
        if (await EnsureRepositoryAsync(destinationCaller, destination, options.Flag("--create-repository"), cancellationToken).ConfigureAwait(false))
        {
            progress.Print(output, $"created repository {destination.Repository}\n");
        }

        progress.Status("Getting registry tokens");
        var sourceToken = await EcrTokenReader.ReadAsync(sourceCaller, null, cancellationToken).ConfigureAwait(false);
        var destinationToken = destinationCaller == sourceCaller ? sourceToken : await EcrTokenReader.ReadAsync(destinationCaller, null, cancellationToken).ConfigureAwait(false);
        var (sourceRegistry, sourcePath) = EcrImageLocation.Of(source.HostName, source.Host, source.Repository, sourceToken);
        var (destinationRegistry, destinationPath) = EcrImageLocation.Of(destination.HostName, destination.Host, destination.Repository, destinationToken);

        using var sourceClient = Client(sourceRegistry, sourceToken);
        using var separateDestination = string.Equals(sourceRegistry, destinationRegistry, StringComparison.OrdinalIgnoreCase) ? null : Client(destinationRegistry, destinationToken);
        var destinationClient = separateDestination ?? sourceClient;

        progress.Status($"Reading {source.Repository}{(source.Digest is null ? ":" + (source.Tag ?? "latest") : "@" + source.Digest)} and its referrers");
        var plan = await new CopyPlanReader(sourceClient).ReadAsync(sourcePath, source.Reference ?? "latest", cancellationToken).ConfigureAwait(false);
        var tag = destination.Tag ?? (source.Digest is null ? source.Tag ?? "latest" : null);
        var result = await new ImageCopier(sourceClient, destinationClient).CopyAsync(plan, sourcePath, destinationPath, tag, progress.Status, cancellationToken).ConfigureAwait(false);

        foreach (var (manifest, pushed) in result.Manifests)
        {
            var subject = manifest.SubjectDigest is { } digest ? $" of {digest}" : "";
            progress.Print(output, $"{(pushed ? "copied " : "present")} {manifest.Descriptor.Digest} {manifest.Role}{subject}\n");
        }

        var pushedCount = result.Manifests.Count(entry => entry.Pushed);
        var streamed = result.BlobsStreamed == 0 ? "0 streamed" : $"{result.BlobsStreamed} streamed ({Size(result.BytesStreamed)})";
        progress.Print(output, $"blobs: {streamed}, {result.BlobsMounted} mounted, {result.BlobsPresent} already there\n");
        var target = $"{destinationClient.Registry}/{destinationPath}";
        var tagged = tag is null ? "by digest" : result.TagMoved ? $"tagged {tag}" : $"tag {tag} already set";
        progress.Print(output,
            $"Copied {sourceClient.Registry}/{sourcePath}@{result.Digest} to {target}@{result.Digest} ({tagged}): " +
            $"{Count(result.Manifests.Count, "manifest")} ({pushedCount} copied, {result.Manifests.Count - pushedCount} already there).\n");
        return ExitCodes.Success;

        // The token of a region is good for every registry there the identity may use, so it goes to the named host.
        RegistryClient Client(string registry, EcrAuthorizationToken token) => new(registry,
            new StaticCredentialProvider(registry, new RegistryCredential(token.Username, token.Password)),
            new RegistryClientOptions { DebugLog = globals.Debug ? error : null });
    }

    /// <summary>True when the repository was missing and was created.</summary>
    private static async Task<bool> EnsureRepositoryAsync(OperationCaller caller, ImageArgument destination, bool create, CancellationToken cancellationToken)
    {
        var parameters = new JsonObject { ["repositoryNames"] = new JsonArray(destination.Repository) };
        if (destination.Host is { } host)
        {
            parameters["registryId"] = host.RegistryId;
        }

        try
        {
            await caller.CallAsync(EcrServiceModel.Instance.OperationByName("DescribeRepositories"), parameters, cancellationToken).ConfigureAwait(false);
            return false;
        }
        catch (EcrOperationException exception) when (exception.ErrorCode == "RepositoryNotFoundException")
        {
            if (!create)
            {
                throw new CliConfigurationException(
                    $"{CliErrorCodes.CopyDestinationRepositoryMissing}: the destination repository '{destination.Repository}' does not exist. Create it (dotnet ecr create-repository --repository-name {destination.Repository}) with the settings you want, or add --create-repository to create it with ECR's defaults.");
            }
        }

        var request = new JsonObject { ["repositoryName"] = destination.Repository };
        if (destination.Host is { } owner)
        {
            request["registryId"] = owner.RegistryId;
        }

        await caller.CallAsync(EcrServiceModel.Instance.OperationByName("CreateRepository"), request, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    private static string Size(long bytes) => bytes < 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB");
}
