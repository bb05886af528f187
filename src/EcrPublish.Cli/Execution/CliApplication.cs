using System.Text;
using EcrPublish.Cli.Arguments;
using EcrPublish.Cli.Help;
using EcrPublish.Cli.Output;
using EcrPublish.Cli.Progress;
using EcrPublish.Cli.ServiceModel;
using EcrPublish.Cli.Verbs;

namespace EcrPublish.Cli.Execution;

/// <summary>
/// <c>dotnet ecr</c>: dispatches the command line to an operation, a waiter, <c>get-login-password</c> or help,
/// and reports failures as the AWS CLI v2 does (message on stderr, exit codes 252 to 255).
/// </summary>
internal sealed class CliApplication(CliHost host)
{
    private const string Usage =
        "usage: dotnet ecr [options] <command> [<subcommand>] [parameters]\n" +
        "To see help text, you can run:\n\n" +
        "  dotnet ecr help\n" +
        "  dotnet ecr <command> help\n" +
        "  dotnet ecr wait <waiter> help\n";

    private readonly EcrServiceModel _model = EcrServiceModel.Instance;

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        try
        {
            return await DispatchAsync(CommandLineParser.Parse(args, host.Environment), cancellationToken).ConfigureAwait(false);
        }
        catch (CliUsageException e) when (e.ShowUsage && e.Message.StartsWith("Unknown options:", StringComparison.Ordinal))
        {
            return Fail(ExitCodes.UsageError, Usage + "\n" + e.Message + "\n");
        }
        catch (CliUsageException e) when (e.ShowUsage)
        {
            return Fail(ExitCodes.UsageError, Usage + "\ndotnet ecr: error: " + e.Message);
        }
        catch (Exception e) when (e is CliUsageException or ParameterException or ParameterValidationException)
        {
            return Fail(ExitCodes.UsageError, e.Message);
        }
        catch (EcrOperationException e)
        {
            return Fail(ExitCodes.ServiceError, e.Message);
        }
        catch (CliConfigurationException e)
        {
            return Fail(ExitCodes.ConfigurationError, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The AWS CLI's GeneralExceptionHandler: the message alone, exit code 255 (waiters, transport, the rest).
            return Fail(ExitCodes.GeneralError, e.Message);
        }
    }

    private async Task<int> DispatchAsync(ParsedCommandLine commandLine, CancellationToken cancellationToken)
    {
        if (commandLine.VersionRequested)
        {
            return Print(VersionLine.For(typeof(CliApplication).Assembly));
        }

        if (commandLine.CommandWords.Count == 0)
        {
            return commandLine.HelpRequested
                ? Print(HelpWriter.TopLevel(_model))
                : throw new CliUsageException("the following arguments are required: command", showUsage: true);
        }

        var command = commandLine.CommandWords[0];
        if (command == "wait")
        {
            return await WaitAsync(commandLine, cancellationToken).ConfigureAwait(false);
        }

        if (command == "publish")
        {
            return commandLine.HelpRequested
                ? Print(PublishCommand.Help)
                : await new PublishCommand(host.Out, host.Error, host.Environment, host.ProgressMode, host.TerminalWidth).RunAsync(commandLine.OptionWords, commandLine.Globals, cancellationToken).ConfigureAwait(false);
        }

        if (command == "local")
        {
            return commandLine.HelpRequested
                ? Print(LocalEcrCommand.Help)
                : await new LocalEcrCommand(host.Out, host.Environment).RunAsync(commandLine.OptionWords, commandLine.Globals, cancellationToken).ConfigureAwait(false);
        }

        if (command == "iam-policy")
        {
            return commandLine.HelpRequested
                ? Print(IamPolicyCommand.Help)
                : await new IamPolicyCommand(commandLine.Globals, host.Out, host.Environment).RunAsync(commandLine.OptionWords, cancellationToken).ConfigureAwait(false);
        }

        if (command == "verify")
        {
            return commandLine.HelpRequested ? Print(VerifyCommand.Help) : await VerifyAsync(commandLine, cancellationToken).ConfigureAwait(false);
        }

        if (command is "images" or "scan" or "lifecycle" or "login")
        {
            return await RunVerbAsync(commandLine, cancellationToken).ConfigureAwait(false);
        }

        if (command == "get-login-password")
        {
            return commandLine.HelpRequested
                ? Print(HelpWriter.GetLoginPassword())
                : await GetLoginPasswordAsync(commandLine, cancellationToken).ConfigureAwait(false);
        }

        if (!_model.Operations.TryGetValue(command, out var operation))
        {
            throw new CliUsageException(InvalidChoice("command", command, _model.Operations.Keys.Append("get-login-password").Append("wait").Append("images").Append("scan").Append("lifecycle").Append("login").Append("local").Append("publish").Append("verify").Append("iam-policy")), showUsage: true);
        }

        var table = new OperationArgumentTable(operation);
        if (commandLine.HelpRequested)
        {
            return Print(HelpWriter.Operation(operation, table, command));
        }

        var query = CompileQuery(commandLine.Globals);
        var request = RequestBuilder.Build(operation, table, commandLine.OptionWords);
        var printer = new ResponsePrinter(commandLine.Globals.Output, query, host.TerminalWidth);
        if (request.Skeleton is { } skeleton)
        {
            return Print(PrintSkeleton(skeleton, operation, printer, commandLine.Globals.Output));
        }

        using var invoker = host.CreateInvoker(commandLine.Globals);
        var caller = new OperationCaller(invoker, host.TimeZone);
        if (ShouldPaginate(operation, request, commandLine.Globals) is { } paginator)
        {
            var pager = new OperationPager(caller, operation, paginator);
            var paged = await pager.FetchAsync(request, cancellationToken).ConfigureAwait(false);
            return Print(printer.PrintPaged(operation.Name, paged, pager));
        }

        var response = await caller.CallAsync(operation, request.Parameters, cancellationToken).ConfigureAwait(false);
        return Print(printer.Print(operation.Name, response));
    }

