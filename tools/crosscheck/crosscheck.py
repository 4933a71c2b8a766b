#!/usr/bin/env python3
"""Cross-check Insula against an independent model built with PyPSA (and solved by linopy).

For each site: run `insula solve SITE --dump-inputs inputs.json`, build the equivalent PyPSA
network from the dump (every series already aligned by Insula's loader), solve it with GLPK
and with HiGHS, and compare the objective (relative difference at most 1e-6), the energy by
source and the emissions with Insula's summary. Wall times of both tools are printed side by
side. Exit status 1 when any comparison fails.

Usage: crosscheck.py --insula PATH SITE.yaml [SITE.yaml ...] [--solvers glpk,highs] [--json FILE]

The mapping (docs/validation.md has the full table):
  buses        ac (point of common coupling), it (800 V DC bus or UPS input), racks (54 V),
               heat (heat to remove), one per SMR / DC renewable / battery / job
  SMR          Generator (p_min_pu = minimum stable load, ramp limits) + Link to its bus
               (rectifier for dc800)
  grid feed    Generator for import priced at price + carbon price x intensity; Generator with
               p in [-export capacity, 0] priced at min(export, import price) for export
  solar, wind  Generator with p_max_pu = capacity factor (+ DC/DC Link when DC-coupled)
  battery      Store (SOC bounds, initial and final SOC) + charge and discharge Links whose
               efficiencies combine the battery's and its converter's
  link         two Links ac->it and it->ac (solid-state transformer or transformer)
  racks        Link it->racks (final-stage efficiency, capacity = IT capacity) whose bus2 draws
               1 MW of heat removal per MW drawn from the IT bus
  cooling      Link ac->heat with time-varying efficiency COP x cooling-transformer efficiency
  inference    Load on racks (+ a shedding Generator priced at the value of lost service)
  training     Link racks->job (available only between release and deadline) into a Store that
               must be full (e_min_pu = 1) from the last step of its window; a penalty
               Generator supplies undelivered energy at the job's penalty per MWh
  carbon cap   linopy constraint (extra_functionality): time-varying intensities
  intensity    linopy constraint: emissions <= cap x IT energy
"""

from __future__ import annotations

import argparse
import json
import logging
import math
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field

import warnings

import numpy as np
import pandas as pd
import pypsa

warnings.filterwarnings("ignore", category=FutureWarning)

RELATIVE_OBJECTIVE_TOLERANCE = 1e-6
# Energies and emissions may differ between optimal solutions of a degenerate LP only by
# amounts the objective cannot see; they are compared at this share of the site's total
# supplied energy (emissions: of the emissions at the largest intensity).
RELATIVE_ENERGY_TOLERANCE = 1e-4

ENERGY_KEYS = ["smr_mwh", "grid_import_mwh", "grid_export_mwh", "solar_mwh", "wind_mwh", "backup_mwh"]


class Unsupported(Exception):
    """The site uses a feature the cross-check does not express in PyPSA."""


def unsupported_features(d: dict) -> list[str]:
    """Features of the dump that this mapping does not model (docs/validation.md)."""
    problems = []
    pd_ = d["power_distribution"]
    if pd_["busway_loss_fraction_at_capacity"] != 0:
        problems.append("busway I2R loss (set power_distribution.busway_loss_fraction_at_capacity: 0)")
    if d["it_fleet"]["idle_fraction"] != 0:
        problems.append("idle power (it_fleet.idle_fraction)")
    smr = d.get("smr")
    if smr and smr["commitment"] != "linear":
        problems.append("integer SMR commitment (a MILP)")
    if smr and smr["outage_count"] > 0:
        problems.append("SMR outages (ramp allowance when units leave or return)")
    if any(f["demand_charge_usd_per_mw"] > 0 for f in d["grid_feeds"]):
        problems.append("demand charges")
    if d["carbon"].get("cfe_target_share") is not None:
        problems.append("24/7 CFE target")
    if d.get("limits_import_limit_mw") is not None or d.get("limits_ramp_limit_mw_per_hour") is not None:
        problems.append("site import and ramp limits")
    return problems


@dataclass
class Built:
    network: pypsa.Network
    emission_terms: list = field(default_factory=list)  # (component, name, t/MW per step series)
    rack_link: str = "racks"
    carbon: dict = field(default_factory=dict)
    step_hours: float = 1.0


