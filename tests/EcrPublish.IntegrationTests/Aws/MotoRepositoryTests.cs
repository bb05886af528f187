using EcrPublish.Aws;
using EcrPublish.Aws.Model;
using Xunit;

namespace EcrPublish.IntegrationTests.Aws;

/// <summary>Repository operations of <see cref="EcrApiClient"/> against moto's ECR emulator.</summary>
public sealed class MotoRepositoryTests
{
    [Fact]
    public async Task Creates_describes_configures_tags_and_deletes_a_repository()
    {
        using var client = MotoClientFactory.Create();
        var name = MotoClientFactory.UniqueName("ecrpub/repo");

        var created = await client.CreateRepositoryAsync(new CreateRepositoryRequest
        {
            RepositoryName = name,
            ImageScanningConfiguration = new ImageScanningConfiguration { ScanOnPush = true },
            ImageTagMutability = "IMMUTABLE_WITH_EXCLUSION",
            ImageTagMutabilityExclusionFilters = [new ImageTagMutabilityExclusionFilter { FilterType = "WILDCARD", Filter = "latest*" }],
            EncryptionConfiguration = new EncryptionConfiguration { EncryptionType = "KMS" },
            Tags = [new Tag { Key = "team", Value = "platform" }],
        });

        var repository = created.Repository!;
        Assert.Equal(name, repository.RepositoryName);
        Assert.Equal(MotoClientFactory.Account, repository.RegistryId);
        Assert.Equal($"arn:aws:ecr:us-east-1:{MotoClientFactory.Account}:repository/{name}", repository.RepositoryArn);
        Assert.Equal($"{MotoClientFactory.Account}.dkr.ecr.us-east-1.amazonaws.com/{name}", repository.RepositoryUri);
        Assert.Equal("IMMUTABLE_WITH_EXCLUSION", repository.ImageTagMutability);
        Assert.Equal("latest*", Assert.Single(repository.ImageTagMutabilityExclusionFilters!).Filter);
        Assert.True(repository.ImageScanningConfiguration!.ScanOnPush);
        Assert.Equal("KMS", repository.EncryptionConfiguration!.EncryptionType);
        // moto fabricates a key ARN when none is given.
        Assert.StartsWith("arn:aws:kms:us-east-1:", repository.EncryptionConfiguration.KmsKey, StringComparison.Ordinal);
        Assert.InRange(repository.CreatedAt!.Value, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1));

        var described = await client.DescribeRepositoriesAsync(new DescribeRepositoriesRequest { RepositoryNames = [name] });
        Assert.Equal(repository.RepositoryArn, Assert.Single(described.Repositories!).RepositoryArn);

