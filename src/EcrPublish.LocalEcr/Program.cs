using EcrPublish.LocalEcr;

if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(LocalEcrCommandLine.Usage);
    return 0;
}

try
{
    var options = LocalEcrCommandLine.Parse(args);
    await using var server = await LocalEcrServer.StartAsync(options);
    Console.WriteLine($"LocalEcr: ECR API and registry on {server.Endpoint.GetLeftPart(UriPartial.Authority)} (registry id {options.AccountId}, region {options.Region})");
    Console.WriteLine($"LocalEcr: data in {server.DataDirectory}{(options.DataDirectory is null ? " (temporary, removed on exit)" : string.Empty)}");
    Console.WriteLine($"LocalEcr: sign requests with access key '{options.AccessKeyId}' and its secret key{(options.SecretAccessKey == LocalEcrOptions.DefaultSecretAccessKey ? " ('test')" : string.Empty)}; press Ctrl+C to stop");
    Console.WriteLine($"export AWS_ENDPOINT_URL_ECR={server.Endpoint.GetLeftPart(UriPartial.Authority)}");
    Console.WriteLine($"export AWS_REGION={options.Region}");
    Console.WriteLine($"# docker: aws ecr get-login-password | docker login --username AWS --password-stdin {server.RegistryHost}");
    Console.WriteLine($"# other regions/accounts: sign for the region, pass --registry-id; images at {server.RegistryHost}/<account>.dkr.ecr.<region>/<repository>");
    await server.WaitForShutdownAsync();
    return 0;
}
catch (LocalEcrException error)
{
    Console.Error.WriteLine(error.Message);
    return 1;
}
