using Docker.DotNet.Models;

namespace EcrPublish.Docker;

/// <summary>
/// A registry user name and password (for ECR: "AWS" and the authorization token), held in memory only. They reach
/// the engine as the X-Registry-Auth header of one request and are never written to a docker config file.
/// </summary>
public sealed class DockerRegistryCredentials(string username, string password)
{
    /// <summary>The user name (for ECR: AWS).</summary>
    public string Username { get; } = username;

    /// <summary>The password or token. Never log it.</summary>
    public string Password { get; } = password;

    /// <summary>Replaces the password wherever it occurs in <paramref name="text"/>, for messages built from registry responses.</summary>
    public string Redact(string text) =>
        Password.Length == 0 ? text : text.Replace(Password, "***", StringComparison.Ordinal);

    /// <summary>The engine's auth config for <paramref name="serverAddress"/>.</summary>
    internal AuthConfig ToAuthConfig(string serverAddress) => new()
    {
        Username = Username,
        Password = Password,
        ServerAddress = serverAddress,
    };

    /// <summary>Names the user only, so that the password cannot leak through string formatting.</summary>
    public override string ToString() => $"{Username}:***";
}
