#!/usr/bin/env python3
"""Throughput-power operating points from the Splitwise performance model, and what they honestly
support as an Insula `performance_curves` entry (docs/site-format.md, "Power-performance curves").

Source: SplitwiseSim profiling data, `perf_model.csv` (Mutinifni/splitwise-sim @ 8f99e7d,
data/perf_model.csv; Patel et al., "Splitwise", ISCA 2024), in ../shared/data/workloads/splitwise_perf_model.
Columns used: model, hardware, tensor_parallel, prompt_size, batch_size, token_size (tokens),
prompt_time and token_time and e2e_time (ms), average_power (normalised, unitless; presumably a
fraction of GPU TDP - the data does not say; 0 where not recorded).

What the file supports (checked by this script each run):

1. Power is recorded only on a100-80gb rows (260 of 1,260), at full clocks: there is no frequency
   or power-cap sweep with measured power. The operating points it gives are batch sizes at
   prompt 512, output 128: batch size trades throughput against power, not a cap. Their concave
   envelope through the origin (a rack off) is what an LP could use; on this data the largest
   batch has the most tokens per unit energy, so the envelope is the full-power point alone:
   no DVFS benefit can be derived from the A100 rows.
2. h100-80gb-pcap rows ("power-capped") are the h100-80gb rows with prompt_time x 1.3 exactly and
   token_time unchanged: the simulator's assumption that a cap slows prefill by 30 % and leaves
   decode alone. They carry no power, and the cap level is not in the file. For a request of P
   prompt and G output tokens at batch 1 the throughput fraction under the cap is
   (pt(P) + G tt) / (1.3 pt(P) + G tt). With a cap level you supply (--cap-power-fraction, an
   assumption you state), the curve is [[cap, that fraction], [1, 1]], valid when concave
   (fraction > cap).

Usage:
  python3 tools/perfcurve/splitwise_curve.py --model llama2-70b --tp 8 --prompt-tokens 1155 \
      --output-tokens 211 --cap-power-fraction 0.7 --gpus-per-rack 72 [--yaml-out curve.yaml]
"""

from __future__ import annotations

import argparse
import os
import sys

import numpy as np
import pandas as pd

DEFAULT_PERF_MODEL = os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "data", "workloads",
                                  "splitwise_perf_model", "perf_model.csv")


def batch_points(data: pd.DataFrame, model: str, tp: int) -> pd.DataFrame:
    """A100 rows with recorded power at prompt 512, output 128: one row per batch size (repeats averaged)."""
    rows = data[(data.model == model) & (data.hardware == "a100-80gb") & (data.tensor_parallel == tp)
                & (data.average_power > 0) & (data.prompt_size == 512) & (data.token_size == 128)]
    if rows.empty:
        return rows
    points = rows.groupby("batch_size").agg(average_power=("average_power", "mean"), e2e_ms=("e2e_time", "mean")).reset_index()
    # Output tokens per second of the replica: batch x output tokens per end-to-end time.
    points["tokens_per_s"] = points.batch_size * 128 / (points.e2e_ms / 1000)
    # Power of the replica in normalised units: TP GPUs x average_power.
    points["power"] = tp * points.average_power
    points["tokens_per_unit_energy"] = points.tokens_per_s / points.power
    top = points.power.idxmax()
    points["power_fraction"] = points.power / points.power[top]
    points["throughput_fraction"] = points.tokens_per_s / points.tokens_per_s[top]
    return points


def concave_envelope(power: np.ndarray, throughput: np.ndarray) -> list[tuple[float, float]]:
    """Upper concave hull of the origin and the points, from the origin to the highest-power point."""
    order = np.argsort(power)
    hull = [(0.0, 0.0)]
    for index in order:
        point = (float(power[index]), float(throughput[index]))
        while len(hull) >= 2:
            (x1, y1), (x2, y2) = hull[-2], hull[-1]
            # Drop the middle point when it lies on or below the chord to the new point.
            if (y2 - y1) * (point[0] - x1) <= (point[1] - y1) * (x2 - x1):
                hull.pop()
            else:
                break
        hull.append(point)
    last = hull[-1]
    return [(x / last[0], y / last[1]) for x, y in hull[1:]]


def cap_evidence(data: pd.DataFrame, model: str, tp: int) -> tuple[float, float]:
    """(prompt_time ratio, token_time ratio) of h100-80gb-pcap over h100-80gb on matching rows."""
    keys = ["model", "tensor_parallel", "prompt_size", "batch_size", "token_size"]
    pick = data[(data.model == model) & (data.tensor_parallel == tp)]
    grouped = pick.groupby(["hardware"] + keys)[["prompt_time", "token_time"]].mean().reset_index()
    base = grouped[grouped.hardware == "h100-80gb"].merge(grouped[grouped.hardware == "h100-80gb-pcap"], on=keys, suffixes=("", "_cap"))
    if base.empty:
        raise SystemExit(f"error: no h100-80gb and h100-80gb-pcap rows for {model} TP{tp}")
    prompt = base.prompt_time_cap / base.prompt_time
    token = base.token_time_cap / base.token_time
    return float(prompt.mean()), float(token.mean()), float(prompt.max() - prompt.min()), float(token.max() - token.min())


