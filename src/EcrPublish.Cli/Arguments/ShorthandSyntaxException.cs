namespace EcrPublish.Cli.Arguments;

/// <summary>A shorthand value that does not parse; the message points at the offending character.</summary>
internal sealed class ShorthandSyntaxException(string message) : Exception(message);
