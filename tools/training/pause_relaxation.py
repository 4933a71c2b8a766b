#!/usr/bin/env python3
"""Measure the relaxed pause model against the exact one (docs/formulation.md, 4.13).

For each seed, the jobs of tools/crosscheck/sites/training-pause-exact.yaml get random pause
settings (through --set); the site is solved with every pause model exact (a MILP; GLPK stops at
Insula's relative gap of 1e-4, so the exact optimum is known to lie in [incumbent x (1 - gap), incumbent])
and relaxed (an LP). Prints one line per seed and a summary: the relaxed objective must be a
lower bound, the reported training_pause_gap_bound_usd an upper bound on the difference. Times:
each solve's GLPK seconds; `+bound s` is the relaxed run's total, with the re-solves that find its
upper bound.

  python3 tools/training/pause_relaxation.py --insula .build/debug/insula --seeds 20
Exit status 1 if a bound fails.
"""

import argparse
import json
import random
import subprocess
import sys
import tempfile

SITE = "tools/crosscheck/sites/training-pause-exact.yaml"
# max_power_mw of the three jobs in the site (min power is drawn as a share of it).
MAX_MW = [20, 15, 10]


def solve(insula: str, sets: list[str], folder: str) -> dict:
    command = [insula, "solve", SITE, "--out", folder, "--format", "json"]
    for item in sets:
        command += ["--set", item]
    process = subprocess.run(command, capture_output=True, text=True)
    if process.returncode not in (0, 3):
        raise RuntimeError(process.stderr.strip())
    return json.loads(process.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--insula", required=True)
    parser.add_argument("--seeds", type=int, default=20)
    arguments = parser.parse_args()
    failures, ratios, covered = 0, [], 0
    print(f"{'seed':>4} {'exact USD':>12} {'relaxed USD':>12} {'bound USD':>10} {'gap USD':>9} {'gap/bound':>9} "
          f"{'exact s':>8} {'relaxed s':>9} {'+bound s':>8}")
    with tempfile.TemporaryDirectory(prefix="insula-pause-") as folder:
        for seed in range(1, arguments.seeds + 1):
            rng = random.Random(seed)
            sets = []
            for job, maximum in enumerate(MAX_MW):
                prefix = f"workloads.training_jobs[{job}]"
                sets += [f"{prefix}.min_power_mw={round(maximum * rng.uniform(0.2, 0.6), 2)}",
                         f"{prefix}.pause.restart_cost_usd={rng.choice([0, 100, 400, 1500])}",
                         f"{prefix}.pause.restart_energy_mwh={rng.choice([0, 1, 4])}",
                         f"{prefix}.pause.restart_hours={rng.choice([0, 0, 1])}",
                         f"{prefix}.pause.min_run_hours={rng.choice([1, 2, 4])}"]
            exact = solve(arguments.insula, sets + [f"workloads.training_jobs[{j}].pause.model=exact" for j in range(3)], folder + "/e")
            relaxed = solve(arguments.insula, sets + [f"workloads.training_jobs[{j}].pause.model=relaxed" for j in range(3)], folder + "/r")
            if exact["status"] != "optimal" or relaxed["status"] != "optimal":
                print(f"{seed:>4} exact {exact['status']}, relaxed {relaxed['status']}")
                continue
            z_exact, z_relaxed = exact["objective_usd"], relaxed["objective_usd"]
            exact_low = z_exact - (exact.get("mip_gap") or 0.0) * abs(z_exact)  # the MILP's own lower bound
            bound = relaxed.get("training_pause_gap_bound_usd")
            tolerance = 1e-6 * abs(z_exact)
            # relaxed <= optimum <= incumbent; optimum <= relaxed + bound, so the MILP's lower bound must be too.
            ok = z_relaxed <= z_exact + tolerance and (bound is None or exact_low <= z_relaxed + bound + tolerance)
            failures += not ok
            gap = z_exact - z_relaxed
            ratio = gap / bound if bound else float("nan")
            if bound is not None:
                covered += 1
                if bound > 0:
                    ratios.append(ratio)
            print(f"{seed:>4} {z_exact:>12.2f} {z_relaxed:>12.2f} {bound if bound is not None else float('nan'):>10.2f} {gap:>9.2f} "
                  f"{ratio:>9.3f} {exact['solve_seconds']:>8.3f} {relaxed['solve_seconds']:>9.3f} {relaxed['total_seconds']:>8.3f}{'' if ok else '  FAILED'}")
    ratios.sort()
    median = ratios[len(ratios) // 2] if ratios else float("nan")
    print(f"bounds reported {covered}/{arguments.seeds}; gap/bound median {median:.3f}, max {max(ratios) if ratios else float('nan'):.3f}; "
          f"{failures} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
