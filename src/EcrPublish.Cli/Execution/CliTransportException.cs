namespace EcrPublish.Cli.Execution;

/// <summary>The request did not get an answer (connection refused, timeout, malformed response): exit code 255.</summary>
internal sealed class CliTransportException(string message, Exception inner) : Exception(message, inner);
