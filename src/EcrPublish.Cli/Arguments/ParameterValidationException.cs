namespace EcrPublish.Cli.Arguments;

/// <summary>Request parameters that break the model's rules; printed as botocore does, exit code 252.</summary>
internal sealed class ParameterValidationException(string message) : Exception(message);
