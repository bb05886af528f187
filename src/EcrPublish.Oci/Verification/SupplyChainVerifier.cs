using System.Text.Json;
using System.Text.Json.Nodes;
using EcrPublish.Images;
using EcrPublish.Registry;
using EcrPublish.Signing;

namespace EcrPublish.Verification;

/// <summary>
/// Verifies what refers to an image (and, for an index, to each platform image): each SBOM, provenance and signature
/// referrer's manifest and document against their digests and sizes, its <c>subject</c> against the image, the
/// provenance statement's in-toto subject against the image digest, and each signature with <paramref name="trust"/>.
/// Referrers come from the referrers API, or the referrers tag where the registry has none (<see cref="ReferrersReader"/>).
/// </summary>
public sealed class SupplyChainVerifier(RegistryClient client, SignatureTrust? trust)
{
    private static readonly Dictionary<string, ReferrerKind> s_kinds = new(StringComparer.Ordinal)
    {
        ["application/spdx+json"] = ReferrerKind.Sbom,
        ["application/vnd.cyclonedx+json"] = ReferrerKind.Sbom,
        ["application/vnd.in-toto+json"] = ReferrerKind.Provenance,
        [NotationMediaTypes.SignatureArtifactType] = ReferrerKind.Signature,
    };

    /// <summary>
    /// Verifies the referrers of <paramref name="image"/> in <paramref name="repository"/>; <paramref name="required"/> kinds
    /// that have no verified referrer (an SBOM: for each platform image of an index) are failed checks. With a
    /// <see cref="SignatureTrust"/>, a verified signature of the image itself is always required.
    /// </summary>
    public async Task<SupplyChainReport> VerifyAsync(string repository, RemoteManifest image, IReadOnlySet<ReferrerKind> required, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(required);
        var top = new Descriptor(image.MediaType, image.Digest, image.Content.Length);
        var platforms = MediaTypes.IsIndex(image.MediaType) ? ImageIndex.Parse(image.Content, image.MediaType).Manifests : [];
        var checks = new List<ReferrerCheck>();
        foreach (var subject in platforms.Prepend(top))
        {
            var listing = await new ReferrersReader(client).ListAsync(repository, subject.Digest, artifactType: null, cancellationToken).ConfigureAwait(false);
            foreach (var referrer in listing.Referrers)
            {
                checks.Add(await CheckAsync(repository, subject, referrer, cancellationToken).ConfigureAwait(false));
            }
        }

        checks.AddRange(Missing(top, platforms, checks, required));
        return new SupplyChainReport(image.Digest, checks);
    }

    private IEnumerable<ReferrerCheck> Missing(Descriptor top, IReadOnlyList<Descriptor> platforms, List<ReferrerCheck> checks, IReadOnlySet<ReferrerKind> required)
    {
        bool Has(ReferrerKind kind, string? subject) => checks.Exists(check =>
            check.Kind == kind && check.Outcome == CheckOutcome.Verified && (subject is null || check.SubjectDigest == subject));

        if ((required.Contains(ReferrerKind.Signature) || trust is not null) && !Has(ReferrerKind.Signature, top.Digest))
        {
            yield return MissingCheck(top, ReferrerKind.Signature, "no verified signature of the image: sign it (EcrSign=true, or the registry's managed signing), or check the key or certificate given");
        }

        if (required.Contains(ReferrerKind.Provenance) && !Has(ReferrerKind.Provenance, null))
        {
            yield return MissingCheck(top, ReferrerKind.Provenance, "no verified provenance statement: publish with EcrProvenance=true");
        }

        if (required.Contains(ReferrerKind.Sbom))
        {
            // A multi-arch publish attaches one SBOM per platform image.
            foreach (var subject in platforms.Count == 0 ? [top] : platforms)
            {
                if (!Has(ReferrerKind.Sbom, subject.Digest))
                {
                    yield return MissingCheck(subject, ReferrerKind.Sbom, "no verified SBOM: publish with EcrSbom=true");
                }
            }
        }
    }

    private static ReferrerCheck MissingCheck(Descriptor subject, ReferrerKind kind, string detail) =>
        new(subject.Digest, subject.Platform?.ToString(), kind, null, null, CheckOutcome.Failed, VerificationErrorCodes.RequiredReferrerMissing, detail);

