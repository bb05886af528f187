using System.Net;
using EcrPublish.LocalEcr.ControlPlane;
using EcrPublish.LocalEcr.Registry;
using Microsoft.AspNetCore.Http;

namespace EcrPublish.LocalEcr.Security;

/// <summary>
/// Refuses requests whose <c>Host</c> is not a loopback name or address (<c>localhost</c>, <c>127.x.x.x</c>,
/// <c>[::1]</c>) or the configured <c>--hostname</c>. Listening on loopback alone does not stop a web page from reaching
/// LocalEcr: DNS rebinding points the page's own name at 127.0.0.1, and its requests then carry that name as Host.
/// </summary>
internal sealed class HostHeaderFilter(string? hostname)
{
    public const int Status = StatusCodes.Status421MisdirectedRequest;

    public bool IsAllowed(HostString host)
    {
        var name = host.Host;
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        if (string.Equals(name, "localhost", StringComparison.OrdinalIgnoreCase)
            || (hostname is not null && string.Equals(name, hostname, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        var address = name.StartsWith('[') && name.EndsWith(']') ? name[1..^1] : name;
        return IPAddress.TryParse(address, out var ip) && IPAddress.IsLoopback(ip) && LooksLikeAnAddress(address);
    }

    /// <summary>Answers a refused request in the shape its route uses: ECR's JSON for the control plane, the registry's <c>errors</c> otherwise.</summary>
    public Task RefuseAsync(HttpContext context)
    {
        var message = $"ECR5007: LocalEcr answers only requests addressed to localhost, 127.0.0.1, [::1]{(hostname is null ? string.Empty : " or " + hostname)}; "
            + $"this one was addressed to '{context.Request.Host.Value}'. Use the endpoint LocalEcr printed, or start it with --hostname for another name.";
        return context.Request.Path == "/" && HttpMethods.IsPost(context.Request.Method)
            ? EcrErrorResponse.WriteAsync(context, new EcrApiException("MisdirectedRequestException", message, Status))
            : RegistryErrors.WriteAsync(context, Status, "DENIED", message);
    }

    // IPAddress.TryParse also reads "2130706433" or "0x7f.1" as addresses; a Host written that way is no loopback name a person typed.
    private static bool LooksLikeAnAddress(string text) =>
        text.Contains(':', StringComparison.Ordinal) || (text.Count(c => c == '.') == 3 && text.All(c => char.IsAsciiDigit(c) || c == '.'));
}
