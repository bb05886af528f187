using System.Reflection;
using NetArchTest.Rules;
using Xunit;

namespace EcrPublish.Core.Tests.Architecture;

/// <summary>
/// The assemblies depend downwards only: Publishing → Ecr → Oci. Oci holds the OCI types at the bottom, Ecr the ECR
/// client and rules, Publishing the pipeline with git and Docker; only Publishing may touch LibGit2Sharp or Docker.DotNet,
/// and only Ecr the AWS SDK.
/// </summary>
public class DependencyDirectionTests
{
    private static readonly string[] GitAndDockerClients = ["LibGit2Sharp", "Docker.DotNet"];

    [Fact]
    public void Oci_depends_on_neither_Ecr_nor_Publishing() =>
        AssertNoDependency(ProductAssemblies.Oci, [.. ProductAssemblies.NamespacesOf(ProductAssemblies.Ecr), .. ProductAssemblies.NamespacesOf(ProductAssemblies.Publishing)]);

    [Fact]
    public void Ecr_does_not_depend_on_Publishing() =>
        AssertNoDependency(ProductAssemblies.Ecr, ProductAssemblies.NamespacesOf(ProductAssemblies.Publishing));

    [Fact]
    public void Oci_uses_no_AWS_SDK_git_or_Docker_client() =>
        AssertNoDependency(ProductAssemblies.Oci, ["Amazon", .. GitAndDockerClients]);

    [Theory]
    [InlineData("Oci")]
    [InlineData("Ecr")]
    [InlineData("Cli")]
    [InlineData("LocalEcr")]
    [InlineData("Tasks")]
    public void Only_Publishing_uses_the_git_and_Docker_clients(string assembly) =>
        AssertNoDependency(ByName(assembly), GitAndDockerClients);

    // The AWS SDK (Core, STS/SSO for the credential chain, KMS for signing keys) stays in Ecr: the assemblies above see
    // ECR and KMS through Ecr's own types (EcrApiClient, KmsSigningKey), so an SDK upgrade touches one assembly.
    // Publishing is the one exception, for AWSSDK.Core's credentials only (the token cache keys tokens by access key).
    [Fact]
    public void Publishing_signs_with_KMS_through_Ecr_only() =>
        AssertNoDependency(ProductAssemblies.Publishing, ["Amazon.KeyManagementService"]);

    [Theory]
    [InlineData("Cli")]
    [InlineData("LocalEcr")]
    [InlineData("Tasks")]
    public void Only_Ecr_uses_the_AWS_SDK(string assembly) =>
        AssertNoDependency(ByName(assembly), ["Amazon"]);

    [Fact]
    public void The_rules_see_the_dependencies_they_forbid()
    {
        // Without this, a rule that matched nothing (a renamed namespace, a wrong prefix) would pass forever.
        Assert.NotEmpty(Types.InAssembly(ProductAssemblies.Publishing).That().HaveDependencyOn("LibGit2Sharp").GetTypes());
        Assert.NotEmpty(Types.InAssembly(ProductAssemblies.Publishing).That().HaveDependencyOn("Docker.DotNet").GetTypes());
        Assert.NotEmpty(Types.InAssembly(ProductAssemblies.Publishing).That().HaveDependencyOnAny(ProductAssemblies.NamespacesOf(ProductAssemblies.Ecr)).GetTypes());
        Assert.NotEmpty(Types.InAssembly(ProductAssemblies.Ecr).That().HaveDependencyOn("Amazon").GetTypes());
        Assert.NotEmpty(Types.InAssembly(ProductAssemblies.Ecr).That().HaveDependencyOn("Amazon.KeyManagementService").GetTypes());
        Assert.NotEmpty(ProductAssemblies.NamespacesOf(ProductAssemblies.Oci));
    }

    private static Assembly ByName(string assembly) => assembly switch
    {
        "Oci" => ProductAssemblies.Oci,
        "Ecr" => ProductAssemblies.Ecr,
        "Cli" => ProductAssemblies.Cli,
        "LocalEcr" => ProductAssemblies.LocalEcr,
        "Tasks" => ProductAssemblies.Tasks,
        _ => throw new ArgumentOutOfRangeException(nameof(assembly), assembly, "not a product assembly"),
    };

    private static void AssertNoDependency(Assembly assembly, string[] forbidden)
    {
        Assert.NotEmpty(forbidden);
        var result = Types.InAssembly(assembly).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
        var offenders = result.FailingTypeNames ?? [];
        Assert.True(result.IsSuccessful, $"{assembly.GetName().Name} must not depend on {string.Join(", ", forbidden)}; these types do: {string.Join(", ", offenders)}");
    }
}
