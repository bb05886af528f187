namespace EcrPublish.LocalEcr.Regions;

/// <summary>
/// One account's registry in one region. LocalEcr serves several on one port: the control plane picks the region from
/// the SigV4 credential scope and the account from <c>registryId</c>; the registry API from a first path segment
/// <see cref="PathSegment"/> (see <see cref="ScopedRegistryPath"/>).
/// </summary>
internal readonly record struct RegistryScope(string AccountId, string Region)
{
    /// <summary><c>210987654321.dkr.ecr.us-west-2</c>: the ECR host name without its domain, used as the path prefix.</summary>
    public string PathSegment => $"{AccountId}.dkr.ecr.{Region}";
}
