using System.Net;
using System.Text;
using EcrPublish.Images;
using EcrPublish.Registry;
using Xunit;

namespace EcrPublish.IntegrationTests.Registry;

/// <summary>A download whose answer stops in the middle is noticed by lack of progress and fetched again.</summary>
public sealed class DownloadStallTests
{
    [Fact(Timeout = 60_000)]
    public async Task A_blob_whose_answer_goes_silent_is_given_up_after_the_stall_timeout_and_fetched_again()
    {
        var blob = Encoding.UTF8.GetBytes(new string('x', 100_000));
        var digest = ContentDigest.Of(blob);
        var first = 1;
        await using var registry = new RegistryProxy("127.0.0.1:9", request => ProxyAction.Respond(HttpStatusCode.OK, Encoding.UTF8.GetString(blob)) with
        {
            StallAnswerAfterBytes = Interlocked.Exchange(ref first, 0) == 1 ? 10_000 : null,
        });
        using var client = new RegistryClient(registry.Address, null, new RegistryClientOptions
        {
            StallTimeout = TimeSpan.FromSeconds(1),
            Retry = new RetryPolicy(3, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(1)),
        });

        var content = await client.ReadBlobAsync("team/app", digest, CancellationToken.None);

        Assert.Equal(blob, content);
        Assert.Equal(2, registry.Requests.Count);
    }
}
