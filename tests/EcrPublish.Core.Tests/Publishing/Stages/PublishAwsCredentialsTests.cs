using Amazon.Runtime;
using EcrPublish.Publishing.Stages;
using Xunit;

namespace EcrPublish.Core.Tests.Publishing.Stages;

/// <summary>A publish's clients share one resolution per profile; another profile is other credentials.</summary>
public sealed class PublishAwsCredentialsTests
{
    private readonly List<string?> _resolved = [];

    private PublishAwsCredentials Credentials() => new(profile =>
    {
        lock (_resolved)
        {
            _resolved.Add(profile);
        }

        return new BasicAWSCredentials("AKID" + profile, "secret");
    });

    [Fact]
    public void Each_profile_is_resolved_once_whoever_asks_first()
    {
        var credentials = Credentials();

        var all = Enumerable.Range(0, 8).AsParallel().Select(_ => credentials.For(null)).ToList();
        var dr = credentials.For("dr");

        Assert.All(all, resolved => Assert.Same(all[0], resolved));
        Assert.Same(dr, credentials.For("dr"));
        Assert.NotSame(all[0], dr);
        Assert.Equal([null, "dr"], _resolved);
    }
}
