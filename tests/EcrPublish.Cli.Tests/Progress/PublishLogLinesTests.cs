using EcrPublish.Cli.Verbs;
using Xunit;

namespace EcrPublish.Cli.Tests.Progress;

/// <summary>On a terminal, publish keeps the lines that matter and lets the rest pass through the live line.</summary>
public sealed class PublishLogLinesTests
{
    [Theory]
    [InlineData("/src/Api/Program.cs(3,1): error CS1002: ; expected [/src/Api/Api.csproj]", true)]
    [InlineData("/src/Api/Api.csproj : warning NU1603: Api depends on X", true)]
    [InlineData("  Api -> /src/Api/bin/Release/net10.0/Api.dll", true)]
    [InlineData("  EcrPublish: 127.0.0.1:5000/app@sha256:abc (tags: v1, latest)", true)]
    [InlineData("Build succeeded.", true)]
    [InlineData("  Determining projects to restore...", false)]
    [InlineData("  Restored /src/Api/Api.csproj (in 120 ms).", false)]
    public void Errors_warnings_outputs_and_pushed_images_stay(string line, bool lasting) =>
        Assert.Equal(lasting, PublishLogLines.IsLasting(line));
}
