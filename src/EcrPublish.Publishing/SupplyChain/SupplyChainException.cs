namespace EcrPublish.SupplyChain;

/// <summary>An SBOM or provenance document could not be made; <see cref="EcrPublishException.Code"/> is an ECR80xx code.</summary>
public sealed class SupplyChainException : EcrPublishException
{
    public SupplyChainException(string code, string message, Exception? innerException = null)
        : base(code, message, innerException)
    {
    }
}
