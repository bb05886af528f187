using EcrPublish.Aws.Model;

namespace EcrPublish.Publishing;

/// <summary>The repository a publish pushes to, and whether this publish created it (then it holds no blob and no tag yet).</summary>
public sealed record ProvisionedRepository(Repository Repository, bool Created);
