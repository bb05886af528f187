namespace EcrPublish.SupplyChain;

/// <summary>The CI run a publish happened in: which service, its run id and the URL a person can open.</summary>
/// <param name="Provider">The CI service's name (<see cref="Tagging.CiProvider.Name"/>).</param>
/// <param name="RunId">The service's id of the run (or job).</param>
/// <param name="RunUrl">The run's page, or null when the variables do not give one.</param>
public sealed record CiRun(string Provider, string RunId, string? RunUrl);
