namespace EcrPublish.LocalEcr.ControlPlane;

/// <summary>
/// An error the control plane answers with, shaped as ECR sends it: HTTP <see cref="StatusCode"/>, header
/// <c>X-Amzn-Errortype</c> and body <c>{"__type": Code, "message": Message}</c>.
/// </summary>
internal sealed class EcrApiException(string code, string message, int statusCode = 400) : Exception(message)
{
    public string Code { get; } = code;

    public int StatusCode { get; } = statusCode;
}
