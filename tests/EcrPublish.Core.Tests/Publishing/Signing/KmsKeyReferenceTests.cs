using EcrPublish.Publishing.Signing;
using EcrPublish.Signing;
using Xunit;

namespace EcrPublish.Core.Tests.Publishing.Signing;

public sealed class KmsKeyReferenceTests
{
    [Theory]
    [InlineData("awskms:///alias/release-signing", "alias/release-signing")]
    [InlineData("awskms:///arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab", "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab")]
    [InlineData("awskms:///arn:aws-cn:kms:cn-north-1:123456789012:alias/signing", "arn:aws-cn:kms:cn-north-1:123456789012:alias/signing")]
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
    public void Anything_else_is_ECR8105(string value)
    {
        var error = Assert.Throws<SigningException>(() => KmsKeyReference.Parse(value));

        Assert.Equal(SigningErrorCodes.KmsKeyIdInvalid, error.Code);
    }
}
