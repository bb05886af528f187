namespace EcrPublish.LocalEcr.Storage;

/// <summary>Registry-wide settings (one per LocalEcr): persisted as <c>registry.json</c> in the data directory.</summary>
internal sealed class RegistrySettings
{
    /// <summary>The registry policy exactly as PutRegistryPolicy received it; null when none is set.</summary>
    public string? PolicyText { get; set; }

    /// <summary>PutRegistryScanningConfiguration's scan type: BASIC (the default) or ENHANCED.</summary>
    public string ScanType { get; set; } = "BASIC";

    /// <summary>PutRegistryScanningConfiguration's rules.</summary>
    public List<RegistryScanningRule> ScanningRules { get; set; } = [];

    /// <summary>PutReplicationConfiguration's rules.</summary>
    public List<ReplicationRule> ReplicationRules { get; set; } = [];

    /// <summary>PutAccountSetting's values by setting name; a name not here has its default (see <see cref="AccountSettingCatalog"/>).</summary>
    public Dictionary<string, string> AccountSettings { get; set; } = new(StringComparer.Ordinal);

    /// <summary>CreatePullThroughCacheRule's rules.</summary>
    public List<PullThroughCacheRule> PullThroughCacheRules { get; set; } = [];

    /// <summary>CreateRepositoryCreationTemplate's templates.</summary>
    public List<RepositoryCreationTemplate> RepositoryCreationTemplates { get; set; } = [];

    /// <summary>RegisterPullTimeUpdateExclusion's principals.</summary>
    public List<PullTimeUpdateExclusion> PullTimeUpdateExclusions { get; set; } = [];

    /// <summary>PutSigningConfiguration's rules; null when the registry has no signing configuration.</summary>
    public List<SigningRule>? SigningRules { get; set; }
}
