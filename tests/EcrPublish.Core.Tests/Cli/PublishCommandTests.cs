using EcrPublish.Cli.Arguments;
using EcrPublish.Cli.Verbs;
using Xunit;

namespace EcrPublish.Core.Tests.Cli;

public sealed class PublishCommandTests
{
    [Fact]
    public void Publish_passes_dotnet_publish_options_through_and_maps_the_global_options_to_properties()
    {
        var commandLine = CommandLineParser.Parse(
            ["--region", "eu-west-1", "publish", "src/Api/Api.csproj", "-c", "Release", "--output", "out", "--profile", "prod"], _ => null);

        var arguments = PublishCommand.DotnetArguments(commandLine.OptionWords, commandLine.Globals);

        Assert.Equal(["publish"], commandLine.CommandWords);
        Assert.Equal(
            ["publish", "src/Api/Api.csproj", "-c", "Release", "--output", "out", "-p:PublishToEcr=true", "-p:EcrRegion=eu-west-1", "-p:EcrProfile=prod"],
            arguments);
    }
}
