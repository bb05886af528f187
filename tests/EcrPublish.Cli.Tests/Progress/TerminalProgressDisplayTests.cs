using EcrPublish.Cli.Progress;
using Xunit;

namespace EcrPublish.Cli.Tests.Progress;

/// <summary>The live line on a terminal, driven by a hand-moved clock instead of the animation timer.</summary>
public sealed class TerminalProgressDisplayTests
{
    private const string Clear = ProgressLineRenderer.ClearLine;

    [Fact]
    public void A_status_is_drawn_in_place_and_redrawn_as_time_passes()
    {
        var elapsed = TimeSpan.Zero;
        using var screen = new StringWriter();
        var display = new TerminalProgressDisplay(screen, 80, () => elapsed);

        display.Status("Deleting batch 1 of 2");
        elapsed = TimeSpan.FromSeconds(2.1);
        display.Redraw();
        display.Status("Deleting batch 2 of 2");
        display.Dispose();

        Assert.Equal(
            Clear + "| Deleting batch 1 of 2 (0s)" + Clear + "/ Deleting batch 1 of 2 (2s)" + Clear + "/ Deleting batch 2 of 2 (2s)" + Clear,
            screen.ToString());
    }

    [Fact]
    public void Lasting_lines_and_command_output_appear_above_the_live_line()
    {
        using var screen = new StringWriter();
        using var stdout = new StringWriter();
        using var display = new TerminalProgressDisplay(screen, 80, () => TimeSpan.Zero);

        display.Status("Building");
        display.Line("Api -> /app/bin/Api.dll");
        display.Print(stdout, "deleted sha256:1\n");

        Assert.Equal(
            Clear + "| Building (0s)" + Clear + "Api -> /app/bin/Api.dll\n" + Clear + "| Building (0s)" + Clear + Clear + "| Building (0s)",
            screen.ToString());
        Assert.Equal("deleted sha256:1\n", stdout.ToString());
    }

    [Fact]
    public void Nothing_is_drawn_before_the_first_status_or_after_disposal()
    {
        using var screen = new StringWriter();
        var display = new TerminalProgressDisplay(screen, 80, () => TimeSpan.Zero);

        display.Redraw();
        display.Dispose();
        display.Status("late");
        display.Line("late");

        Assert.Equal("", screen.ToString());
    }
}
