using System.Text.Json.Nodes;

namespace EcrPublish.LocalEcr.ControlPlane;

/// <summary>
/// An error the control plane answers with, shaped as ECR sends it: HTTP <see cref="StatusCode"/>, header
/// <c>X-Amzn-Errortype</c> and body <c>{"__type": Code, "message": Message}</c>, plus the error shape's own members
/// (<see cref="Members"/>) for the errors whose model shape has more (InvalidLayerPartException).
/// </summary>
internal sealed class EcrApiException(string code, string message, int statusCode = 400, JsonObject? members = null) : Exception(message)
{
    public string Code { get; } = code;

    public int StatusCode { get; } = statusCode;

    /// <summary>Members of the error shape besides <c>message</c>; null when it has none.</summary>
    public JsonObject? Members { get; } = members;
}
