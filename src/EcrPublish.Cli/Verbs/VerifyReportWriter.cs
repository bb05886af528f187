using System.Text.Json;
using System.Text.Json.Nodes;
using EcrPublish.Verification;

namespace EcrPublish.Cli.Verbs;

/// <summary>Writes a <see cref="SupplyChainReport"/>: an aligned table for people, or JSON for scripts.</summary>
internal static class VerifyReportWriter
{
    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true };

    public static string Table(string image, SupplyChainReport report)
    {
        string[] header = ["PLATFORM", "KIND", "REFERRER", "RESULT", "DETAIL"];
        var rows = report.Checks.Select(check => new[]
        {
            check.Platform ?? "-",
            Kind(check.Kind),
            check.ReferrerDigest is { } digest ? Short(digest) : "(missing)",
            Result(check.Outcome),
            (check.FailureCode is null ? "" : check.FailureCode + ": ") + check.Detail,
        }).Prepend(header).ToList();
        var widths = Enumerable.Range(0, header.Length - 1).Select(column => rows.Max(row => row[column].Length)).ToArray();
        var lines = rows.Select(row => string.Concat(row.Take(widths.Length).Select((cell, column) => cell.PadRight(widths[column] + 2))) + row[^1]);
        var counts = string.Join(", ", Enum.GetValues<CheckOutcome>().Select(outcome => $"{report.Checks.Count(check => check.Outcome == outcome)} {Result(outcome)}"));
        return $"Image: {image}@{report.ImageDigest}\n\n" +
            (report.Checks.Count == 0 ? "No referrers.\n" : string.Join('\n', lines) + "\n") +
            $"\n{(report.Passed ? "PASSED" : "FAILED")}: {counts}.\n";
    }

    public static string Json(string image, SupplyChainReport report) => new JsonObject
    {
        ["image"] = image,
        ["digest"] = report.ImageDigest,
        ["passed"] = report.Passed,
        ["checks"] = new JsonArray([.. report.Checks.Select(check => (JsonNode)new JsonObject
        {
            ["subject"] = check.SubjectDigest,
            ["platform"] = check.Platform,
            ["kind"] = Kind(check.Kind),
            ["artifactType"] = check.ArtifactType,
            ["referrer"] = check.ReferrerDigest,
            ["result"] = Result(check.Outcome),
            ["code"] = check.FailureCode,
            ["detail"] = check.Detail,
        })]),
    }.ToJsonString(s_indented) + "\n";

    private static string Kind(ReferrerKind kind) => kind.ToString().ToLowerInvariant();

    private static string Result(CheckOutcome outcome) => outcome switch
    {
        CheckOutcome.Verified => "verified",
        CheckOutcome.Failed => "failed",
        _ => "not checked",
    };

    private static string Short(string digest) => digest.Length > 19 ? digest[..19] + "…" : digest;
}
