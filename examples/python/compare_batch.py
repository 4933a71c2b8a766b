#!/usr/bin/env python3
"""Run an insula batch through the CLI and compare its scenarios with pandas.

    python3 examples/python/compare_batch.py                       # the one-week example batch
    python3 examples/python/compare_batch.py --batch data/batches/example.yaml --out out/example-batch

Reads the run's summary on stdout (--format json), summary.csv (one row per scenario:
parameters, KPIs, timings) and results.sqlite (the per-step series), and prints the cost and
emissions of each parameter value with the grid energy behind them, the cheapest scenario and its
busiest grid hour (the hour with the most power crossing the grid connection, import or export).
Exits 1 when the files disagree with each other.
"""
import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

import pandas as pd

def find_insula(explicit):
    if explicit:
        return explicit
    for candidate in (".build/release/insula", ".build/debug/insula"):
        if os.access(candidate, os.X_OK):
            return candidate
    return shutil.which("insula") or sys.exit("error: insula not found; build it (swift build) or pass --insula")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--batch", default="data/batches/example-week.yaml")
    parser.add_argument("--out", help="results folder (default: a new temporary folder)")
    parser.add_argument("--insula", help="path to the insula binary")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    out = args.out or tempfile.mkdtemp(prefix="insula-batch-")

    run = subprocess.run(
        [find_insula(args.insula), "batch", "run", args.batch, "--out", out, "--jobs", str(args.jobs), "--quiet",
         "--format", "json"] + (["--resume"] if os.path.exists(os.path.join(out, "results.sqlite")) else []),
        capture_output=True, text=True)
    if run.returncode not in (0, 5):  # 5: some scenarios failed, and they are in the results too
        sys.exit(f"error: insula batch run exited {run.returncode}:\n{run.stderr}")
    report = json.loads(run.stdout)

    summary = pd.read_csv(report["summary_csv"])
    with sqlite3.connect(report["results_sqlite"]) as db:
        # The parameter columns of summary.csv are the batch's override key paths.
        parameters = json.loads(db.execute("SELECT value FROM batch_meta WHERE key = 'override_paths'").fetchone()[0])
        scenarios = pd.read_sql("SELECT id, name, status, objective_usd, emissions_t FROM scenario WHERE status <> 'pending'", db)
        steps = pd.read_sql("SELECT scenario_id, timestamp, grid_import_mw, grid_export_mw FROM step", db)

    problems = []
    if list(summary.columns[:4]) != ["scenario_id", "scenario_name", "status", "message"] or \
            list(summary.columns[4:4 + len(parameters)]) != parameters:
        problems.append(f"unexpected summary.csv columns: {list(summary.columns[:4 + len(parameters)])}")
    if len(summary) != report["succeeded"] + report["failed"]:
        problems.append(f"summary.csv has {len(summary)} rows, the run reports {report['succeeded'] + report['failed']}")
    if set(summary.scenario_id) != set(scenarios.id):
        problems.append("summary.csv and results.sqlite hold different scenarios")

    solved = summary[summary.status == "optimal"]
    print(f"{report['batch']}: {report['succeeded']} solved, {report['failed']} failed, "
          f"{report['scenarios_per_minute']:.0f} scenarios/min on {report['jobs']} workers")
    for parameter in parameters:
        table = solved.groupby(parameter)[["objective_usd", "emissions_t", "grid_import_mwh", "grid_export_mwh"]].mean()
        print(f"\nmean by {parameter}:")
        print(table.to_string(float_format=lambda value: f"{value:,.1f}"))

    if not solved.empty:
        best = solved.loc[solved.objective_usd.idxmin()]
        own = steps[steps.scenario_id == best.scenario_id].assign(
            exchange_mw=lambda frame: frame.grid_import_mw + frame.grid_export_mw)
        busiest = own.nlargest(1, "exchange_mw")
        print(f"\ncheapest scenario: {best.scenario_name} ({best.scenario_id}), "
              f"cost {best.objective_usd:,.0f} USD, emissions {best.emissions_t:,.1f} t "
              f"(grid import {best.grid_import_mwh:,.0f} MWh, export {best.grid_export_mwh:,.0f} MWh)")
        if best.grid_import_mwh < 0.5:
            print("  no grid imports: the SMRs and solar cover the load, so grid emissions are 0 and the cost is negative "
                  "(export revenue)")
        if not busiest.empty:
            row = busiest.iloc[0]
            direction = "export" if row.grid_export_mw > row.grid_import_mw else "import"
            print(f"its busiest grid hour: {row.timestamp} with {max(row.grid_import_mw, row.grid_export_mw):.1f} MW {direction}")
        stored = scenarios.set_index("id").loc[best.scenario_id, "objective_usd"]
        if abs(stored - best.objective_usd) > 1e-6 * max(1.0, abs(stored)):
            problems.append(f"objective of {best.scenario_id}: summary.csv {best.objective_usd}, results.sqlite {stored}")

    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
