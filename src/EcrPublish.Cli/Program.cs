using EcrPublish.Cli.Execution;
using EcrPublish.Cli.Progress;

var host = new CliHost(
    globals => new EcrApiClientInvoker(globals, Environment.GetEnvironmentVariable, Console.Error),
    Console.Out,
    Console.Error,
    Environment.GetEnvironmentVariable,
    Console.IsOutputRedirected ? 80 : Math.Max(Console.WindowWidth, 20),
    TimeZoneInfo.Local,
    Task.Delay)
{
    ProgressMode = ProgressDisplays.Detect(Console.IsOutputRedirected, Console.IsErrorRedirected, Environment.GetEnvironmentVariable),
};

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

try
{
    return await new CliApplication(host).RunAsync(args, cancellation.Token).ConfigureAwait(false);
}
catch (OperationCanceledException)
{
    // Ctrl+C, as the AWS CLI reports it: 128 + SIGINT.
    Console.Out.WriteLine();
    return 130;
}