    private async Task<int> WaitAsync(ParsedCommandLine commandLine, CancellationToken cancellationToken)
    {
        if (commandLine.CommandWords.Count < 2)
        {
            return commandLine.HelpRequested
                ? Print("Available waiters:\n" + string.Concat(_model.Waiters.Keys.Select(k => "    o " + k + "\n")))
                : throw new CliUsageException("the following arguments are required: waiter", showUsage: true);
        }

        var name = commandLine.CommandWords[1];
        if (!_model.Waiters.TryGetValue(name, out var waiter))
        {
            throw new CliUsageException(InvalidChoice("waiter", name, _model.Waiters.Keys), showUsage: true);
        }

        var operation = _model.OperationByName(waiter.Operation);
        var table = new OperationArgumentTable(operation, withPaging: false);
        if (commandLine.HelpRequested)
        {
            return Print(HelpWriter.Waiter(waiter, operation, table));
        }

        var request = RequestBuilder.Build(operation, table, commandLine.OptionWords);
        if (request.Skeleton is { } skeleton)
        {
            return Print(PrintSkeleton(skeleton, operation, new ResponsePrinter(commandLine.Globals.Output, CompileQuery(commandLine.Globals), host.TerminalWidth), commandLine.Globals.Output));
        }

        using var invoker = host.CreateInvoker(commandLine.Globals);
        using var progress = ProgressDisplays.CreateTerminalOnly(host.ProgressMode, host.Error, host.TerminalWidth);
        var runner = new WaiterRunner(new OperationCaller(invoker, host.TimeZone), host.Delay, progress);
        await runner.WaitAsync(waiter, operation, request.Parameters, cancellationToken).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private async Task<int> RunVerbAsync(ParsedCommandLine commandLine, CancellationToken cancellationToken)
    {
        var verb = string.Join(' ', commandLine.CommandWords);
        if (verb is not ("images cleanup" or "images copy" or "images tag" or "scan report" or "lifecycle preview" or "login"))
        {
            throw new CliUsageException(InvalidChoice("command", verb, ["images cleanup", "images copy", "images tag", "scan report", "lifecycle preview", "login"]), showUsage: true);
        }

        if (commandLine.HelpRequested)
        {
            return Print(verb switch
            {
                "images cleanup" => ImagesCleanupCommand.Help,
                "images copy" => ImagesCopyCommand.Help,
                "images tag" => ImagesTagCommand.Help,
                "scan report" => ScanReportCommand.Help,
                "login" => DockerLoginCommand.Help,
                _ => LifecyclePreviewCommand.Help,
            });
        }

        // Created on first use: a lifecycle preview of a snapshot file needs no AWS configuration at all. images copy may
        // need a second one, for the destination's region, profile or endpoint.
        IEcrOperationInvoker? invoker = null;
        var others = new List<IEcrOperationInvoker>();
        using var progress = verb is "images cleanup" or "images copy" ? ProgressDisplays.Create(host.ProgressMode, host.Error, host.TerminalWidth) : NullProgressDisplay.Instance;
        try
        {
            OperationCaller Connect() => new(invoker ??= host.CreateInvoker(commandLine.Globals), host.TimeZone);
            OperationCaller ConnectTo(GlobalOptions globals)
            {
                if (globals == commandLine.Globals)
                {
                    return Connect();
                }

                var other = host.CreateInvoker(globals);
                others.Add(other);
                return new(other, host.TimeZone);
            }

            return verb switch
            {
                "images cleanup" => await new ImagesCleanupCommand(Connect(), host.Out, host.Error, progress, DateTimeOffset.UtcNow).RunAsync(commandLine.OptionWords, cancellationToken).ConfigureAwait(false),
                "images copy" => await new ImagesCopyCommand(ConnectTo, commandLine.Globals, host.Out, host.Error, progress).RunAsync(commandLine.OptionWords, cancellationToken).ConfigureAwait(false),
                "images tag" => await new ImagesTagCommand(Connect, host.Out).RunAsync(commandLine.OptionWords, cancellationToken).ConfigureAwait(false),
                "scan report" => await new ScanReportCommand(Connect(), host.Out, host.Error).RunAsync(commandLine.OptionWords, cancellationToken).ConfigureAwait(false),
                "login" => await new DockerLoginCommand(Connect(), host.Out, host.Error, host.Environment).RunAsync(commandLine.OptionWords, cancellationToken).ConfigureAwait(false),
                _ => await new LifecyclePreviewCommand(Connect, host.Out, DateTimeOffset.UtcNow).RunAsync(commandLine.OptionWords, cancellationToken).ConfigureAwait(false),
            };
        }
        finally
        {
            invoker?.Dispose();
            others.ForEach(other => other.Dispose());
        }
    }

    private async Task<int> VerifyAsync(ParsedCommandLine commandLine, CancellationToken cancellationToken)
    {
        // Created on first use: an image in a registry other than ECR is verified without AWS configuration.
        IEcrOperationInvoker? invoker = null;
        try
        {
            // Once, with the region of the image's ECR host when it names one.
            OperationCaller Connect(GlobalOptions globals) => new(invoker ??= host.CreateInvoker(globals), host.TimeZone);
            return await new VerifyCommand(Connect, commandLine.Globals, host.Out, host.Error).RunAsync(commandLine.OptionWords, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            invoker?.Dispose();
        }
    }

    private async Task<int> GetLoginPasswordAsync(ParsedCommandLine commandLine, CancellationToken cancellationToken)
    {
        if (commandLine.OptionWords.Count > 0)
        {
            throw new CliUsageException("Unknown options: " + string.Join(", ", commandLine.OptionWords), showUsage: true);
        }

        using var invoker = host.CreateInvoker(commandLine.Globals);
        var caller = new OperationCaller(invoker, host.TimeZone);
        var response = await caller.CallAsync(_model.OperationByName("GetAuthorizationToken"), [], cancellationToken).ConfigureAwait(false);
        var token = (string?)response["authorizationData"]?[0]?["authorizationToken"]
            ?? throw new CliConfigurationException(
                $"{CliErrorCodes.NoAuthorizationToken}: the GetAuthorizationToken response carries no authorization token. Check that the endpoint is Amazon ECR or an ECR emulator.");
        var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(token));
        var password = decoded[(decoded.IndexOf(':', StringComparison.Ordinal) + 1)..];
        host.Out.Write(password + "\n");
        return ExitCodes.Success;
    }

    // The input skeleton is always JSON (or commented YAML); the output skeleton is printed as a response (--output, --query). Its sample
    // timestamps are Python datetimes, which json writes with a T and the other formatters with a space.
    private static string PrintSkeleton(string skeleton, OperationModel operation, ResponsePrinter printer, string output) => skeleton switch
    {
        "input" => PythonJsonWriter.Write(OperationSkeleton.Input(operation)) + "\n",
        "yaml-input" => YamlInputSkeleton.Write(operation),
        _ => printer.Print(operation.Name, OperationSkeleton.Output(operation, output == "json" ? OperationSkeleton.JsonEpoch : OperationSkeleton.TextEpoch)),
    };

    // The AWS CLI pages automatically unless told not to, or unless the user passed the service's own token or limit.
    private static PaginatorModel? ShouldPaginate(OperationModel operation, OperationRequest request, GlobalOptions globals)
    {
        var usesPagingOptions = request.StartingToken is not null || request.PageSize is not null || request.MaxItems is not null;
        if (operation.Paginator is not { } paginator)
        {
            return null;
        }

        var manual = request.Parameters.ContainsKey(paginator.InputToken) || (paginator.LimitKey is not null && request.Parameters.ContainsKey(paginator.LimitKey));
        if (globals.Paginate && !manual)
        {
            return paginator;
        }

        if (usesPagingOptions)
        {
            var used = new[] { ("--starting-token", request.StartingToken is not null), ("--page-size", request.PageSize is not null), ("--max-items", request.MaxItems is not null) };
            throw new ParameterValidationException("Cannot specify --no-paginate along with pagination arguments: " +
                string.Join(", ", used.Where(u => u.Item2).Select(u => u.Item1)));
        }

        return null;
    }

    private static JmesPathQuery? CompileQuery(GlobalOptions globals)
    {
        if (globals.Query is null)
        {
            return null;
        }

        try
        {
            return JmesPathQuery.Compile(globals.Query);
        }
        catch (FormatException e)
        {
            throw new CliUsageException($"argument --query: Bad value for --query {globals.Query}: {e.Message}", showUsage: true);
        }
    }

    private static string InvalidChoice(string what, string given, IEnumerable<string> choices) =>
        $"argument {what}: Invalid choice '{given}', valid choices are:\n\n" + string.Join('\n', choices.Order(StringComparer.Ordinal));

    private int Print(string text)
    {
        host.Out.Write(text);
        return ExitCodes.Success;
    }

    private int Fail(int exitCode, string message)
    {
        host.Error.Write("\n" + message + "\n");
        return exitCode;
    }
}
