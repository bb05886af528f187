namespace EcrPublish.LocalEcr.Scanning;

/// <summary>Where an installed package was found, which decides how its versions compare and which OSV entries apply.</summary>
internal enum PackageEcosystem
{
    /// <summary>dpkg's status database (OSV ecosystem <c>Debian</c>, <c>Debian:12</c>, …).</summary>
    Debian,

    /// <summary>apk's installed database (OSV ecosystem <c>Alpine</c>, <c>Alpine:v3.20</c>, …).</summary>
    Alpine,

    /// <summary>A .NET application's <c>*.deps.json</c> (OSV ecosystem <c>NuGet</c>).</summary>
    NuGet,
}
