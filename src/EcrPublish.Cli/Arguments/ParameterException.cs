namespace EcrPublish.Cli.Arguments;

/// <summary>
/// A value that cannot become a request parameter. The message has the AWS CLI's form,
/// <c>Error parsing parameter '--image-ids': ...</c>, and the process ends with exit code 252.
/// </summary>
internal sealed class ParameterException : Exception
{
    public ParameterException(string cliName, string detail)
        : base($"Error parsing parameter '{(cliName.StartsWith('-') ? cliName : "--" + cliName)}': {detail}")
    {
    }

    private ParameterException(string message)
        : base(message)
    {
    }

    /// <summary>The form some AWS CLI errors use, naming the option without its dashes (<c>'cli-input-json'</c>).</summary>
    public static ParameterException WithoutDashes(string name, string detail) => new($"Error parsing parameter '{name}': {detail}");
}
