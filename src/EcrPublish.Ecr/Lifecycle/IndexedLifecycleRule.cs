namespace EcrPublish.Lifecycle;

/// <summary>A rule that passed the structural checks, with its position in the policy for error paths.</summary>
internal readonly record struct IndexedLifecycleRule(int Index, LifecycleRule Rule)
{
    public string Path => $"rules[{Index}]";
}