def build_network(d: dict) -> Built:
    """The PyPSA network equivalent to the Insula LP of the dumped site."""
    problems = unsupported_features(d)
    if problems:
        raise Unsupported("; ".join(problems))
    steps = d["horizon"]["steps"]
    hours = d["horizon"]["step_hours"]
    snapshots = pd.RangeIndex(steps, name="snapshot")
    n = pypsa.Network()
    n.set_snapshots(snapshots)
    n.snapshot_weightings = n.snapshot_weightings.astype(float)
    n.snapshot_weightings.loc[:, :] = hours
    dist = d["power_distribution"]
    dc = dist["architecture"] == "dc800"
    carbon_price = d["carbon"]["price_usd_per_t"]
    built = Built(network=n, carbon=d["carbon"], step_hours=hours)
    big = 1e6

    def series(values) -> pd.Series:
        return pd.Series(np.asarray(values, dtype=float), index=snapshots)

    for bus in ["ac", "it", "racks", "heat"]:
        n.add("Bus", bus, carrier="AC")

    # Link between the AC bus and the IT bus, one Link per direction.
    n.add("Link", "link_forward", bus0="ac", bus1="it", p_nom=dist["bus_capacity_mw"], efficiency=dist["link_efficiency"])
    n.add("Link", "link_reverse", bus0="it", bus1="ac", p_nom=dist["bus_capacity_mw"], efficiency=dist["link_efficiency"])

    # SMR fleet: must-run between minimum stable load and the available units.
    smr = d.get("smr")
    if smr:
        capacity = smr["units"] * smr["capacity_mw_per_unit"]
        available = np.asarray(smr["available_units"], dtype=float) / smr["units"]
        ramp = smr["ramp_fraction_per_hour"] * hours
        bus = "smr" if dc else "ac"
        if dc:
            n.add("Bus", "smr", carrier="AC")
            n.add("Link", "smr_rectifier", bus0="smr", bus1="it", p_nom=big, efficiency=dist["smr_rectifier_efficiency"])
        n.add("Generator", "smr", bus=bus, p_nom=capacity,
              p_max_pu=series(available), p_min_pu=series(available * smr["min_stable_load_fraction"]),
              marginal_cost=smr["marginal_cost_usd_per_mwh"] + carbon_price * smr["emission_factor_g_per_kwh"] / 1000,
              ramp_limit_up=ramp if ramp < 1 else math.nan, ramp_limit_down=ramp if ramp < 1 else math.nan)
        if smr["emission_factor_g_per_kwh"] > 0:
            built.emission_terms.append(("Generator", "smr", series(np.full(steps, smr["emission_factor_g_per_kwh"] * hours / 1000))))

    # Grid feeds: import priced with carbon, export at the clamped export price.
    for feed in d["grid_feeds"]:
        name = feed["name"]
        price = np.asarray(feed["import_price_usd_per_mwh"])
        intensity = np.asarray(feed["carbon_intensity_g_per_kwh"])
        limit = np.asarray(feed["import_limit_mw"])
        import_nom = max(feed["import_capacity_mw"], 1e-9)
        n.add("Generator", f"import:{name}", bus="ac", p_nom=import_nom, p_max_pu=series(limit / import_nom),
              marginal_cost=series(price + carbon_price * intensity / 1000))
        built.emission_terms.append(("Generator", f"import:{name}", series(intensity * hours / 1000)))
        if feed["export_capacity_mw"] > 0:
            export_price = np.minimum(np.asarray(feed["export_price_usd_per_mwh"]), price)
            n.add("Generator", f"export:{name}", bus="ac", p_nom=feed["export_capacity_mw"], p_min_pu=-1.0, p_max_pu=0.0,
                  marginal_cost=series(export_price))

    # Renewables: curtailable, through a DC/DC stage when DC-coupled.
    for renewable in d["renewables"]:
        name = renewable["name"]
        bus = "ac"
        if renewable["coupling"] == "dc" and dc:
            bus = f"renewable:{name}"
            n.add("Bus", bus, carrier="AC")
            n.add("Link", f"dcdc:{name}", bus0=bus, bus1="it", p_nom=big, efficiency=dist["dc_dc_efficiency"])
        n.add("Generator", f"renewable:{name}", bus=bus, p_nom=renewable["capacity_mw"],
              p_max_pu=series(renewable["capacity_factor"]), marginal_cost=0.0, carrier=renewable["kind"])

    # Batteries: a Store for the energy; charge and discharge Links through the converter.
    for battery in d["batteries"]:
        name = battery["name"]
        converter = dist["dc_dc_efficiency"] if (battery["coupling"] == "dc" and dc) else dist["storage_inverter_efficiency"]
        bus = "it" if (battery["coupling"] == "dc" and dc) else "ac"
        store_bus = f"battery:{name}"
        energy = battery["energy_mwh"]
        n.add("Bus", store_bus, carrier="AC")
        e_min = np.full(steps, battery["soc_min_fraction"])
        final = battery["initial_soc_fraction"] if battery["final_soc"] == "cyclic" else float(battery["final_soc"])
        e_min[-1] = max(e_min[-1], final)
        n.add("Store", store_bus, bus=store_bus, e_nom=energy, e_min_pu=series(e_min),
              e_max_pu=series(np.full(steps, battery["soc_max_fraction"])),
              e_initial=battery["initial_soc_fraction"] * energy, e_cyclic=False)
        # Charge c at the terminals draws c / converter from the bus and stores eta_c x c.
        n.add("Link", f"charge:{name}", bus0=bus, bus1=store_bus, p_nom=battery["charge_power_mw"] / converter,
              efficiency=battery["charge_efficiency"] * converter)
        # Discharge d at the terminals takes d / eta_d from the store and delivers converter x d.
        eta_d = battery["discharge_efficiency"]
        n.add("Link", f"discharge:{name}", bus0=store_bus, bus1=bus, p_nom=battery["discharge_power_mw"] / eta_d,
              efficiency=eta_d * converter, marginal_cost=battery["throughput_cost_usd_per_mwh"] * eta_d)

    for generator in d["backup_generators"]:
        n.add("Generator", f"backup:{generator['name']}", bus="ac", p_nom=generator["capacity_mw"],
              marginal_cost=generator["marginal_cost_usd_per_mwh"] + carbon_price * generator["emission_factor_g_per_kwh"] / 1000)
        if generator["emission_factor_g_per_kwh"] > 0:
            built.emission_terms.append(("Generator", f"backup:{generator['name']}",
                                         series(np.full(steps, generator["emission_factor_g_per_kwh"] * hours / 1000))))

    # Racks: drawing P from the IT bus delivers eta_f x P to the racks and needs P of heat removed.
    eta_f = dist["bus_to_rack_efficiency"]
    it_capacity = d["it_fleet"]["capacity_mw"]
    n.add("Link", "racks", bus0="it", bus1="racks", bus2="heat", p_nom=it_capacity / eta_f, efficiency=eta_f, efficiency2=-1.0)
    # Cooling: 1 MW from the AC bus removes COP x transformer efficiency MW of heat.
    cop = np.asarray(d["cop"]) * dist["cooling_transformer_efficiency"]
    n.add("Link", "cooling", bus0="ac", bus1="heat", p_nom=big, efficiency=series(cop))

    demand = np.asarray(d["inference_demand_mw"], dtype=float)
    n.add("Load", "inference", bus="racks", p_set=series(demand))
    voll = d.get("inference_value_of_lost_service_usd_per_mwh")
    if voll is not None and demand.max() > 0:
        n.add("Generator", "inference_shed", bus="racks", p_nom=demand.max(), p_max_pu=series(demand / demand.max()),
              marginal_cost=voll)

    # Training jobs: energy by the deadline, power only inside the window.
    for job in d["training_jobs"]:
        name = job["name"]
        first, last = job["first_step"], job["last_step"]
        window = np.zeros(steps)
        window[first:last + 1] = 1.0
        bus = f"job:{name}"
        n.add("Bus", bus, carrier="AC")
        maximum = job["max_power_mw"]
        n.add("Link", f"train:{name}", bus0="racks", bus1=bus, p_nom=maximum, efficiency=1.0,
              p_max_pu=series(window), p_min_pu=series(window * job["min_power_mw"] / maximum))
        full = np.zeros(steps)
        full[last:] = 1.0
        n.add("Store", bus, bus=bus, e_nom=job["energy_mwh"], e_min_pu=series(full), e_initial=0.0, e_cyclic=False)
        penalty = job.get("undelivered_penalty_usd_per_mwh")
        if penalty is not None:
            # Undelivered MWh as power in the last window step: x MW supplies x h MWh at penalty x h.
            at_last = np.zeros(steps)
            at_last[last] = 1.0
            n.add("Generator", f"undelivered:{name}", bus=bus, p_nom=job["energy_mwh"] / hours,
                  p_max_pu=series(at_last), marginal_cost=penalty)
    return built


