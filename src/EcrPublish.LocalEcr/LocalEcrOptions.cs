namespace EcrPublish.LocalEcr;

/// <summary>How a <see cref="LocalEcrServer"/> is started. The defaults match the documented command-line defaults.</summary>
public sealed class LocalEcrOptions
{
    /// <summary>Default access key id and secret (like other AWS emulators): <c>test</c> / <c>test</c>.</summary>
    public const string DefaultAccessKeyId = "test";

    /// <inheritdoc cref="DefaultAccessKeyId"/>
    public const string DefaultSecretAccessKey = "test";

    /// <summary>Loopback port to listen on; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>Where repositories, images and blobs persist; null means a new temporary directory.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>The 12-digit account id reported as <c>registryId</c> and used in ARNs.</summary>
    public string AccountId { get; set; } = "123456789012";

    /// <summary>The region requests must be signed for and that ARNs carry.</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>The only access key id whose signatures are accepted.</summary>
    public string AccessKeyId { get; set; } = DefaultAccessKeyId;

    /// <summary>The secret that SigV4 signatures are verified against; also keys the registry tokens.</summary>
    public string SecretAccessKey { get; set; } = DefaultSecretAccessKey;

    /// <summary>How long a GetAuthorizationToken password is accepted by the registry (ECR: 12 hours).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Smallest chunked-upload part accepted when another part follows (ECR: 5 MiB).</summary>
    public long MinimumLayerPartSize { get; set; } = 5 * 1024 * 1024;

    /// <summary>Largest control-plane request body accepted, in bytes.</summary>
    public long MaxControlPlaneRequestBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Largest manifest accepted by the registry API (ECR: 4 MiB).</summary>
    public int MaxManifestBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>PutImage / manifest PUTs allowed per second (ECR's quota is 10); null = unlimited.</summary>
    public int? PutImageRatePerSecond { get; set; }

    /// <summary>
    /// Answer every chunked-upload PATCH after the first with the first part's <c>Range</c>, as ECR does (its Range
    /// header goes stale); clients must track offsets themselves. The upload-status GET stays accurate.
    /// </summary>
    public bool StaleUploadRange { get; set; } = true;

    /// <summary>How long a lifecycle policy preview reports IN_PROGRESS before COMPLETE (ECR takes seconds to minutes).</summary>
    public TimeSpan LifecyclePreviewDuration { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Run every repository's lifecycle policy this often; null = only on <c>POST /_localecr/lifecycle/run</c>.</summary>
    public TimeSpan? LifecycleInterval { get; set; }

    /// <summary>How long an image scan reports IN_PROGRESS before its final status.</summary>
    public TimeSpan ScanDuration { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long DescribeImageSigningStatus reports a managed signing IN_PROGRESS before its final status (ECR signs asynchronously).</summary>
    public TimeSpan SigningDuration { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a restored image (UpdateImageStorageClass to STANDARD) reports ACTIVATING before ACTIVE (ECR: up to 20 minutes).</summary>
    public TimeSpan ImageRestoreDuration { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A directory of OSV-format vulnerability entries to match scanned packages against; null = no known vulnerabilities.</summary>
    public string? VulnerabilityDatabaseDirectory { get; set; }

    /// <summary>The clock; tests replace it to expire tokens and signatures.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// A name besides localhost, 127.x.x.x and [::1] that requests may carry as Host (a hosts-file alias of 127.0.0.1);
    /// any other Host is refused with 421, which defeats DNS rebinding from a browser page.
    /// </summary>
    public string? Hostname { get; set; }

    /// <summary>
    /// How long an upload session lives after its last request (ECR's upload ids are short-lived too); an expired one
    /// is gone, and unreferenced blobs younger than this are never collected (they may belong to an unfinished push).
    /// </summary>
    public TimeSpan UploadSessionLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Write one line per request to the console.</summary>
    public bool LogRequests { get; set; }

    /// <summary>
    /// What the registry path of this options' registry starts with after <c>/v2/</c>: empty for the default registry,
    /// <c>&lt;account&gt;.dkr.ecr.&lt;region&gt;/</c> for another account or region (see <c>ScopedRegistryPath</c>).
    /// </summary>
    internal string RegistryPathPrefix { get; private set; } = string.Empty;

    /// <summary>A copy of these options for another account's or region's registry on the same server.</summary>
    internal LocalEcrOptions ForScope(string accountId, string region)
    {
        var copy = (LocalEcrOptions)MemberwiseClone();
        copy.AccountId = accountId;
        copy.Region = region;
        var isDefault = accountId == AccountId && region == Region;
        copy.RegistryPathPrefix = isDefault ? RegistryPathPrefix : $"{accountId}.dkr.ecr.{region}/";
        return copy;
    }
}
