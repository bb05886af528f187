namespace EcrPublish.Publishing;

/// <summary><c>EcrWaitForSigning</c>: whether publish waits for ECR's managed signing of the pushed image.</summary>
public enum SigningWaitMode
{
    /// <summary><c>auto</c>: wait when the registry's signing configuration covers the repository, else go on.</summary>
    Auto,

    /// <summary><c>true</c>: the image must be signed by the registry; no covering configuration fails the publish.</summary>
    Required,

    /// <summary><c>false</c>: never ask ECR about signing.</summary>
    Off,
}
