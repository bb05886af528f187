using EcrPublish.Images;

namespace EcrPublish.Registry;

/// <summary>What copying an image carries, read from the source by <see cref="CopyPlanReader"/>.</summary>
/// <param name="Image">The copied image (index or manifest) itself.</param>
/// <param name="Manifests">Every manifest to put, in the order to put them: each after what it lists and after its subject, the image's own among them.</param>
/// <param name="Blobs">Every blob those manifests name, once each.</param>
public sealed record CopyPlan(CopyManifest Image, IReadOnlyList<CopyManifest> Manifests, IReadOnlyList<Descriptor> Blobs);