        await client.TagResourceAsync(new TagResourceRequest { ResourceArn = repository.RepositoryArn!, Tags = [new Tag { Key = "env", Value = "test" }] });
        await client.UntagResourceAsync(new UntagResourceRequest { ResourceArn = repository.RepositoryArn!, TagKeys = ["team"] });
        var tags = await client.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceArn = repository.RepositoryArn! });
        var tag = Assert.Single(tags.Tags!);
        Assert.Equal(("env", "test"), (tag.Key, tag.Value));

        var mutability = await client.PutImageTagMutabilityAsync(new PutImageTagMutabilityRequest { RepositoryName = name, ImageTagMutability = "MUTABLE" });
        Assert.Equal("MUTABLE", mutability.ImageTagMutability);
        var scanning = await client.PutImageScanningConfigurationAsync(new PutImageScanningConfigurationRequest
        {
            RepositoryName = name,
            ImageScanningConfiguration = new ImageScanningConfiguration { ScanOnPush = false },
        });
        Assert.False(scanning.ImageScanningConfiguration!.ScanOnPush);

        var deleted = await client.DeleteRepositoryAsync(new DeleteRepositoryRequest { RepositoryName = name });
        Assert.Equal(name, deleted.Repository!.RepositoryName);

        var missing = await Assert.ThrowsAsync<EcrServiceException>(
            () => client.DescribeRepositoriesAsync(new DescribeRepositoriesRequest { RepositoryNames = [name] }));
        Assert.Equal(EcrServiceErrorCodes.RepositoryNotFound, missing.ErrorCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains(name, missing.ServiceMessage, StringComparison.Ordinal);
        Assert.NotNull(missing.RequestId);
        Assert.StartsWith("ECR2100: DescribeRepositories failed with RepositoryNotFoundException", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Creating_an_existing_repository_fails_with_RepositoryAlreadyExistsException()
    {
        using var client = MotoClientFactory.Create();
        var name = MotoClientFactory.UniqueName("ecrpub-dup");
        var created = await client.CreateRepositoryAsync(new CreateRepositoryRequest { RepositoryName = name });
        Assert.Equal("AES256", created.Repository!.EncryptionConfiguration!.EncryptionType);

        var error = await Assert.ThrowsAsync<EcrServiceException>(() => client.CreateRepositoryAsync(new CreateRepositoryRequest { RepositoryName = name }));

        Assert.Equal(EcrServiceErrorCodes.RepositoryAlreadyExists, error.ErrorCode);
        await client.DeleteRepositoryAsync(new DeleteRepositoryRequest { RepositoryName = name, Force = true });
    }

    [Fact]
    public async Task Deleting_a_missing_repository_fails_with_RepositoryNotFoundException()
    {
        using var client = MotoClientFactory.Create();

        var error = await Assert.ThrowsAsync<EcrServiceException>(
            () => client.DeleteRepositoryAsync(new DeleteRepositoryRequest { RepositoryName = MotoClientFactory.UniqueName("ecrpub-none") }));

        Assert.Equal(EcrServiceErrorCodes.RepositoryNotFound, error.ErrorCode);
    }

    [Fact]
    public async Task Paginated_describe_returns_every_repository_moto_ignores_maxResults()
    {
        using var client = MotoClientFactory.Create("eu-west-3");
        var names = new[] { MotoClientFactory.UniqueName("ecrpub-page"), MotoClientFactory.UniqueName("ecrpub-page"), MotoClientFactory.UniqueName("ecrpub-page") };
        foreach (var name in names)
        {
            await client.CreateRepositoryAsync(new CreateRepositoryRequest { RepositoryName = name });
        }

        var all = new List<string>();
        await foreach (var repository in client.DescribeAllRepositoriesAsync(new DescribeRepositoriesRequest { MaxResults = 1 }))
        {
            all.Add(repository.RepositoryName!);
        }

        // moto returns everything in one page and no nextToken (multi-page behaviour: PaginatorTests).
        Assert.Superset(names.ToHashSet(), all.ToHashSet());
        foreach (var name in names)
        {
            await client.DeleteRepositoryAsync(new DeleteRepositoryRequest { RepositoryName = name });
        }
    }

    [Fact]
    public async Task Raw_invoke_returns_the_service_json_and_typed_errors()
    {
        using var client = MotoClientFactory.Create();
        var name = MotoClientFactory.UniqueName("ecrpub-raw");
        using (var created = await client.InvokeAsync("CreateRepository", System.Text.Encoding.UTF8.GetBytes($$"""{"repositoryName":"{{name}}"}""")))
        {
            Assert.Equal(name, created.RootElement.GetProperty("repository").GetProperty("repositoryName").GetString());
        }

        using (var registry = await client.InvokeAsync("DescribeRegistry", ReadOnlyMemory<byte>.Empty))
        {
            Assert.Equal(MotoClientFactory.Account, registry.RootElement.GetProperty("registryId").GetString());
        }

        var error = await Assert.ThrowsAsync<EcrServiceException>(
            () => client.InvokeAsync("CreateRepository", System.Text.Encoding.UTF8.GetBytes($$"""{"repositoryName":"{{name}}"}""")));
        Assert.Equal(EcrServiceErrorCodes.RepositoryAlreadyExists, error.ErrorCode);
        await client.DeleteRepositoryAsync(new DeleteRepositoryRequest { RepositoryName = name });
    }

    [Fact]
    public async Task Sts_GetCallerIdentity_finds_the_account()
    {
        using var client = MotoClientFactory.Create();

        var identity = await client.GetCallerIdentityAsync();

        Assert.Equal(MotoClientFactory.Account, identity.Account);
        Assert.StartsWith($"arn:aws:sts::{MotoClientFactory.Account}:", identity.Arn, StringComparison.Ordinal);
        Assert.Equal(MotoClientFactory.Account, await client.ResolveAccountIdAsync(null));
        Assert.Equal("210987654321", await client.ResolveAccountIdAsync("210987654321"));
        Assert.Equal(AwsClientErrorCodes.InvalidRegistryId, (await Assert.ThrowsAsync<EcrClientException>(() => client.ResolveAccountIdAsync("12"))).Code);
    }
}
