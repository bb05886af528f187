using EcrPublish.Images;

namespace EcrPublish.Registry;

/// <summary>The manifests that refer to one subject, and where the list came from.</summary>
/// <param name="Referrers">One descriptor per referrer (with its <c>artifactType</c> and annotations), in the registry's order.</param>
/// <param name="FromReferrersApi">
/// True when the registry answered <c>GET /v2/&lt;name&gt;/referrers/&lt;digest&gt;</c>; false when it answered 404 and the list
/// is the image index at the referrers tag (<see cref="ReferrersTag"/>), empty when that tag does not exist.
/// </param>
public sealed record ReferrerListing(IReadOnlyList<Descriptor> Referrers, bool FromReferrersApi);
