namespace EcrPublish.Cli.Arguments;

/// <summary>What a <c>file://</c> (Text set) or <c>fileb://</c> (Text null) value loaded.</summary>
internal sealed record ParameterFileContent(string? Text, byte[] Bytes);
