namespace EcrPublish.Cli.Arguments;

/// <summary>
/// A value that cannot become a request parameter. The message has the AWS CLI's form,
/// <c>Error parsing parameter '--image-ids': ...</c>, and the process ends with exit code 252.
/// </summary>
internal sealed class ParameterException(string cliName, string detail)
    : Exception($"Error parsing parameter '{(cliName.StartsWith('-') ? cliName : "--" + cliName)}': {detail}");
