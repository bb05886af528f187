using System.Text.RegularExpressions;
using EcrPublish.EcrRules;

namespace EcrPublish.LocalEcr.Regions;

/// <summary>
/// The registry API's multi-region scheme: <c>/v2/&lt;account&gt;.dkr.ecr.&lt;region&gt;/&lt;repository&gt;/…</c> is
/// <c>/v2/&lt;repository&gt;/…</c> in that account's registry in that region, so
/// <c>docker pull 127.0.0.1:PORT/210987654321.dkr.ecr.us-west-2/app:1</c> works without DNS. A path without the prefix
/// is the default registry (<c>--account</c>, <c>--region</c>).
/// </summary>
internal static partial class ScopedRegistryPath
{
    /// <summary>The scope a <c>/v2/…</c> path names and the path without the prefix; null when it names none.</summary>
    public static (RegistryScope Scope, string Path)? Parse(string path)
    {
        var match = Prefix().Match(path);
        if (!match.Success)
        {
            return null;
        }

        var scope = new RegistryScope(match.Groups["account"].Value, match.Groups["region"].Value);
        return (scope, "/v2/" + path[match.Length..]);
    }

    [GeneratedRegex(@"^/v2/(?<account>" + EcrRegistryId.PatternText + @")\.dkr\.ecr\.(?<region>" + EcrRegion.CodePatternText + ")/", RegexOptions.CultureInvariant)]
    private static partial Regex Prefix();
}
