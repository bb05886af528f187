namespace EcrPublish.Images.Packages;

/// <summary>The operating-system package managers whose databases EcrPublish reads from image layers.</summary>
public enum OsPackageManager
{
    /// <summary>Debian's dpkg: <c>var/lib/dpkg/status</c> and the files of <c>var/lib/dpkg/status.d/</c> (distroless).</summary>
    Dpkg,

    /// <summary>Alpine's apk: <c>lib/apk/db/installed</c>.</summary>
    Apk,
}
