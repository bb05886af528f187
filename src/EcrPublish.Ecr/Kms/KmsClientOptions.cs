using Amazon.Runtime;

namespace EcrPublish.Kms;

/// <summary>
/// How to reach AWS KMS for signing: the same credential chain, profile, region and endpoint settings as ECR
/// (see <see cref="Aws.EcrClientOptions"/>). Unset values are resolved the way the AWS CLI does.
/// </summary>
public sealed class KmsClientOptions
{
    /// <summary>Named profile; without it AWS_PROFILE, then <c>default</c>.</summary>
    public string? Profile { get; init; }

    /// <summary>Region of an alias (a key ARN names its own); wins over AWS_REGION, AWS_DEFAULT_REGION and the profile.</summary>
    public string? Region { get; init; }

    /// <summary>Explicit KMS endpoint; wins over AWS_ENDPOINT_URL_KMS, AWS_ENDPOINT_URL and the profile's <c>[services]</c> section / <c>endpoint_url</c>.</summary>
    public Uri? ServiceUrl { get; init; }

    /// <summary>Use the FIPS endpoint (a FIPS ECR registry asks for it); unset means AWS_USE_FIPS_ENDPOINT.</summary>
    public bool? UseFips { get; init; }

    /// <summary>Credentials to use instead of the credential chain.</summary>
    public AWSCredentials? Credentials { get; init; }

    /// <summary>Where every request and response is logged, secrets removed (<c>--debug</c>); null logs nothing.</summary>
    public TextWriter? DebugLog { get; init; }
}
