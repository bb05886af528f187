using System.Reflection;
using EcrPublish.Aws;
using EcrPublish.LocalEcr;
using EcrPublish.Publishing;
using EcrPublish.Tasks;

namespace EcrPublish.Core.Tests.Architecture;

/// <summary>The product's assemblies, each found through one type it holds, and the namespaces each one owns.</summary>
internal static class ProductAssemblies
{
    public static Assembly Oci => typeof(EcrPublishException).Assembly;

    public static Assembly Ecr => typeof(EcrApiClient).Assembly;

    public static Assembly Publishing => typeof(EcrPublishPipeline).Assembly;

    /// <summary>The CLI (<c>dotnet-ecr</c>) has no public type to name, so it is loaded by its assembly name.</summary>
    public static Assembly Cli => Assembly.Load(new AssemblyName("dotnet-ecr"));

    public static Assembly LocalEcr => typeof(LocalEcrServer).Assembly;

    public static Assembly Tasks => typeof(PublishToEcr).Assembly;

    /// <summary>
    /// The namespaces an assembly's types live in. A dependency on any of them is a dependency on the assembly,
    /// because namespaces follow folders and each folder lives in one assembly.
    /// </summary>
    public static string[] NamespacesOf(Assembly assembly) =>
        [.. assembly.GetTypes().Select(type => type.Namespace).OfType<string>().Where(name => name.StartsWith("EcrPublish.", StringComparison.Ordinal)).Distinct()];
}
