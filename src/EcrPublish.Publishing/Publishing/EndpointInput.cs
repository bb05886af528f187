using EcrPublish.Validation;

namespace EcrPublish.Publishing;

/// <summary>
/// Reads an endpoint URL setting (EcrServiceUrl, EcrRegistryEndpoint, an EcrDestination's ServiceUrl and
/// RegistryEndpoint): an absolute http(s) URL, and plain http only to a loopback host unless EcrAllowInsecureEndpoints.
/// </summary>
internal static class EndpointInput
{
    /// <summary>False when the value is set but unusable (the error is in <paramref name="diagnostics"/>); an unset value is fine and gives null.</summary>
    /// <param name="value">The setting's text; blank is unset.</param>
    /// <param name="setting">How the errors name the setting, and their codes.</param>
    /// <param name="allowInsecure">EcrAllowInsecureEndpoints.</param>
    /// <param name="diagnostics">Where the error goes.</param>
    /// <param name="endpoint">The URL, or null when unset or unusable.</param>
    public static bool TryRead(string? value, EndpointSetting setting, bool allowInsecure, List<EcrDiagnostic> diagnostics, out Uri? endpoint)
    {
        endpoint = null;
        if (InputParsing.Blank(value) is not { } text)
        {
            return true;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            diagnostics.Add(EcrDiagnostic.Error(setting.InvalidCode,
                $"{setting.Name} '{text}' is not an absolute http(s) URL. Use a URL such as {setting.Example}, or leave it unset."));
            return false;
        }

        // Loopback http stays allowed: LocalEcr and test registries listen there, and nothing crosses a network.
        if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback && !allowInsecure)
        {
            diagnostics.Add(EcrDiagnostic.Error(setting.InsecureCode,
                $"{setting.Name} '{text}' is plain http to a host that is not loopback, so {setting.Secret} would cross the network in clear. Use https, or set EcrAllowInsecureEndpoints=true to accept the risk."));
            return false;
        }

        endpoint = uri;
        return true;
    }
}
