using EcrPublish.Cli.Arguments;
using EcrPublish.Cli.Verbs;
using EcrPublish.Http;
using Xunit;

namespace EcrPublish.Cli.Tests;

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

    [Fact]
    public void Debug_turns_on_the_http_debug_log_of_the_build_it_starts()
    {
        var quiet = CommandLineParser.Parse(["publish"], _ => null);
        var debug = CommandLineParser.Parse(["--debug", "publish"], _ => null);

        var quietStart = PublishCommand.StartInfo(quiet.OptionWords, quiet.Globals, _ => null);
        var debugStart = PublishCommand.StartInfo(debug.OptionWords, debug.Globals, _ => null);

        Assert.False(quietStart.Environment.TryGetValue(HttpDebugSwitch.EnvironmentVariable, out var inherited) && inherited == "1");
        Assert.Equal("1", debugStart.Environment[HttpDebugSwitch.EnvironmentVariable]);
        Assert.Equal(["publish", "-p:PublishToEcr=true"], debugStart.ArgumentList);
        Assert.Same(Console.Error, HttpDebugSwitch.LogFor(name => name == "ECRPUBLISH_DEBUG" ? "1" : null));
        Assert.Null(HttpDebugSwitch.LogFor(_ => null));
    }
}
