using EcrPublish.Images;
using EcrPublish.Publishing;
using EcrPublish.Validation;
using Microsoft.Build.Utilities;
using Xunit;

namespace EcrPublish.Tasks.Tests;

/// <summary>Every failure of the task is a coded error with its cause, never MSB4018 and a stack trace.</summary>
public sealed class PublishToEcrFailureTests : IDisposable
{
    private readonly PublishToEcrHarness _harness = new();

    [Fact]
    public void A_policy_file_that_cannot_be_read_is_ECR1055()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var task = _harness.Task();
        // Exists, but every read fails (EIO), even for root, which reads a chmod 000 file.
        task.LifecyclePolicyFile = "/proc/self/mem";

        Assert.False(task.Execute());

        Assert.Equal([InputCodes.PolicyFileUnreadable], _harness.Engine.ErrorCodes);
        Assert.Contains("/proc/self/mem", _harness.Engine.Describe(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10675199.02:48:05")]
    [InlineData("2147483647")]
    public void A_scan_timeout_too_large_to_wait_for_is_ECR1025(string timeout)
    {
        var task = _harness.Task();
        task.ScanTimeout = timeout;

        Assert.False(task.Execute());

        Assert.Equal([InputCodes.InvalidScanTimeout], _harness.Engine.ErrorCodes);
    }

    [Fact]
    public void A_file_name_that_is_not_utf8_is_ECR3021_before_anything_is_sent()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        Shell("touch \"$(printf 'bad-\\377')\"");
        try
        {
            Assert.False(_harness.Task().Execute());
        }
        finally
        {
            Shell("rm -f bad-*"); // .NET cannot name the file to delete it either.
        }

        Assert.Equal([ImageErrorCodes.UnreadableFileName], _harness.Engine.ErrorCodes);
    }

    [Fact]
    public void An_input_the_task_cannot_turn_into_a_path_is_a_coded_error_not_MSB4018()
    {
        var task = _harness.Task();
        var platform = new TaskItem("linux-x64");
        platform.SetMetadata("PublishDirectory", "bad\0folder");
        task.PlatformPublishes = [platform];

        Assert.False(task.Execute());

        var error = Assert.Single(_harness.Engine.Errors);
        Assert.Equal(PublishErrorCodes.UnexpectedFailure, error.Code);
        Assert.Contains(nameof(ArgumentException), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_system_failure_names_its_cause()
    {
        var diagnostic = UnexpectedFailure.Describe(new UnauthorizedAccessException("Access to the path '/app/x' is denied."));

        Assert.Equal(PublishErrorCodes.FileSystemFailure, diagnostic.Code);
        Assert.Contains("/app/x", diagnostic.Message, StringComparison.Ordinal);
    }

    private void Shell(string command)
    {
        using var shell = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("sh", ["-c", command]) { WorkingDirectory = _harness.PublishDirectory })!;
        shell.WaitForExit();
        Assert.Equal(0, shell.ExitCode);
    }

    public void Dispose() => _harness.Dispose();
}