SOURCE_PREFIXES = {"smr_mwh": ("smr",), "grid_import_mwh": ("import:",), "grid_export_mwh": ("export:",),
                   "solar_mwh": ("renewable:",), "wind_mwh": ("renewable:",), "backup_mwh": ("backup:",)}


def source_generators(network: pypsa.Network, key: str) -> list[str]:
    """The generators whose energy Insula reports under `key`."""
    names = [name for name in network.generators.index if name.startswith(SOURCE_PREFIXES[key])]
    if key in ("solar_mwh", "wind_mwh"):
        names = [name for name in names if network.generators.at[name, "carrier"] == key.split("_")[0]]
    return names


def carbon_constraints(built: Built, pinned: dict | None = None):
    """extra_functionality: the carbon and intensity caps with time-varying intensities, and
    (`pinned`) energies by source fixed at given MWh, to test an alternative optimum."""

    def add(network, snapshots):
        model = network.model
        p = model.variables["Generator-p"]
        dimension = [dim for dim in p.dims if dim != "snapshot"][0]
        for key, mwh in (pinned or {}).items():
            names = source_generators(network, key)
            if names:
                sign = -1.0 if key == "grid_export_mwh" else 1.0
                model.add_constraints((p.sel({dimension: names}) * (sign * built.step_hours)).sum() == mwh, name=f"pin_{key}")
        carbon = built.carbon
        if carbon.get("cap_t") is None and carbon.get("intensity_cap_g_per_kwh_it") is None:
            return
        emissions = 0
        for _, name, coefficients in built.emission_terms:
            emissions = emissions + (p.sel({dimension: name}) * coefficients.values).sum()
        if carbon.get("cap_t") is not None:
            model.add_constraints(emissions <= carbon["cap_t"], name="carbon_cap")
        if carbon.get("intensity_cap_g_per_kwh_it") is not None:
            link = model.variables["Link-p"]
            link_dimension = [dim for dim in link.dims if dim != "snapshot"][0]
            eta_f = network.links.at[built.rack_link, "efficiency"]
            it_energy = (link.sel({link_dimension: built.rack_link}) * (eta_f * built.step_hours)).sum()
            cap = carbon["intensity_cap_g_per_kwh_it"] / 1000
            model.add_constraints(emissions - cap * it_energy <= 0, name="carbon_intensity_cap")

    return add


