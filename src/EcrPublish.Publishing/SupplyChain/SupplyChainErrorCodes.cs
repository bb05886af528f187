namespace EcrPublish.SupplyChain;

/// <summary>Stable codes of SBOM and provenance errors (ECR80xx). docs/errors/supply-chain.md explains each.</summary>
public static class SupplyChainErrorCodes
{
    public const string PublishDirectoryMissing = "ECR8001";
    public const string PackageHashInvalid = "ECR8002";
    public const string DigestInvalid = "ECR8003";
    public const string RuntimeConfigInvalid = "ECR8004";
    public const string FrameworkNotInBaseImage = "ECR8005";
    public const string ProvenanceInputInvalid = "ECR8006";
}
