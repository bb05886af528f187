namespace EcrPublish.Cli.Execution;

/// <summary>The AWS CLI v2's return codes, which scripts test for.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Bad command line or parameters (argparse, shorthand, botocore validation).</summary>
    public const int UsageError = 252;

    /// <summary>No region, no credentials, unknown profile.</summary>
    public const int ConfigurationError = 253;

    /// <summary>The service returned an error.</summary>
    public const int ServiceError = 254;

    /// <summary>Anything else, including a waiter that failed.</summary>
    public const int GeneralError = 255;
}
