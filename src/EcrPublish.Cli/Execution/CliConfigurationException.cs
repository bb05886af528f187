namespace EcrPublish.Cli.Execution;

/// <summary>No region, no credentials, an unknown profile: printed as is, exit code 253.</summary>
internal sealed class CliConfigurationException(string message, Exception? inner = null) : Exception(message, inner);
