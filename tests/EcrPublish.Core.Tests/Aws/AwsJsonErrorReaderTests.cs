using System.Net;
using System.Text;
using EcrPublish.Aws;
using Xunit;

namespace EcrPublish.Core.Tests.Aws;

public sealed class AwsJsonErrorReaderTests
{
    [Theory]
    [InlineData("RepositoryNotFoundException", "RepositoryNotFoundException")]
    [InlineData("com.amazonaws.ecr#RepositoryNotFoundException", "RepositoryNotFoundException")]
    [InlineData("RepositoryNotFoundException:http://internal.amazon.com/coral/com.amazonaws.ecr/", "RepositoryNotFoundException")]
    [InlineData("aws.ecr#RepositoryNotFoundException:http://internal.amazon.com/coral", "RepositoryNotFoundException")]
    public void Strips_namespace_and_url_decorations(string raw, string expected) => Assert.Equal(expected, AwsJsonErrorReader.Sanitize(raw));

    [Fact]
    public void Reads_type_message_and_request_id()
    {
        var error = Read(400, """{"__type":"aws.ecr#RepositoryNotFoundException","message":"The repository does not exist"}""", ("x-amzn-RequestId", "abc-123"));

        Assert.Equal("RepositoryNotFoundException", error.ErrorCode);
        Assert.Equal("The repository does not exist", error.ServiceMessage);
        Assert.Equal("abc-123", error.RequestId);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal(AwsClientErrorCodes.ServiceError, error.Code);
    }

    [Fact]
    public void Reads_capitalised_Message_and_the_error_type_header()
    {
        var error = Read(400, """{"Message":"Rate exceeded"}""", ("X-Amzn-Errortype", "ThrottlingException:http://internal"));

        Assert.Equal("ThrottlingException", error.ErrorCode);
        Assert.Equal("Rate exceeded", error.ServiceMessage);
    }

    [Fact]
    public void Non_json_5xx_keeps_the_status_and_a_body_preview()
    {
        var error = Read(500, "<html><title>500 Internal Server Error</title></html>");

        Assert.Equal("ServerError", error.ErrorCode);
        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Contains("Internal Server Error", error.ServiceMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Query_protocol_errors_are_read_from_xml()
    {
        using var message = new HttpResponseMessage();
        var response = new AwsHttpResponse(HttpStatusCode.Forbidden, message.Headers, "text/xml", Encoding.UTF8.GetBytes("""
            <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>InvalidClientTokenId</Code>
            <Message>The security token included in the request is invalid.</Message></Error><RequestId>req-9</RequestId></ErrorResponse>
            """));

        var error = AwsQueryErrorReader.Instance.Read("GetCallerIdentity", response);

        Assert.Equal("InvalidClientTokenId", error.ErrorCode);
        Assert.Equal("The security token included in the request is invalid.", error.ServiceMessage);
        Assert.Equal("req-9", error.RequestId);
        Assert.Contains("access key is not valid", error.Message, StringComparison.Ordinal);
    }

    private static EcrServiceException Read(int status, string body, params (string Name, string Value)[] headers)
    {
        using var message = new HttpResponseMessage((HttpStatusCode)status);
        foreach (var (name, value) in headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        return AwsJsonErrorReader.Instance.Read("DescribeRepositories", new AwsHttpResponse((HttpStatusCode)status, message.Headers, null, Encoding.UTF8.GetBytes(body)));
    }
}
