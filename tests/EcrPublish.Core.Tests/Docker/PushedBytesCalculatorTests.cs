using EcrPublish.Docker;
using Xunit;

namespace EcrPublish.Core.Tests.Docker;

public sealed class PushedBytesCalculatorTests
{
    [Fact]
    public void Adds_the_manifest_sizes_of_the_layers_whose_diff_ids_the_engine_pushed()
    {
        string[] diffIds = ["sha256:201073b24617" + new string('1', 52), "sha256:737e7a103918" + new string('2', 52), "sha256:aaaaaaaaaaaa" + new string('3', 52)];

        var bytes = PushedBytesCalculator.Sum(diffIds, [100_000_000, 2_500, 40], new HashSet<string> { "737e7a103918", "aaaaaaaaaaaa" });

        Assert.Equal(2_540, bytes);
    }

    [Fact]
    public void Is_zero_when_every_layer_was_already_there_and_unknown_when_the_lists_do_not_line_up()
    {
        Assert.Equal(0, PushedBytesCalculator.Sum(["sha256:" + new string('1', 64)], [5], new HashSet<string>()));
        Assert.Null(PushedBytesCalculator.Sum(["sha256:" + new string('1', 64)], [5, 6], new HashSet<string>()));
    }

    [Fact]
    public void Is_unknown_rather_than_zero_when_the_engine_did_not_say_which_layers_it_uploaded()
    {
        Assert.Null(PushedBytesCalculator.Sum(["sha256:" + new string('1', 64)], [5], null));
    }
}
