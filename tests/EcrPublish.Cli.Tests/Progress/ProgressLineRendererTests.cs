using EcrPublish.Cli.Progress;
using Xunit;

namespace EcrPublish.Cli.Tests.Progress;

public sealed class ProgressLineRendererTests
{
    [Fact]
    public void The_line_clears_the_previous_one_and_shows_spinner_status_and_elapsed_time()
    {
        var line = ProgressLineRenderer.Render("Waiting for image-scan-complete", TimeSpan.FromSeconds(65.1), 80);

        Assert.Equal("\r\u001b[2K\\ Waiting for image-scan-complete (1m05s)", line);
    }

    [Fact]
    public void The_spinner_turns_every_tenth_of_a_second()
    {
        var frames = Enumerable.Range(0, 5).Select(i => ProgressLineRenderer.Render("x", TimeSpan.FromMilliseconds(i * 100), 80)[5..6]);

        Assert.Equal(["|", "/", "-", "\\", "|"], frames);
    }

    [Fact]
    public void A_long_status_is_cut_so_that_the_line_never_wraps()
    {
        var line = ProgressLineRenderer.Render(new string('a', 200), TimeSpan.FromSeconds(3), 40);

        var visible = line[ProgressLineRenderer.ClearLine.Length..];
        Assert.Equal(39, visible.Length);
        Assert.EndsWith("... (3s)", visible, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_characters_and_further_lines_of_a_status_are_not_drawn()
    {
        var line = ProgressLineRenderer.Render("a\tb\u001b[31mc\nsecond line", TimeSpan.Zero, 80);

        Assert.Equal(ProgressLineRenderer.ClearLine + "| a b [31mc (0s)", line);
    }

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(59.9, "59s")]
    [InlineData(60, "1m00s")]
    [InlineData(3599, "59m59s")]
    [InlineData(7380, "2h03m")]
    public void Elapsed_time_reads_like_a_stopwatch(double seconds, string expected) =>
        Assert.Equal(expected, ProgressLineRenderer.Elapsed(TimeSpan.FromSeconds(seconds)));
}
