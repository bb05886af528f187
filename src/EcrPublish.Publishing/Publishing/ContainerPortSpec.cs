namespace EcrPublish.Publishing;

/// <summary>A <c>ContainerPort</c> item: port number and protocol (<c>tcp</c> or <c>udp</c>).</summary>
public sealed record ContainerPortSpec(int Number, string Protocol);
