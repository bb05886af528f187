using System.Net;
using Amazon.Runtime;
using EcrPublish.Kms;
using EcrPublish.Signing;
using Xunit;

namespace EcrPublish.Core.Tests.Kms;

/// <summary>
/// What KMS answers becomes a code that says what to do. moto's KMS (the integration tests') enforces no key policy,
/// so access denied is checked here, from the error code KMS sends (AccessDeniedException).
/// </summary>
public sealed class KmsFailureTests
{
    [Theory]
    [InlineData("AccessDeniedException", SigningErrorCodes.KmsAccessDenied, "kms:Sign")]
    [InlineData("NotFoundException", SigningErrorCodes.KmsKeyNotFound, "region eu-west-1")]
    [InlineData("DisabledException", SigningErrorCodes.KmsKeyNotEnabled, "enable-key")]
    [InlineData("KMSInvalidStateException", SigningErrorCodes.KmsKeyNotEnabled, "cancel-key-deletion")]
    [InlineData("InvalidKeyUsageException", SigningErrorCodes.KmsKeyUnsupported, "SIGN_VERIFY")]
    [InlineData("UnrecognizedClientException", SigningErrorCodes.KmsFailed, "credentials")]
    public void A_KMS_error_code_gets_its_own_code_and_advice(string kmsCode, string code, string advice)
    {
        var error = new AmazonServiceException("refused by test", null, ErrorType.Sender, kmsCode, "request-1", HttpStatusCode.BadRequest);

        var failure = KmsFailure.From(error, "alias/release", "kms:Sign", "region eu-west-1");

        Assert.Equal(code, failure.Code);
        Assert.Contains("alias/release", failure.Message, StringComparison.Ordinal);
        Assert.Contains(advice, failure.Message, StringComparison.Ordinal);
        Assert.Same(error, failure.InnerException);
    }

    [Fact]
    public void An_unreachable_endpoint_is_ECR8107_and_the_caller_s_cancellation_is_not_a_KMS_failure()
    {
        var failure = KmsFailure.From(new HttpRequestException("Connection refused"), "alias/release", "kms:DescribeKey", "region eu-west-1 at http://127.0.0.1:9/");

        Assert.Equal(SigningErrorCodes.KmsFailed, failure.Code);
        Assert.Contains("AWS_ENDPOINT_URL_KMS", failure.Message, StringComparison.Ordinal);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.False(KmsFailure.IsKmsFailure(new OperationCanceledException(), cancelled.Token));
        Assert.True(KmsFailure.IsKmsFailure(new TaskCanceledException(), CancellationToken.None));
    }

    [Theory]
    [InlineData("ECC_NIST_P256", "ES256", "ECDSA_SHA_256")]
    [InlineData("ECC_NIST_P384", "ES384", "ECDSA_SHA_384")]
    [InlineData("ECC_NIST_P521", "ES512", "ECDSA_SHA_512")]
    [InlineData("RSA_2048", "PS256", "RSASSA_PSS_SHA_256")]
    [InlineData("RSA_3072", "PS384", "RSASSA_PSS_SHA_384")]
    [InlineData("RSA_4096", "PS512", "RSASSA_PSS_SHA_512")]
    public void A_key_spec_signs_with_the_algorithm_Notation_picks_for_that_key(string keySpec, string jws, string kms)
    {
        var algorithm = KmsSigningAlgorithm.For(keySpec)!;

        Assert.Equal((jws, kms), (algorithm.Notation.Name, algorithm.KmsAlgorithm.Value));
    }

    [Theory]
    [InlineData("SYMMETRIC_DEFAULT")]
    [InlineData("ECC_SECG_P256K1")]
    [InlineData("HMAC_256")]
    [InlineData("ML_DSA_65")]
    [InlineData(null)]
    public void Other_key_specs_have_no_Notation_algorithm(string? keySpec) => Assert.Null(KmsSigningAlgorithm.For(keySpec));
}
