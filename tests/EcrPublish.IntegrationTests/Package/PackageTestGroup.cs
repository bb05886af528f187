using Xunit;

namespace EcrPublish.IntegrationTests.Package;

/// <summary>Shares one packed nupkg between the package test classes, which then run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class PackageTestGroup : ICollectionFixture<PackageFixture>
{
    public const string Name = "EcrPublish package";
}
