using System.Runtime.CompilerServices;
using Microsoft.Build.Locator;

namespace EcrPublish.Tasks.Tests;

/// <summary>
/// Points the test process at the installed SDK's MSBuild before any method that uses a Microsoft.Build type is
/// compiled: the output folder holds no Microsoft.Build assemblies, so they can only come from there.
/// </summary>
internal static class MSBuildRegistration
{
    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries", Justification = "MSBuildLocator must run before the first Microsoft.Build type loads; a test assembly has no Main to do it in.")]
    internal static void Register()
    {
        if (!MSBuildLocator.IsRegistered)
        {
            MSBuildLocator.RegisterDefaults();
        }
    }
}
