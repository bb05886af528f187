namespace EcrPublish.Registry;

/// <summary>A username and password (or token) for a registry. <see cref="ToString"/> never shows the password.</summary>
public sealed class RegistryCredential(string username, string password)
{
    public string Username { get; } = username;

    public string Password { get; } = password;

    public override string ToString() => $"{Username} (password hidden)";
}
