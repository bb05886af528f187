using Microsoft.Extensions.Hosting;

namespace EcrPublish.LocalEcr.Maintenance;

/// <summary>Runs the lifecycle policies every <c>--lifecycle-interval</c>, as ECR does on its own schedule.</summary>
internal sealed class LifecycleScheduler(LifecycleRunner runner, TimeSpan interval) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var results = await runner.RunAsync(stoppingToken);
                    foreach (var result in results.Where(result => result.ExpiredImageDigests.Count > 0))
                    {
                        Console.WriteLine($"LocalEcr: lifecycle expired {result.ExpiredImageDigests.Count} image(s) in {result.RepositoryName}");
                    }
                }
                catch (IOException error)
                {
                    // Storage trouble must not stop the schedule; the next tick tries again.
                    await Console.Error.WriteLineAsync($"LocalEcr: lifecycle run failed: {error.Message}");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