def results(built: Built) -> dict:
    """Energy by source (MWh) and emissions (t) of the solved network, as Insula names them."""
    n = built.network
    hours = built.step_hours
    p = n.generators_t.p
    out = {key: 0.0 for key in ENERGY_KEYS}
    for name in n.generators.index:
        energy = float(p[name].sum() * hours)
        if name == "smr":
            out["smr_mwh"] += energy
        elif name.startswith("import:"):
            out["grid_import_mwh"] += energy
        elif name.startswith("export:"):
            out["grid_export_mwh"] += -energy
        elif name.startswith("renewable:"):
            out["solar_mwh" if n.generators.at[name, "carrier"] == "solar" else "wind_mwh"] += energy
        elif name.startswith("backup:"):
            out["backup_mwh"] += energy
    emissions = 0.0
    for _, name, coefficients in built.emission_terms:
        emissions += float((p[name] * coefficients).sum())
    out["emissions_t"] = emissions
    return out


class QuietOutput:
    """Sends the solvers' own output (written by C code to fd 1 and 2) to /dev/null."""

    def __enter__(self):
        sys.stdout.flush()
        sys.stderr.flush()
        self.saved = [os.dup(1), os.dup(2)]
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        os.dup2(null, 2)
        os.close(null)

    def __exit__(self, *_):
        sys.stdout.flush()
        sys.stderr.flush()
        for descriptor, saved in zip((1, 2), self.saved):
            os.dup2(saved, descriptor)
            os.close(saved)


