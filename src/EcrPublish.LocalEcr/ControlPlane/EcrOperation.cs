using System.Text.Json.Nodes;

namespace EcrPublish.LocalEcr.ControlPlane;

/// <summary>One control-plane operation: the request's JSON in, the response's JSON out (or an <see cref="EcrApiException"/>).</summary>
internal delegate Task<JsonObject> EcrOperation(EcrCall call);
