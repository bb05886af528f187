namespace EcrPublish.ManagedSigning;

/// <summary>What ECR's managed signing leaves in the repository.</summary>
public static class ManagedSignatures
{
    /// <summary>The artifact type of the Notary Project signature that refers to a signed image.</summary>
    public const string ArtifactType = "application/vnd.cncf.notary.signature";
}
