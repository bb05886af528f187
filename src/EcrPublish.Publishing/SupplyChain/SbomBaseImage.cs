using EcrPublish.Images.Packages;

namespace EcrPublish.SupplyChain;

/// <summary>The base image the app was layered on.</summary>
/// <param name="Reference">The reference as the user gave it, e.g. <c>mcr.microsoft.com/dotnet/aspnet:8.0</c>.</param>
/// <param name="ManifestDigest">The digest of the platform manifest that was used.</param>
/// <param name="OperatingSystem">Its distribution from <c>os-release</c>, or null when it has none (scratch, distroless static).</param>
public sealed record SbomBaseImage(string Reference, string ManifestDigest, OsRelease? OperatingSystem);
