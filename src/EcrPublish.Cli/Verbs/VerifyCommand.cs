using EcrPublish.Aws;
using EcrPublish.Cli.Arguments;
using EcrPublish.Cli.Execution;
using EcrPublish.EcrRules;
using EcrPublish.Registry;
using EcrPublish.Signing;
using EcrPublish.Verification;

namespace EcrPublish.Cli.Verbs;

/// <summary>
/// <c>dotnet ecr verify IMAGE [--key pub.pem | --certificate ca.pem] [--require sbom,provenance,signature]</c>: checks the
/// image's SBOM, provenance and signature referrers (and those of each platform image of an index) with
/// EcrPublish.Oci's <see cref="SupplyChainVerifier"/>; exits 1 (ECR7013) when one fails or a required kind is missing.
/// <paramref name="connect"/> opens the ECR API with the options given (the region of the image's ECR host, if it names one).
/// </summary>
internal sealed class VerifyCommand(Func<GlobalOptions, OperationCaller> connect, GlobalOptions globals, TextWriter output, TextWriter error)
{
    private static readonly HashSet<string> s_valued = ["--key", "--certificate", "--require", "--registry-id"];

    public const string Help =
        "NAME\n    verify\n\nDESCRIPTION\n" +
        "    Verifies the supply-chain referrers of an image: each SBOM (SPDX,\n" +
        "    CycloneDX), provenance (in-toto) and Notation signature listed for it, and\n" +
        "    for an index for each platform image: manifest and document digests and\n" +
        "    sizes, the subject, the provenance's in-toto subject, and each signature\n" +
        "    with --key (a PEM public key) or --certificate (PEM CA or signing\n" +
        "    certificate the signature's chain must build to). Exits with code 1 when\n" +
        "    something fails, when a --require'd kind is missing, or when a key or\n" +
        "    certificate is given and no signature of the image verifies with it.\n" +
        "    Prints a table unless --output json is given.\n\n" +
        "SYNOPSIS\n    verify\n    <repository[:tag] | repository@digest | host/repository[:tag]>\n    [--key <pem file> | --certificate <pem file>]\n" +
        "    [--require <sbom,provenance,signature>]\n    [--registry-id <value>]\n\n" +
        "EXAMPLES\n    # Check a published image's SBOM, provenance and signature\n" +
        "    dotnet ecr verify my-app/backend:v1.2.0 --certificate ca.pem --require sbom,provenance,signature\n";

    public async Task<int> RunAsync(IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        var image = words.Count > 0 && !words[0].StartsWith("--", StringComparison.Ordinal)
            ? words[0]
            : throw new CliUsageException($"{CliErrorCodes.VerifyImageInvalid}: verify needs the image first: dotnet ecr verify <repository[:tag]> [options].");
        var options = VerbOptions.Parse([.. words.Skip(1)], s_valued, new HashSet<string>());
        var target = VerifyTarget.Parse(image);
        using var trust = LoadTrust(options.Value("--key"), options.Value("--certificate"));
        var required = ParseRequired(options.Value("--require"), trust is not null);

        // An ECR host names its region: the token is asked there (a token of another region is refused), the host given
        // with --endpoint-url is the ECR emulator's, any other registry needs no AWS configuration.
        var ecrHost = target.Registry is { } named ? EcrRegistryHostName.Parse(named) : null;
        var endpoint = globals.EndpointUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out var parsed) ? parsed.Authority : null;
        var usesEcr = target.Registry is null || ecrHost is not null || string.Equals(target.Registry, endpoint, StringComparison.OrdinalIgnoreCase);
        OperationCaller? caller = null;
        Task<EcrAuthorizationToken> ReadToken() => EcrTokenReader.ReadAsync(caller ??= connect(ecrHost is null ? globals : globals with { Region = ecrHost.Region }), options.Value("--registry-id"), cancellationToken);
        var first = usesEcr ? ReadToken() : null;
        var (registry, repository) = first is null
            ? (target.Registry!, target.Repository)
            : EcrImageLocation.Of(target.Registry, ecrHost, target.Repository, await first.ConfigureAwait(false));
        IRegistryCredentialProvider credentials = first is null
            ? new DockerConfigCredentialProvider()
            : new CompositeCredentialProvider(new EcrTokenCredentialProvider(ReadToken, registry, first), new DockerConfigCredentialProvider());
        using var client = new RegistryClient(registry, credentials, new RegistryClientOptions
        {
            PlainHttpRegistries = target.PlainHttp ? [registry] : [],
            DebugLog = globals.Debug ? error : null,
        });
        var manifest = await client.GetManifestAsync(repository, target.Reference, forPush: false, cancellationToken).ConfigureAwait(false)
            ?? throw new CliConfigurationException($"{CliErrorCodes.VerifyImageNotFound}: {registry}/{repository} has no image '{target.Reference}'. Check the tag or digest (dotnet ecr list-images --repository-name {target.Repository}).");
        var report = await new SupplyChainVerifier(client, trust).VerifyAsync(repository, manifest, required, cancellationToken).ConfigureAwait(false);

        var name = $"{registry}/{repository}";
        output.Write(globals.OutputChosen && globals.Output == "json" ? VerifyReportWriter.Json(name, report) : VerifyReportWriter.Table(name, report));
        if (report.Passed)
        {
            return ExitCodes.Success;
        }

        var failed = report.Checks.Where(check => check.Outcome == CheckOutcome.Failed).ToList();
        error.Write($"{CliErrorCodes.VerifyFailed}: {failed.Count} check(s) of {name}@{report.ImageDigest} failed ({string.Join(", ", failed.Select(check => check.FailureCode).Distinct())}); " +
            "the table above says which referrer and why (docs/errors/supply-chain.md). Do not deploy the image until they pass.\n");
        return 1;
    }

    private static SignatureTrust? LoadTrust(string? keyFile, string? certificateFile)
    {
        if (keyFile is not null && certificateFile is not null)
        {
            throw new CliUsageException($"{CliErrorCodes.VerifyTrustConflict}: give --key or --certificate, not both.");
        }

        return keyFile is not null ? Load(keyFile, CliErrorCodes.VerifyKeyInvalid, "--key", SignatureTrust.FromPublicKeyPem)
            : certificateFile is not null ? Load(certificateFile, CliErrorCodes.VerifyCertificateInvalid, "--certificate", SignatureTrust.FromCertificatePem)
            : null;
    }

    private static SignatureTrust Load(string path, string code, string option, Func<string, SignatureTrust> parse)
    {
        try
        {
            return parse(File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            throw new CliUsageException($"{code}: {option} {path} cannot be used: {e.Message}.");
        }
    }

    private static HashSet<ReferrerKind> ParseRequired(string? value, bool hasTrust)
    {
        var required = new HashSet<ReferrerKind>();
        foreach (var name in (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            required.Add(name.ToLowerInvariant() switch
            {
                "sbom" => ReferrerKind.Sbom,
                "provenance" => ReferrerKind.Provenance,
                "signature" when hasTrust => ReferrerKind.Signature,
                "signature" => throw new CliUsageException($"{CliErrorCodes.VerifyRequireInvalid}: --require signature needs --key or --certificate to check the signature with."),
                _ => throw new CliUsageException($"{CliErrorCodes.VerifyRequireInvalid}: --require '{name}' is not a kind; give any of sbom, provenance, signature, separated by commas."),
            });
        }

        return required;
    }
}
