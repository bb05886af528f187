using System.Text.Json;
using EcrPublish.Aws.Model;
using Xunit;

namespace EcrPublish.Core.Tests.Aws;

public sealed class EpochSecondsConverterTests
{
    [Theory]
    [InlineData("1.563223656E9", 1563223656_000L)]
    [InlineData("1579839105.0", 1579839105_000L)]
    [InlineData("1795855167.205", 1795855167_205L)]
    [InlineData("1420070400", 1420070400_000L)]
    public void Reads_every_json_number_form(string number, long expectedMilliseconds)
    {
        var repository = JsonSerializer.Deserialize($$$"""{"repository":{"createdAt":{{{number}}}}}""", EcrJsonContext.Default.CreateRepositoryResponse)!;

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(expectedMilliseconds), repository.Repository!.CreatedAt);
    }

    [Fact]
    public void Writes_epoch_seconds()
    {
        var json = JsonSerializer.Serialize(
            new LifecyclePolicyPreviewResult { ImagePushedAt = DateTimeOffset.FromUnixTimeMilliseconds(1795855167_250) },
            EcrJsonContext.Default.Options);

        Assert.Equal("""{"imagePushedAt":1795855167.25}""", json);
    }
}
