using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using EcrPublish.Images;

namespace EcrPublish.Registry;

/// <summary>
/// Lists the referrers of a manifest: the referrers API first (following <c>Link</c> pages), and where the registry
/// answers 404 (no API, e.g. distribution 2.8) the image index at the referrers tag, as the distribution spec says clients must.
/// A registry known to have no API (it answered 404 earlier in this publish, or per <paramref name="record"/>) is not
/// asked again: the referrers tag is read straight away, one request instead of two.
/// </summary>
/// <param name="client">The registry.</param>
/// <param name="record">What earlier publishes learned of the registry's referrers API; null to always ask it.</param>
public sealed class ReferrersReader(RegistryClient client, ReferrersApiRecord? record = null)
{
    private const int MaxPages = 100;

    /// <summary>
    /// The referrers of <paramref name="subjectDigest"/> in <paramref name="repository"/>, only those of
    /// <paramref name="artifactType"/> when given (filtered here when the registry did not filter).
    /// </summary>
    public async Task<ReferrerListing> ListAsync(string repository, string subjectDigest, string? artifactType, CancellationToken cancellationToken)
    {
        if (!ContentDigest.IsValid(subjectDigest))
        {
            throw new RegistryException(ReferrerErrorCodes.ArtifactInvalid, $"'{subjectDigest}' is not a sha256 digest; referrers are listed for a manifest digest (sha256:<64 hex>).");
        }

        var knownAbsent = client.HasReferrersApi == false || (client.HasReferrersApi is null && record?.KnownAbsent(client.Registry) == true);
        if (knownAbsent)
        {
            // Believed for the rest of this publish too (other listings of the client need no record).
            client.HasReferrersApi = false;
        }

        var fromApi = knownAbsent ? null : await FromReferrersApiAsync(repository, subjectDigest, artifactType, cancellationToken).ConfigureAwait(false);
        if (!knownAbsent)
        {
            Learned(client, record, hasApi: fromApi is not null);
        }

        var listing = fromApi ?? new ReferrerListing(await FromReferrersTagAsync(repository, subjectDigest, cancellationToken).ConfigureAwait(false), FromReferrersApi: false);
        return artifactType is null
            ? listing
            : listing with { Referrers = [.. listing.Referrers.Where(referrer => string.Equals(referrer.ArtifactType, artifactType, StringComparison.Ordinal))] };
    }

    /// <summary>Keeps what the registry showed of its referrers API for the rest of this publish and, with a record, for the next ones.</summary>
    public static void Learned(RegistryClient client, ReferrersApiRecord? record, bool hasApi)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (client.HasReferrersApi != hasApi)
        {
            client.HasReferrersApi = hasApi;
            record?.Remember(client.Registry, hasApi);
        }
    }

    /// <summary>The list from the referrers API, or null when the registry does not have it (404 without NAME_UNKNOWN).</summary>
    private async Task<ReferrerListing?> FromReferrersApiAsync(string repository, string subjectDigest, string? artifactType, CancellationToken cancellationToken)
    {
        var referrers = new List<Descriptor>();
        var query = artifactType is null ? "" : "?artifactType=" + Uri.EscapeDataString(artifactType);
        Uri? page = client.Url(repository, "referrers/" + subjectDigest + query);
        for (var pages = 0; page is not null && pages < MaxPages; pages++)
        {
            var url = page;
            using var response = await client.SendAsync(
                () => new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Accept = { new MediaTypeWithQualityHeaderValue(MediaTypes.OciIndex) } } },
                RegistryClient.Scope(repository, push: true), retryTransient: true, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                var error = await RegistryError.ReadAsync(response, cancellationToken).ConfigureAwait(false);
                if (error?.Code == "NAME_UNKNOWN")
                {
                    throw client.RepositoryNotFound(repository, error);
                }

                // A registry with the API never answers 404 to it (spec: Listing Referrers): this one has none.
                return pages == 0 ? null : throw Invalid(repository, subjectDigest, "a later page answered 404");
            }

            await client.EnsureSuccessAsync(response, $"listing the referrers of {subjectDigest}", repository, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            referrers.AddRange(ParseIndex(body, response.Content.Headers.ContentType?.MediaType)
                ?? throw Invalid(repository, subjectDigest, "the answer is not an image index"));
            page = NextPage(response, url);
        }

        return new ReferrerListing(referrers, FromReferrersApi: true);
    }

    /// <summary>The entries of the index at the referrers tag; none when the tag does not exist.</summary>
    internal async Task<IReadOnlyList<Descriptor>> FromReferrersTagAsync(string repository, string subjectDigest, CancellationToken cancellationToken)
    {
        var tag = ReferrersTag.For(subjectDigest);
        var index = await client.GetManifestAsync(repository, tag, forPush: true, cancellationToken).ConfigureAwait(false);
        if (index is null)
        {
            return [];
        }

        return (MediaTypes.IsIndex(index.MediaType) ? ParseIndex(index.Content, index.MediaType) : null)
            ?? throw new RegistryException(ReferrerErrorCodes.ReferrersTagNotAnIndex,
                $"The tag '{tag}' in {client.Registry}/{repository} is where referrers of {subjectDigest} are listed on a registry without the referrers API, but it holds {index.MediaType} {index.Digest}, not an image index. Nothing was changed; delete or move that tag, then publish again.");
    }

    /// <summary>The descriptors of an image index, or null when <paramref name="content"/> is not one.</summary>
    internal static IReadOnlyList<Descriptor>? ParseIndex(byte[] content, string? mediaType)
    {
        try
        {
            var index = ImageIndex.Parse(content, mediaType);
            return MediaTypes.IsIndex(index.MediaType) ? index.Manifests : null;
        }
        catch (Exception exception) when (exception is JsonException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }

    private RegistryException Invalid(string repository, string subjectDigest, string what) => new(ReferrerErrorCodes.ReferrersResponseInvalid,
        $"{client.Registry}/{repository} answered the referrers API for {subjectDigest}, but {what}. The registry does not follow the OCI distribution spec 1.1 here; report it with this message.");

    /// <summary>The <c>rel="next"</c> target of an RFC 5988 <c>Link</c> header, resolved against the page it came with.</summary>
    private Uri? NextPage(HttpResponseMessage response, Uri current)
    {
        if (!response.Headers.TryGetValues("Link", out var links))
        {
            return null;
        }

        foreach (var link in links.SelectMany(value => value.Split(',')))
        {
            var parts = link.Split(';', StringSplitOptions.TrimEntries);
            if (parts.Length > 1 && parts[0].StartsWith('<') && parts[0].EndsWith('>') &&
                parts.Skip(1).Any(parameter => parameter.Replace(" ", "", StringComparison.Ordinal) is "rel=\"next\"" or "rel=next"))
            {
                return client.ResolveLocation(current, new Uri(parts[0][1..^1], UriKind.RelativeOrAbsolute), "the next page of referrers");
            }
        }

        return null;
    }
}
