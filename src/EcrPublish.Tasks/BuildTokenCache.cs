using EcrPublish.Publishing;
using Microsoft.Build.Framework;

namespace EcrPublish.Tasks;

/// <summary>
/// The <see cref="EcrAuthorizationTokenCache"/> of the current build, kept by MSBuild as a registered task object so
/// every project a node builds (a solution publish) shares it, and dropped when the build ends. Each MSBuild node is
/// its own process, so with -m each node asks once.
/// </summary>
internal static class BuildTokenCache
{
    private const string Key = "EcrPublish.EcrAuthorizationTokenCache";
    private static readonly object Gate = new();

    public static EcrAuthorizationTokenCache? For(IBuildEngine engine)
    {
        if (engine is not IBuildEngine4 registry)
        {
            return null;
        }

        lock (Gate)
        {
            if (registry.GetRegisteredTaskObject(Key, RegisteredTaskObjectLifetime.Build) is EcrAuthorizationTokenCache existing)
            {
                return existing;
            }

            var created = new EcrAuthorizationTokenCache();
            registry.RegisterTaskObject(Key, created, RegisteredTaskObjectLifetime.Build, allowEarlyCollection: false);
            return created;
        }
    }
}
