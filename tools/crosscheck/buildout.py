#!/usr/bin/env python3
"""Cross-check of a multi-period build-out (`insula plan` on a site with `periods`,
docs/formulation.md, section 16) against PyPSA's multi-investment-period optimisation.

Each period's network is built from its dumped inputs by `crosscheck.build_network` (the
topology the single-year cross-check uses), then the periods are stacked on PyPSA's two-level
snapshots (`n.investment_periods`): time series per period, the network's components shared.
Every sized renewable and backup generator becomes one PyPSA generator per vintage, with
`build_year` the period's year, `lifetime` its lifetime and `capital_cost` its annuity plus fixed
O&M at the costs of that period (so PyPSA charges it in every period it is active, weighted by
`investment_period_weightings["objective"]`); the existing amount stays as a non-extendable
generator in every period. Snapshot weights: `objective` = step hours / the horizon's years (a
year's operation per period), `generators` and `stores` = step hours; a battery starts each
period at its initial state (`e_initial_per_period`). Insula's objective adds the fixed O&M of the
existing plant, a constant PyPSA does not charge.

Compared: the objectives (1e-6 relative) and the capacity installed per period and asset (1e-4 of
the largest). Sites with rows PyPSA has no component for (busway chords, SMR ramps, caps,
training, batteries or grid connections to size) are refused.

    python3 tools/crosscheck/buildout.py [--insula .build/release/insula] [SITE.yaml ...]
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile

import numpy as np
import pandas as pd
import pypsa

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import crosscheck as cc  # noqa: E402

DEFAULT_SITES = [os.path.join(HERE, "buildout-sites", "plan-buildout.yaml")]
OBJECTIVE_TOLERANCE = 1e-6
CAPACITY_TOLERANCE = 1e-4


def component_name(build: dict) -> str:
    return f"{'renewable' if build['asset'] == 'renewable' else 'backup'}:{build['name']}"


def check_supported(inputs: dict) -> None:
    for build in inputs["builds"]:
        if build["asset"] not in ("renewable", "backup_generator"):
            raise cc.Unsupported(f"a build of {build['asset']} (this cross-check sizes renewables and backup generators)")
    if inputs["power_distribution"]["busway_loss_fraction_at_capacity"] > 0:
        raise cc.Unsupported("busway loss chords (set power_distribution.busway_loss_fraction_at_capacity: 0)")
    if inputs.get("smr") or inputs["training_jobs"] or inputs.get("aggregation"):
        raise cc.Unsupported("an SMR, training jobs or representative days")


def build_network(dump: dict) -> tuple[pypsa.Network, dict]:
    """The stacked multi-period network, and per period the existing amount of each build."""
    periods = dump["periods"]
    builts = []
    for period in periods:
        check_supported(period["inputs"])
        builts.append(cc.build_network(period["inputs"]))
    years = [period["year"] for period in periods]
    base = builts[0].network
    steps = len(base.snapshots)
    snapshots = pd.MultiIndex.from_product([years, range(steps)], names=["period", "timestep"])
    n = base.copy()
    n.set_snapshots(snapshots)
    n.set_investment_periods(years)
    n.investment_period_weightings.loc[:, "objective"] = [period["objective_weight"] for period in periods]
    n.investment_period_weightings.loc[:, "years"] = [float(period["years"]) for period in periods]
    hours = np.concatenate([np.full(steps, built.step_hours) for built in builts])
    horizon_years = np.concatenate([np.full(steps, steps * built.step_hours / 8760) for built in builts])
    n.snapshot_weightings = pd.DataFrame({"objective": hours / horizon_years, "stores": hours, "generators": hours},
                                         index=snapshots)
    # Time series: each period's own, stacked.
    for component in ["Generator", "Link", "Load", "Store", "StorageUnit"]:
        dynamic = n.components[component].dynamic
        for attribute, frame in base.components[component].dynamic.items():
            if frame.empty:
                continue
            stacked = pd.concat([built.network.components[component].dynamic[attribute][frame.columns] for built in builts])
            stacked.index = snapshots
            dynamic[attribute] = stacked
    # Static attributes that a period's overrides change: a marginal cost (a carbon price, a fuel
    # price) becomes a time series; a rating that differs is refused (PyPSA has one per component).
    for component in ["Generator", "Link", "Store"]:
        static = base.components[component].static
        for name in static.index:
            costs = [built.network.components[component].static.at[name, "marginal_cost"] for built in builts]
            if len(set(costs)) > 1:
                n.components[component].dynamic["marginal_cost"][name] = np.repeat(costs, steps)
            rating = "e_nom" if component == "Store" else "p_nom"
            if len({built.network.components[component].static.at[name, rating] for built in builts}) > 1:
                raise cc.Unsupported(f"{component} {name}: {rating} differs between periods")
    for store in n.stores.index:
        n.stores.loc[store, "e_initial_per_period"] = True
    # Vintages: one extendable generator per period and sized dimension.
    existing = {}
    for build in periods[0]["inputs"]["builds"]:
        name = component_name(build)
        existing[name] = build["existing"]
        n.generators.loc[name, ["p_nom_extendable", "p_nom", "capital_cost"]] = [False, build["existing"], 0.0]
        static = n.generators.loc[name]
        for period in periods:
            vintage = next(b for b in period["inputs"]["builds"] if component_name(b) == name)
            maximum = vintage["maximum"] if vintage["maximum"] is not None else np.inf
            n.add("Generator", f"{name}@{period['year']}", bus=static["bus"], carrier=static["carrier"],
                  marginal_cost=static["marginal_cost"], p_nom_extendable=True, p_nom_max=maximum - vintage["existing"],
                  capital_cost=vintage["annualised_capex_usd_per_unit_year"] + vintage["fixed_o_m_usd_per_unit_year"],
                  build_year=period["year"], lifetime=vintage["lifetime_years"])
            for attribute in ["p_max_pu", "p_min_pu", "marginal_cost"]:
                frame = n.generators_t[attribute]
                if name in frame.columns:
                    frame[f"{name}@{period['year']}"] = frame[name]
    return n, existing


def existing_fixed_om(dump: dict) -> float:
    """Insula's constant: each period's fixed O&M on the existing plant, weighted."""
    return sum(period["objective_weight"] * build["fixed_o_m_usd_per_unit_year"] * build["existing"]
               for period in dump["periods"] for build in period["inputs"]["builds"])


def installed(n: pypsa.Network, existing: dict, years: list[int]) -> dict:
    out = {}
    for name, amount in existing.items():
        for year in years:
            active = n.components["Generator"].get_active_assets(year)
            vintages = [g for g in n.generators.index if g.startswith(f"{name}@") and active[g]]
            out[(year, name)] = amount + float(n.generators.loc[vintages, "p_nom_opt"].sum())
    return out


def check_site(insula: str, site: str) -> bool:
    with tempfile.TemporaryDirectory() as folder:
        dump_path = os.path.join(folder, "inputs.json")
        run = subprocess.run([insula, "plan", site, "--out", os.path.join(folder, "run"), "--dump-inputs", dump_path, "--format", "json"],
                             capture_output=True, text=True)
        if run.returncode != 0:
            print(f"{site}: insula exited {run.returncode}: {run.stderr.strip()}")
            return False
        summary = json.loads(run.stdout)
        with open(dump_path) as handle:
            dump = json.load(handle)
        plan = pd.read_csv(os.path.join(folder, "run", "build_plan.csv"))
    n, existing = build_network(dump)
    status, condition = n.optimize(solver_name="highs", multi_investment_periods=True)
    if status != "ok":
        print(f"{site}: PyPSA {status} ({condition})")
        return False
    pypsa_objective = float(n.objective) + existing_fixed_om(dump)
    insula_objective = summary["npv_total_cost_usd"]
    gap = abs(pypsa_objective - insula_objective) / max(1.0, abs(insula_objective))
    years = [period["year"] for period in dump["periods"]]
    capacities = installed(n, existing, years)
    largest = max([1.0] + [abs(v) for v in capacities.values()])
    worst = 0.0
    for (year, name), value in capacities.items():
        asset = "renewable" if name.startswith("renewable:") else "backup_generator"
        row = plan[(plan.period == year) & (plan.asset == asset) & (plan.name == name.split(":", 1)[1])]
        worst = max(worst, abs(float(row.installed.iloc[0]) - value) / largest)
        print(f"  {year} {name:18s} insula {float(row.installed.iloc[0]):12.4f}  pypsa {value:12.4f}")
    ok = gap <= OBJECTIVE_TOLERANCE and worst <= CAPACITY_TOLERANCE
    print(f"{os.path.basename(site)}: NPV insula {insula_objective:,.2f} USD, PyPSA {pypsa_objective:,.2f} USD "
          f"(relative {gap:.1e}); capacities within {worst:.1e} of the largest: {'agree' if ok else 'DISAGREE'}")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--insula", default=os.path.join(HERE, "..", "..", ".build", "release", "insula"))
    parser.add_argument("sites", nargs="*", default=DEFAULT_SITES)
    arguments = parser.parse_args()
    results = [check_site(arguments.insula, site) for site in arguments.sites]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
