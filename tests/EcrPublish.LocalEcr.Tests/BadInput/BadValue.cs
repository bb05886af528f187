using System.Text.Json.Nodes;

namespace EcrPublish.LocalEcr.Tests.BadInput;

/// <summary>One request body of the corpus: what is wrong with it (for the failure report) and the body itself.</summary>
public sealed record BadValue(string Operation, string Description, JsonObject Body);