    private async Task<ReferrerCheck> CheckAsync(string repository, Descriptor subject, Descriptor referrer, CancellationToken cancellationToken)
    {
        var kind = referrer.ArtifactType is { } type && s_kinds.TryGetValue(type, out var known) ? known : ReferrerKind.Other;
        ReferrerCheck Result(CheckOutcome outcome, string? code, string detail) =>
            new(subject.Digest, subject.Platform?.ToString(), kind, referrer.ArtifactType, referrer.Digest, outcome, code, detail);

        if (kind == ReferrerKind.Other)
        {
            return Result(CheckOutcome.NotChecked, null, "an artifact type verify does not check");
        }

        try
        {
            var (manifest, problem) = await ReadArtifactAsync(repository, subject, referrer, cancellationToken).ConfigureAwait(false);
            if (problem is not null)
            {
                return Result(CheckOutcome.Failed, problem.Value.Code, problem.Value.Detail);
            }

            var layer = kind == ReferrerKind.Signature
                ? manifest!.Layers.FirstOrDefault(candidate => candidate.MediaType == NotationMediaTypes.JwsEnvelope)
                : manifest!.Layers.Count > 0 ? manifest.Layers[0] : null;
            if (layer is null)
            {
                return Result(CheckOutcome.Failed, VerificationErrorCodes.ArtifactMalformed, "its manifest has no document layer" + (kind == ReferrerKind.Signature ? $" ({NotationMediaTypes.JwsEnvelope})" : ""));
            }

            var document = await client.ReadBlobAsync(repository, layer.Digest, cancellationToken).ConfigureAwait(false);
            if (document.Length != layer.Size)
            {
                return Result(CheckOutcome.Failed, VerificationErrorCodes.ContentMismatch, $"its document {layer.Digest} is {document.Length} bytes, but the manifest says {layer.Size}");
            }

            var (outcome, code, detail) = CheckDocument(kind, document, subject);
            return Result(outcome, code, detail);
        }
        catch (RegistryException error) when (error.Code == RegistryErrorCodes.ContentNotAsAddressed)
        {
            return Result(CheckOutcome.Failed, VerificationErrorCodes.ContentMismatch, error.Explanation);
        }
    }

    /// <summary>The referrer's manifest, or why it is not one that refers to <paramref name="subject"/>.</summary>
    private async Task<(ImageManifest? Manifest, (string Code, string Detail)? Problem)> ReadArtifactAsync(string repository, Descriptor subject, Descriptor referrer, CancellationToken cancellationToken)
    {
        var stored = await client.GetManifestAsync(repository, referrer.Digest, forPush: false, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return (null, (VerificationErrorCodes.ContentMismatch, "it is listed, but the registry has no manifest with that digest"));
        }

        if (stored.Content.Length != referrer.Size)
        {
            return (null, (VerificationErrorCodes.ContentMismatch, $"its manifest is {stored.Content.Length} bytes, but the referrers list says {referrer.Size}"));
        }

        ImageManifest manifest;
        try
        {
            manifest = ImageManifest.Parse(stored.Content, stored.MediaType);
        }
        catch (Exception error) when (error is JsonException or FormatException or InvalidOperationException)
        {
            return (null, (VerificationErrorCodes.ArtifactMalformed, $"it is not an image manifest ({error.Message})"));
        }

        return manifest.Subject?.Digest == subject.Digest
            ? (manifest, null)
            : (null, (VerificationErrorCodes.SubjectMismatch, $"it is listed for {subject.Digest}, but its subject is {manifest.Subject?.Digest ?? "missing"}: it describes another image"));
    }

    private (CheckOutcome Outcome, string? Code, string Detail) CheckDocument(ReferrerKind kind, byte[] document, Descriptor subject)
    {
        if (kind == ReferrerKind.Signature)
        {
            if (trust is null)
            {
                return (CheckOutcome.NotChecked, null, "signature not checked: give --key or --certificate");
            }

            var signature = new NotationSignatureVerifier(trust).Verify(document, subject);
            return (signature.IsValid ? CheckOutcome.Verified : CheckOutcome.Failed, signature.FailureCode, signature.Detail);
        }

        JsonNode? json;
        try
        {
            json = JsonNode.Parse(document);
        }
        catch (JsonException error)
        {
            return (CheckOutcome.Failed, VerificationErrorCodes.ArtifactMalformed, $"its document is not JSON ({error.Message})");
        }

        return kind == ReferrerKind.Provenance ? CheckProvenance(json, subject) : CheckSbom(json);
    }

    private static (CheckOutcome, string?, string) CheckSbom(JsonNode? json) =>
        (string?)json?["spdxVersion"] is { } spdx ? (CheckOutcome.Verified, null, spdx + " document")
        : (string?)json?["bomFormat"] == "CycloneDX" ? (CheckOutcome.Verified, null, "CycloneDX " + (string?)json?["specVersion"] + " document")
        : (CheckOutcome.Failed, VerificationErrorCodes.ArtifactMalformed, "its document is neither SPDX (spdxVersion) nor CycloneDX (bomFormat)");

    private static (CheckOutcome, string?, string) CheckProvenance(JsonNode? json, Descriptor subject)
    {
        var type = (string?)json?["_type"];
        if (type is null || !type.StartsWith("https://in-toto.io/Statement/", StringComparison.Ordinal))
        {
            return (CheckOutcome.Failed, VerificationErrorCodes.ProvenanceSubjectMismatch, $"its document is not an in-toto statement (_type '{type}')");
        }

        var hex = subject.Digest[(subject.Digest.IndexOf(':', StringComparison.Ordinal) + 1)..];
        var subjects = (json!["subject"] as JsonArray ?? []).Select(entry => (string?)entry?["digest"]?["sha256"]).ToList();
        return subjects.Contains(hex)
            ? (CheckOutcome.Verified, null, $"in-toto statement, predicate {(string?)json["predicateType"]}")
            : (CheckOutcome.Failed, VerificationErrorCodes.ProvenanceSubjectMismatch,
                $"its in-toto subjects ({string.Join(", ", subjects.Select(digest => "sha256:" + digest))}) do not include the image {subject.Digest}: it describes another build");
    }
}
