using EcrPublish.Cli.Progress;
using Xunit;

namespace EcrPublish.Cli.Tests.Progress;

/// <summary>Redirected output: one plain line per new status, never an escape sequence or a carriage return.</summary>
public sealed class PlainProgressDisplayTests
{
    [Fact]
    public void Each_new_status_is_one_line_and_a_repeated_status_is_not_printed_again()
    {
        using var log = new StringWriter();
        using var display = new PlainProgressDisplay(log);

        display.Status("Deleting batch 1 of 2");
        display.Status("Deleting batch 1 of 2");
        display.Line("warning: something");
        display.Status("Deleting batch 2 of 2");

        Assert.Equal("Deleting batch 1 of 2\nwarning: something\nDeleting batch 2 of 2\n", log.ToString());
        Assert.DoesNotContain('\u001b', log.ToString());
        Assert.DoesNotContain('\r', log.ToString());
    }

    [Theory]
    [InlineData(false, false, "xterm-256color", true)]
    [InlineData(true, false, "xterm-256color", false)]
    [InlineData(false, true, "xterm-256color", false)]
    [InlineData(false, false, "dumb", false)]
    [InlineData(false, false, null, false)]
    public void A_live_line_only_when_stdout_and_stderr_are_a_capable_terminal(bool outputRedirected, bool errorRedirected, string? term, bool live) =>
        Assert.Equal(live ? ProgressMode.Terminal : ProgressMode.Plain, ProgressDisplays.Detect(outputRedirected, errorRedirected, name => name == "TERM" ? term : null));
}
