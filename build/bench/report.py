"""Turns build/bench.sh's results.csv into summary.json, summary.md and ratios.dat (for ratios.gp).

For each scenario and tool:
  container_s  the container step alone: the publish-with-container command minus the median no-op plain
               publish of the same project (what the command spends beyond compiling and copying files)
  included_s   the plain publish of the change (compile + publish) plus container_s
  command_s    the wall time of the publish-with-container command itself (its build is a no-op: the plain
               publish just before compiled the change); less noisy than container_s on a busy machine
  requests, bytes_up, blob_bytes_up (layer and config bodies), bytes_down, max_rss_mb of the container command,
  api_requests (ECR API calls, moto's; the SDK makes none), cpu_cores ((user + sys) / wall of the command)
and the EcrPublish / SDK ratio of each (and EcrPublish / docker when docker build + push ran too).
With several runs (build/bench.sh --runs N) every metric is the median over the runs, and the command time
is shown with its range. Then issue 19's goals (goals.py), each computed from those figures, met or not.

usage: report.py RESULTS_CSV OUT_DIR [--wan-mbit 50] [--cores N]
"""
import argparse, csv, json, os, re, statistics

from goals import evaluate_goals, goals_markdown

METRICS = ["command_s", "container_s", "included_s", "requests", "bytes_up", "blob_bytes_up", "bytes_down", "max_rss_mb",
           "api_requests", "cpu_cores"]


