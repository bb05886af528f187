namespace EcrPublish.LocalEcr.Registry;

/// <summary>Which part of the distribution API a <c>/v2/…</c> path addresses.</summary>
internal enum RegistryRouteKind
{
    Base,
    Blob,
    Upload,
    Manifest,
    TagList,
    Referrers,
    Unknown,
}
