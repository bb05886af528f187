using EcrPublish.Registry;
using Xunit;

namespace EcrPublish.Core.Tests.Registry;

public sealed class UploadRangeTests
{
    [Theory]
    [InlineData("0-5242879", 5242880L)]
    [InlineData("bytes=0-99", 100L)]
    [InlineData("0-0", 1L)]
    [InlineData("5-99", null)]
    [InlineData("0-", null)]
    [InlineData("0--1", null)]
    [InlineData("zero-ten", null)]
    public void The_next_offset_is_one_past_the_last_byte_the_registry_holds(string header, long? expected)
    {
        using var response = new HttpResponseMessage(System.Net.HttpStatusCode.NoContent);
        response.Headers.TryAddWithoutValidation("Range", header);

        Assert.Equal(expected, UploadRange.NextOffset(response));
    }

    [Fact]
    public void No_range_header_says_nothing()
    {
        using var response = new HttpResponseMessage(System.Net.HttpStatusCode.NoContent);

        Assert.Null(UploadRange.NextOffset(response));
    }
}
