using EcrPublish.Kms;
using EcrPublish.Signing;
using Xunit;

namespace EcrPublish.Core.Tests.Kms;

public sealed class KmsKeyReferenceTests
{
    [Theory]
    [InlineData("awskms:///alias/release-signing", "alias/release-signing")]
    [InlineData("awskms:///arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab", "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab")]
    [InlineData("awskms:///arn:aws-cn:kms:cn-north-1:123456789012:alias/signing", "arn:aws-cn:kms:cn-north-1:123456789012:alias/signing")]
    [InlineData("arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab", "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab")]
    [InlineData("arn:aws-us-gov:kms:us-gov-west-1:123456789012:alias/signing", "arn:aws-us-gov:kms:us-gov-west-1:123456789012:alias/signing")]
    public void A_key_alias_or_ARN_gives_the_KeyId_KMS_takes(string value, string keyId)
    {
        Assert.True(KmsKeyReference.IsKms(value));
        Assert.Equal(keyId, KmsKeyReference.Parse(value).KeyId);
    }

    [Theory]
    [InlineData("awskms://")]
    [InlineData("awskms:///")]
    [InlineData("awskms://localhost:4566/alias/x")]
    [InlineData("awskms:///alias/")]
    [InlineData("awskms:///alias/aws/ecr")]
    [InlineData("awskms:///1234abcd-12ab-34cd-56ef-1234567890ab")]
    [InlineData("awskms:///arn:aws:kms:eu-west-1:1234:key/x")]
    [InlineData("awskms:///arn:aws:s3:eu-west-1:123456789012:key/x")]
    [InlineData("awskms:///arn:aws:kms:eu-west-1:123456789012:key/")]
    [InlineData("arn:aws:kms:eu-west-1:123456789012:keyring/x")]
    [InlineData("arn:aws:kms:eu-west-1::key/x")]
    public void Anything_else_is_ECR8105(string value)
    {
        var error = Assert.Throws<SigningException>(() => KmsKeyReference.Parse(value));

        Assert.Equal(SigningErrorCodes.KmsKeyIdInvalid, error.Code);
    }

    [Theory]
    [InlineData("key.pem")]
    [InlineData("keys/arn:aws:kms.pem")]
    [InlineData("arn-aws-kms-key.pem")]
    public void A_file_name_is_not_a_KMS_key(string value) => Assert.False(KmsKeyReference.IsKms(value));
}