def h100_request(data: pd.DataFrame, model: str, tp: int, prompt_tokens: float) -> tuple[float, float]:
    """Batch-1 prefill time at `prompt_tokens` (linear in prompt size between measured sizes) and mean decode time per token, ms."""
    rows = data[(data.model == model) & (data.hardware == "h100-80gb") & (data.tensor_parallel == tp) & (data.batch_size == 1)]
    by_prompt = rows[rows.token_size == 128].groupby("prompt_size").prompt_time.mean()
    prefill = float(np.interp(prompt_tokens, by_prompt.index.values, by_prompt.values))
    decode = float(rows.token_time.mean())
    return prefill, decode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--perf-model", default=DEFAULT_PERF_MODEL)
    parser.add_argument("--model", default="llama2-70b", choices=["llama2-70b", "bloom-176b"])
    parser.add_argument("--tp", type=int, default=8, help="tensor parallelism (GPUs per replica)")
    parser.add_argument("--prompt-tokens", type=float, default=1155, help="mean prompt tokens (Azure conv trace: 1,155)")
    parser.add_argument("--output-tokens", type=float, default=211, help="mean output tokens (Azure conv trace: 211)")
    parser.add_argument("--cap-power-fraction", type=float, help="the cap level the -pcap rows stand for (an assumption: not in the file)")
    parser.add_argument("--gpus-per-rack", type=int, help="GPUs per rack, for tokens_per_second_per_rack_at_full_power")
    parser.add_argument("--name", default="splitwise_pcap")
    parser.add_argument("--yaml-out", help="write the performance_curves entry here")
    arguments = parser.parse_args()

    data = pd.read_csv(arguments.perf_model)
    model, tp = arguments.model, arguments.tp

    print(f"Splitwise perf_model.csv: {len(data)} rows; {int((data.average_power > 0).sum())} with recorded power "
          f"(hardware: {', '.join(sorted(data[data.average_power > 0].hardware.unique()))})")
    points = batch_points(data, model, tp)
    if points.empty:
        print(f"1. No A100 rows with power for {model} TP{tp}.")
    else:
        print(f"1. {model} on a100-80gb, TP{tp}, prompt 512, output 128: batch sizes as operating points")
        print("   batch  power (norm.)  output tokens/s  tokens/s per unit power  power frac.  throughput frac.")
        for _, row in points.iterrows():
            print(f"   {int(row.batch_size):5d}  {row.power:13.3f}  {row.tokens_per_s:15.1f}  {row.tokens_per_unit_energy:23.2f}"
                  f"  {row.power_fraction:11.3f}  {row.throughput_fraction:16.3f}")
        envelope = concave_envelope(points.power.values, points.tokens_per_s.values)
        print(f"   concave envelope through the origin: {[[round(x, 4), round(y, 4)] for x, y in envelope]}")
        if len(envelope) == 1:
            print("   -> only the full-power point survives: batch size is not a cap, and this data gives no DVFS curve.")

    prompt_ratio, token_ratio, prompt_spread, token_spread = cap_evidence(data, model, tp)
    print(f"2. h100-80gb-pcap / h100-80gb on matching rows: prompt_time x {prompt_ratio:.6f} (spread {prompt_spread:.1e}), "
          f"token_time x {token_ratio:.6f} (spread {token_spread:.1e}); no power recorded, cap level not stated")
    prefill, decode = h100_request(data, model, tp, arguments.prompt_tokens)
    full = prefill + arguments.output_tokens * decode
    capped = prompt_ratio * prefill + arguments.output_tokens * token_ratio * decode
    fraction = full / capped
    tokens_per_s = (arguments.prompt_tokens + arguments.output_tokens) / (full / 1000)
    print(f"   request of {arguments.prompt_tokens:g} prompt + {arguments.output_tokens:g} output tokens at batch 1: "
          f"{full:.1f} ms uncapped, {capped:.1f} ms capped -> throughput fraction {fraction:.4f}")
    print(f"   full-power throughput of one TP{tp} replica: {tokens_per_s:.1f} tokens/s (prompt + output)")
    if arguments.cap_power_fraction is None:
        print("   give --cap-power-fraction to turn this into a curve")
        return 0
    cap = arguments.cap_power_fraction
    if not 0 < cap < 1:
        print(f"error: --cap-power-fraction must be in (0, 1), got {cap}", file=sys.stderr)
        return 2
    if fraction <= cap:
        print(f"error: throughput fraction {fraction:.4f} at power fraction {cap} is not above the chord from the origin: "
              "the curve would not be concave", file=sys.stderr)
        return 2
    lines = [f"{arguments.name}:",
             f"  # Splitwise perf_model.csv, {model} h100-80gb TP{tp}: -pcap rows (prefill x {prompt_ratio:.2f}, decode x {token_ratio:.2f});",
             f"  # request {arguments.prompt_tokens:g} + {arguments.output_tokens:g} tokens; cap level {cap} is an assumption.",
             f"  points: [[{cap:.4f}, {fraction:.4f}], [1, 1]]"]
    if arguments.gpus_per_rack:
        replicas = arguments.gpus_per_rack // tp
        lines.append(f"  tokens_per_second_per_rack_at_full_power: {replicas * tokens_per_s:.1f}  # {replicas} replicas at batch 1")
    text = "\n".join(lines) + "\n"
    print("performance_curves entry:\n" + text)
    if arguments.yaml_out:
        with open(arguments.yaml_out, "w", encoding="utf-8") as handle:
            handle.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