def solve_pypsa(dump: dict, solver: str, pinned: dict | None = None) -> tuple[dict, float, float]:
    """Builds and solves the network; returns (results incl. objective, build s, solve s)."""
    start = time.perf_counter()
    built = build_network(dump)
    build_seconds = time.perf_counter() - start
    options = {"highs": {"threads": 1, "primal_feasibility_tolerance": 1e-9, "dual_feasibility_tolerance": 1e-9}, "glpk": {}}[solver]
    start = time.perf_counter()
    with QuietOutput():
        status, condition = built.network.optimize(solver_name=solver, solver_options=options,
                                                   extra_functionality=carbon_constraints(built, pinned))
    solve_seconds = time.perf_counter() - start
    if status != "ok":
        raise RuntimeError(f"PyPSA with {solver}: {status} ({condition})")
    out = results(built)
    out["objective_usd"] = float(built.network.objective + getattr(built.network, "objective_constant", 0.0))
    return out, build_seconds, solve_seconds


def run_insula(insula: str, site: str, folder: str) -> tuple[dict, dict, float]:
    dump_path = os.path.join(folder, "inputs.json")
    start = time.perf_counter()
    process = subprocess.run([insula, "solve", site, "--out", os.path.join(folder, "run"), "--format", "json",
                              "--dump-inputs", dump_path], capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if process.returncode != 0:
        raise RuntimeError(f"insula solve {site} exited {process.returncode}: {process.stderr.strip()}")
    with open(dump_path) as handle:
        dump = json.load(handle)
    return json.loads(process.stdout), dump, seconds


def relative(a: float, b: float, scale: float) -> float:
    return abs(a - b) / max(abs(scale), 1e-9)


def check_site(insula: str, site: str, solvers: list[str]) -> dict:
    with tempfile.TemporaryDirectory(prefix="insula-crosscheck-") as folder:
        summary, dump, insula_seconds = run_insula(insula, site, folder)
    total_energy = sum(summary.get(key, 0.0) for key in ENERGY_KEYS) + summary.get("battery_discharge_mwh", 0.0)
    report = {"site": site, "insula": {"objective_usd": summary["objective_usd"], "wall_seconds": insula_seconds,
                                       "solve_seconds": summary["solve_seconds"], "build_seconds": summary["build_seconds"],
                                       "carbon_shadow_price_usd_per_t": summary.get("carbon_shadow_price_usd_per_t", 0.0),
                                       "emissions_t": summary["emissions_t"], "steps": summary["steps"]},
              "solvers": {}, "failures": []}
    for solver in solvers:
        out, build_seconds, solve_seconds = solve_pypsa(dump, solver)
        objective_difference = relative(out["objective_usd"], summary["objective_usd"], summary["objective_usd"])
        entry = {"objective_usd": out["objective_usd"], "objective_relative_difference": objective_difference,
                 "build_seconds": build_seconds, "solve_seconds": solve_seconds, "energy_differences_mwh": {}}
        if objective_difference > RELATIVE_OBJECTIVE_TOLERANCE:
            report["failures"].append(f"{solver}: objective {out['objective_usd']:.6f} vs Insula {summary['objective_usd']:.6f} "
                                      f"(relative difference {objective_difference:.2e} > {RELATIVE_OBJECTIVE_TOLERANCE:g})")
        mismatched = {}
        for key in ENERGY_KEYS:
            difference = out[key] - summary.get(key, 0.0)
            entry["energy_differences_mwh"][key] = difference
            if relative(out[key], summary.get(key, 0.0), total_energy) > RELATIVE_ENERGY_TOLERANCE:
                mismatched[key] = summary.get(key, 0.0)
        entry["emissions_difference_t"] = out["emissions_t"] - summary["emissions_t"]
        emissions_scale = max(summary["emissions_t"], total_energy * 1e-3 * 0.5)
        emissions_differ = relative(out["emissions_t"], summary["emissions_t"], emissions_scale) > RELATIVE_ENERGY_TOLERANCE
        if mismatched or emissions_differ:
            # A degenerate LP has many optimal dispatches. Pin PyPSA's energies to Insula's and
            # re-solve: if the optimum is unchanged, Insula's dispatch is another optimum.
            pinned_out, _, _ = solve_pypsa(dump, solver, pinned={key: summary.get(key, 0.0) for key in ENERGY_KEYS})
            pinned_difference = relative(pinned_out["objective_usd"], summary["objective_usd"], summary["objective_usd"])
            pinned_emissions = relative(pinned_out["emissions_t"], summary["emissions_t"], emissions_scale)
            entry["alternative_optimum"] = {"pinned_sources": sorted(mismatched), "objective_relative_difference": pinned_difference}
            if pinned_difference > RELATIVE_OBJECTIVE_TOLERANCE or pinned_emissions > RELATIVE_ENERGY_TOLERANCE:
                for key in mismatched:
                    report["failures"].append(f"{solver}: {key} {out[key]:.4f} vs Insula {summary.get(key, 0.0):.4f} MWh, "
                                              f"and pinning Insula's energies changes the optimum by {pinned_difference:.2e}")
                if emissions_differ or pinned_emissions > RELATIVE_ENERGY_TOLERANCE:
                    report["failures"].append(f"{solver}: emissions {out['emissions_t']:.6f} vs Insula {summary['emissions_t']:.6f} t")
        report["solvers"][solver] = entry
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sites", nargs="+")
    parser.add_argument("--insula", required=True, help="path of the insula executable")
    parser.add_argument("--solvers", default="glpk,highs")
    parser.add_argument("--json", help="also write the reports as JSON to this file")
    arguments = parser.parse_args()
    logging.getLogger("pypsa").setLevel(logging.ERROR)
    logging.getLogger("linopy").setLevel(logging.ERROR)
    solvers = arguments.solvers.split(",")
    reports, failed = [], False
    header = f"{'site':<28} {'steps':>6} {'objective USD (Insula)':>24} " + " ".join(
        f"{solver + ' rel. diff':>16}" for solver in solvers) + f" {'Insula s':>9} {'(solve)':>8} " + " ".join(
        f"{'PyPSA+' + solver + ' s':>15} {'(solve)':>8}" for solver in solvers)
    print(header)
    print("  (wall s: whole run incl. loading; solve s: the solver call alone, PyPSA's includes linopy writing the model)")
    for site in arguments.sites:
        try:
            report = check_site(arguments.insula, site, solvers)
        except Exception as error:  # a site that cannot be checked is a failure, with the reason
            print(f"{os.path.basename(site):<28} FAILED: {error}")
            reports.append({"site": site, "failures": [str(error)]})
            failed = True
            continue
        reports.append(report)
        insula = report["insula"]
        row = f"{os.path.basename(site):<28} {insula['steps']:>6} {insula['objective_usd']:>24.4f} " + " ".join(
            f"{report['solvers'][s]['objective_relative_difference']:>16.2e}" for s in solvers)
        row += f" {insula['wall_seconds']:>9.2f} {insula['solve_seconds']:>8.3f} " + " ".join(
            f"{report['solvers'][s]['build_seconds'] + report['solvers'][s]['solve_seconds']:>15.2f} "
            f"{report['solvers'][s]['solve_seconds']:>8.2f}" for s in solvers)
        print(row)
        for solver in solvers:
            alternative = report["solvers"][solver].get("alternative_optimum")
            if alternative and alternative["objective_relative_difference"] <= RELATIVE_OBJECTIVE_TOLERANCE:
                print(f"    {solver}: energies of {', '.join(alternative['pinned_sources'])} differ; with them pinned to "
                      f"Insula's the optimum moves by {alternative['objective_relative_difference']:.1e} "
                      "(an alternative optimum of a degenerate LP)")
        for failure in report["failures"]:
            print(f"    MISMATCH {failure}")
        failed = failed or bool(report["failures"])
    if arguments.json:
        with open(arguments.json, "w") as handle:
            json.dump(reports, handle, indent=2)
    print("cross-check " + ("FAILED" if failed else "passed") + f" on {len(reports)} sites")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
