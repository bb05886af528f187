using System.Text;
using EcrPublish.Aws;
using Xunit;

namespace EcrPublish.Core.Tests.Aws;

public sealed class EcrAuthorizationTokenTests
{
    private static readonly Uri Endpoint = new("https://123456789012.dkr.ecr.eu-west-1.amazonaws.com");

    [Fact]
    public void Decodes_user_and_password_split_on_the_first_colon()
    {
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes("AWS:eyJwYXlsb2FkIjoi:with:colons"));

        var token = EcrAuthorizationToken.Decode(encoded, Endpoint, DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));

        Assert.Equal("AWS", token.Username);
        Assert.Equal("eyJwYXlsb2FkIjoi:with:colons", token.Password);
        Assert.Equal("123456789012.dkr.ecr.eu-west-1.amazonaws.com", token.RegistryHost);
        Assert.Equal(encoded, token.BasicAuthorizationValue);
    }

    [Fact]
    public void ToString_never_shows_the_password()
    {
        var token = EcrAuthorizationToken.Decode(Convert.ToBase64String(Encoding.UTF8.GetBytes("AWS:s3cr3t-password")), Endpoint, null);

        var text = token.ToString();

        Assert.DoesNotContain("s3cr3t-password", text, StringComparison.Ordinal);
        Assert.Contains("Password = ***", text, StringComparison.Ordinal);
        Assert.Contains("AWS", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_tokens_fail_with_ECR2300_without_echoing_the_token()
    {
        var notBase64 = Assert.Throws<EcrClientException>(() => EcrAuthorizationToken.Decode("not base64 secret!", Endpoint, null));
        var noColon = Assert.Throws<EcrClientException>(
            () => EcrAuthorizationToken.Decode(Convert.ToBase64String(Encoding.UTF8.GetBytes("justasecret")), Endpoint, null));

        Assert.Equal(AwsClientErrorCodes.InvalidAuthorizationToken, notBase64.Code);
        Assert.DoesNotContain("secret", notBase64.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("justasecret", noColon.Message, StringComparison.Ordinal);
    }
}