def load(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


# Plain publishes that had nothing to compile: the median of these is what a publish costs without the
# container step. A solution (5), the self-contained apps (7, 10) have their own; the rest share the app's.
NOOP_PUBLISHES = {"0": ("0-noop", "1-cold", "2-nochange", "8-newtag"), "5": ("5-noop", "5-multi"), "7": ("7-noop", "7a-sc-cold"),
                  "10": ("10-noop", "10-large-sc-cold")}


def median(values):
    return statistics.median(values) if values else 0.0


def noop_wall(rows, tool, scenario):
    names = NOOP_PUBLISHES.get(re.match(r"\d*", scenario).group(), NOOP_PUBLISHES["0"])
    walls = sorted(float(r["wall_s"]) for r in rows
                   if r["tool"] == tool and r["phase"] == "publish" and r["scenario"] in names and r["link"] == "lan")
    return statistics.median(walls) if walls else 0.0


def summarize(rows):
    runs = sorted({row.get("run") or "1" for row in rows}, key=int)
    per_run = [summarize_run([row for row in rows if (row.get("run") or "1") == run]) for run in runs]
    summary = []
    for first in per_run[0]:
        entry = {"scenario": first["scenario"], "link": first["link"], "runs": len(per_run), "tools": {}, "ratios": {}, "ratios_docker": {}}
        for tool in first["tools"]:
            samples = [e["tools"][tool] for run in per_run for e in run if e["scenario"] == first["scenario"] and tool in e["tools"]]
            # Numbers are medians over the runs; the ECR API calls by action are the first run's.
            merged = {metric: value if isinstance(value, str) else round(median([sample[metric] for sample in samples]), 2)
                      for metric, value in samples[0].items()}
            merged["command_s_range"] = [min(sample["command_s"] for sample in samples), max(sample["command_s"] for sample in samples)]
            entry["tools"][tool] = merged
        tools = entry["tools"]
        for other, ratios in (("sdk", entry["ratios"]), ("docker", entry["ratios_docker"])):
            if "ecrpublish" in tools and other in tools:
                for metric in METRICS:
                    ours, theirs = tools["ecrpublish"][metric], tools[other][metric]
                    ratios[metric] = float(f"{ours / theirs:.3g}") if theirs else None
        summary.append(entry)
    return summary


def summarize_run(rows):
    scenarios = []
    for row in rows:
        if row["phase"] == "container" and row["scenario"] not in scenarios:
            scenarios.append(row["scenario"])
    summary = []
    for scenario in scenarios:
        entry = {"scenario": scenario, "link": None, "tools": {}}
        for tool in ("ecrpublish", "sdk", "docker"):
            picked = {r["phase"]: r for r in rows if r["scenario"] == scenario and r["tool"] == tool}
            if "container" not in picked:
                continue
            container, publish = picked["container"], picked.get("publish")
            entry["link"] = container["link"]
            wall = float(container["wall_s"])
            step = max(0.0, wall - noop_wall(rows, tool, scenario))
            # Columns added later (CPU times, blobs pushed, ECR API calls) are absent from older results.csv files.
            cpu = float(container.get("user_s") or 0) + float(container.get("sys_s") or 0)
            entry["tools"][tool] = {
                "container_s": round(step, 2),
                "included_s": round(step + (float(publish["wall_s"]) if publish else 0.0), 2),
                "command_s": wall,
                "requests": int(container["requests"]),
                "bytes_up": int(container["bytes_up"]),
                "blob_bytes_up": int(container["blob_bytes_up"]),
                "blob_uploads": int(container["blob_uploads"]),
                "bytes_down": int(container["bytes_down"]),
                "max_rss_mb": round(int(container["max_rss_kb"]) / 1024, 1),
                "blobs_pushed": int(container.get("blobs_pushed") or 0),
                "api_requests": int(container.get("api_requests") or 0),
                "api_token_requests": int(container.get("api_token_requests") or 0),
                "api_actions": container.get("api_actions") or "",
                "cpu_cores": round(cpu / wall, 2) if wall else 0.0,
            }
        summary.append(entry)
    return summary


def mb(n):
    return f"{n / 1_000_000:.2f}"


def ratio(value):
    return "n/a" if value is None else f"{value:.2f}"


def markdown(summary):
    lines = [
        "| scenario | link | tool | command s | container step s | incl. publish s | requests | MB up | layer MB up | MB down | peak RSS MB | ECR API calls | CPU cores |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for entry in summary:
        for tool, m in entry["tools"].items():
            command = f"{m['command_s']:.1f}" if entry["runs"] == 1 else f"{m['command_s']:.1f} ({m['command_s_range'][0]:.1f}–{m['command_s_range'][1]:.1f})"
            lines.append(f"| {entry['scenario']} | {entry['link']} | {tool} | {command} | {m['container_s']:.1f} | {m['included_s']:.1f} | "
                         f"{m['requests']:g} | {mb(m['bytes_up'])} | {mb(m['blob_bytes_up'])} | {mb(m['bytes_down'])} | {m['max_rss_mb']:.0f} | "
                         f"{m['api_requests']:g} | {m['cpu_cores']:.2f} |")
        for label, r in (("ratio", entry["ratios"]), ("ratio vs docker", entry["ratios_docker"])):
            if r:
                lines.append(f"| {entry['scenario']} | {entry['link']} | **{label}** | **{ratio(r['command_s'])}** | {ratio(r['container_s'])} | {ratio(r['included_s'])} | "
                             f"{ratio(r['requests'])} | {ratio(r['bytes_up'])} | {ratio(r['blob_bytes_up'])} | {ratio(r['bytes_down'])} | {ratio(r['max_rss_mb'])} | "
                             f"{ratio(r['api_requests'])} | {ratio(r['cpu_cores'])} |")
    lines.append("")
    if summary and summary[0]["runs"] > 1:
        lines.append(f"Medians of {summary[0]['runs']} runs; command s shows the range in parentheses.")
    lines.append("ratio = EcrPublish / SDK, ratio vs docker = EcrPublish / (docker build + docker push) (below 1: EcrPublish is faster, sends less, uses less); "
                 "n/a: the other tool's value is 0. requests: registry requests; ECR API calls: EcrPublish's control-plane calls (moto), "
                 "which the others do not make; CPU cores: (user + sys) / wall of the command.")
    return "\n".join(lines) + "\n"


def gnuplot_data(summary):
    lines = ["# scenario command_s requests bytes_up max_rss_mb (EcrPublish / SDK; 0 = n/a)"]
    for entry in summary:
        r = entry["ratios"]
        if r:
            values = [r[m] if r[m] is not None else 0 for m in ("command_s", "requests", "bytes_up", "max_rss_mb")]
            lines.append(f"\"{entry['scenario']}\" " + " ".join(str(v) for v in values))
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("results_csv")
    parser.add_argument("out_dir")
    parser.add_argument("--wan-mbit", type=float, default=50, help="the WAN link's bandwidth (build/bench.sh's wan_mbit)")
    parser.add_argument("--cores", type=int, default=os.cpu_count(), help="the machine's cores (default: this one's)")
    args = parser.parse_args()
    out = args.out_dir
    summary = summarize(load(args.results_csv))
    goals = evaluate_goals(summary, args.wan_mbit, args.cores)
    with open(os.path.join(out, "summary.json"), "w") as f:
        json.dump({"scenarios": summary, "goals": goals}, f, indent=2)
    with open(os.path.join(out, "summary.md"), "w") as f:
        f.write(markdown(summary))
        f.write("\n" + goals_markdown(goals))
    with open(os.path.join(out, "ratios.dat"), "w") as f:
        f.write(gnuplot_data(summary))


if __name__ == "__main__":
    main()
