using Amazon.Runtime;

namespace EcrPublish.Aws;

/// <summary>
/// How to reach ECR and STS. Everything is optional: unset values are resolved the way the AWS CLI does
/// (environment variables, the shared config/credentials files, container and instance metadata).
/// </summary>
public sealed class EcrClientOptions
{
    /// <summary>Named profile, like the CLI's <c>--profile</c>. Without it AWS_PROFILE, then <c>default</c>, is used.</summary>
    public string? Profile { get; init; }

    /// <summary>Region, like the CLI's <c>--region</c>. Wins over AWS_REGION, AWS_DEFAULT_REGION and the profile.</summary>
    public string? Region { get; init; }

    /// <summary>Explicit ECR endpoint, like the CLI's <c>--endpoint-url</c>. Wins over AWS_ENDPOINT_URL_ECR, AWS_ENDPOINT_URL and the profile's
    /// <c>[services]</c> section / <c>endpoint_url</c>.</summary>
    public Uri? ServiceUrl { get; init; }

    /// <summary>Explicit STS endpoint. Wins over AWS_ENDPOINT_URL_STS, AWS_ENDPOINT_URL and the profile's <c>[services]</c> section / <c>endpoint_url</c>.</summary>
    public Uri? StsServiceUrl { get; init; }

    /// <summary>Use FIPS endpoints; unset means AWS_USE_FIPS_ENDPOINT.</summary>
    public bool? UseFips { get; init; }

    /// <summary>Use dual-stack endpoints; unset means AWS_USE_DUALSTACK_ENDPOINT.</summary>
    public bool? UseDualStack { get; init; }

    /// <summary>Credentials to use instead of the credential chain (e.g. from a caller that already has them).</summary>
    public AWSCredentials? Credentials { get; init; }

    /// <summary>Total attempts per call, including the first (throttling, 5xx and connection failures are retried).</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>Base of the exponential backoff; each retry waits a random time in [0, min(MaxRetryDelay, base * 2^retry)].</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Upper bound of a single backoff delay.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Timeout of a single HTTP attempt.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Where every request and response is logged, secrets removed (<c>dotnet ecr --debug</c>); null logs nothing.</summary>
    public TextWriter? DebugLog { get; init; }

    /// <summary>The clock used for signing and backoff (replaceable in tests).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
