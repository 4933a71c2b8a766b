#!/usr/bin/env python3
"""Cross-check Insula against an independent model built with PyPSA (and solved by linopy).

For each site: run `insula solve SITE --dump-inputs inputs.json`, build the equivalent PyPSA
network from the dump (every series already aligned by Insula's loader), add the rows PyPSA has
no component for as linopy constraints, solve with GLPK and with HiGHS, and compare the
objective, the energy by source and the emissions with Insula's summary. Exit status 1 when
any comparison fails.

Usage:
  crosscheck.py --insula PATH [--solvers glpk,highs] [--json FILE] SITE.yaml [SITE.yaml ...]
  an argument NAME.scenarios.yaml is a two-stage stochastic plan of NAME.yaml (same folder),
  `insula plan NAME.yaml --scenarios NAME.scenarios.yaml`, rebuilt with PyPSA's set_scenarios
  and set_risk_preference and compared by stochastic.py (its docstring; docs/validation.md)
  crosscheck.py --insula PATH --time-only [--solvers highs] [--json FILE] SITE.yaml [...]
  crosscheck.py --insula PATH --headroom [--budgets 0.25,0.5,1,5] [--solvers ...] SITE.yaml [...]
              `insula flex headroom` (formulation 4.12): stage 1, the smallest firm import per budget,
              rebuilt in PyPSA from Insula's dump and reference import; agreement within 1e-6 of the peak
  the first two take --mip-gap G (relative MIP gap of the PyPSA solve; default 1e-8, with --time-only
  1e-4, Insula's own) and --time-limit SECONDS (per PyPSA solve).

Comparison (docs/validation.md, section 1):
  objective   relative difference at most 1e-6. With integer SMR commitment (a MILP) Insula
              stops at GLPK's relative gap (1e-4), so a larger difference passes only when the
              two solvers' [bound, incumbent] intervals overlap (within 1e-6), and is reported.
  energies    by source (SMR, import, export, solar, wind, backup) and emissions, within 1e-4
              of the site's supplied energy; otherwise PyPSA is re-solved with those energies
              pinned to Insula's, and an unchanged optimum proves Insula's an alternative one.

Timing: `build` is the PyPSA network plus the linopy model with every extra row; for HiGHS
(linopy's direct API, no file) `solve` is HiGHS's own run clock (`Highs.getRunTime()`, the
time inside `Highs.run()`) and `interface` the rest of linopy's solve call (passing the
matrices to highspy and reading the solution back); for GLPK `solve` is linopy's whole solve
call, including writing the LP file and glpsol reading it.

--time-only (for `insula bench solve`): Insula only writes the dump (run with `--max-nonzeros 1`,
so the site is refused right after the dump is written and nothing is compiled or solved), then
the PyPSA model is built and solved by the first solver in --solvers (HiGHS, one thread).
Nothing is compared. The --json file holds a list, one object per site, with these stable keys:
  site                    the site path as given
  status                  "optimal", another linopy termination condition, or "error"
  objective_usd           the solver's objective (null unless a solution was found)
  solver                  "highs" (or the solver used)
  steps                   horizon steps
  integer                 true when the model has integer columns (SMR integer commitment)
  mip_gap                 the solver's final relative MIP gap (null for an LP); the target is
                          --mip-gap, 1e-4 by default here as in Insula
  rows, columns           linopy constraints and variables (after PyPSA's own)
  insula_dump_seconds     wall time of `insula solve ... --dump-inputs` (load + dump)
  pypsa_build_seconds     PyPSA network + linopy model (all rows), as `build` above
  highs_interface_seconds linopy -> highspy and back, as `interface` above
  highs_solve_seconds     HiGHS's run clock, as `solve` above
  total_seconds           wall time of the whole site: dump + build + interface + solve
  error                   the message, only when status is "error"
Exit status 1 if any site ends with an error or without an optimal solution.

The mapping (docs/validation.md has the full table):
  buses        ac (point of common coupling), it (800 V DC bus or UPS input), racks (54 V work),
               heat (heat to remove), one per SMR / DC renewable / battery / job
  SMR          Generator (p_min_pu = min stable load x A[t]/units for linear commitment, 0 for
               integer) + Link to its bus (rectifier for dc800); ramp rows with the outage
               allowance as linopy constraints; integer commitment: an integer count of online
               units with max-output, min-stable-load, transition and min up/down rows
  grid feed    Generator for import priced at price + carbon price x intensity; Generator with
               p in [-export capacity, 0] priced at min(export, import price) for export;
               demand charge: a peak variable per feed >= every step's import, in the objective
  solar, wind  Generator with p_max_pu = capacity factor (+ DC/DC Link when DC-coupled)
  battery      Store (SOC bounds, initial and final SOC) + charge and discharge Links whose
               efficiencies combine the battery's and its converter's
  link         two Links ac->it and it->ac (solid-state transformer or transformer)
  racks        Link it->racks delivering work (efficiency eta_f / (1 - idle), so its input is
               (1 - idle) x work / eta_f) whose bus2 draws 1 MW of heat removal per MW drawn
               from the IT bus; the idle draw idle x cap / eta_f is a Load on `it` and on `heat`
  busway loss  Link it->heat (efficiency -1: the loss is drawn from the IT bus and must be
               cooled), p_nom = loss at bus capacity, and one chord row per segment
  cooling      Link ac->heat with time-varying efficiency COP x cooling-transformer efficiency
  inference    Load on racks (+ a shedding Generator priced at the value of lost service)
  training     Link racks->job (available only between release and deadline, and inside a hard
               run window) into a Store that must be full (e_min_pu = 1) from the last step of
               its window; a penalty Generator supplies undelivered energy at the job's penalty
               per MWh; a window share, a group cap and a pause model (running flags, binary for
               `exact`, starts, min run) are linopy rows; restart energy leaves the store by a
               drain Generator in the job's last step tied to the starts, lost time by a
               per-step drain Generator held to the steps after a start (formulation 4.13)
  capping      per capped operating point (power fraction p, work e = f/p per MWh drawn) a Link
               it->workload (inference bus, or the job's bus) with efficiency e eta_f / (1 - idle/p)
               and the same heat on bus2: x MW drawn at the racks takes x (1 - idle/p) / eta_f
               from the IT bus (the racks it occupies no longer idle) and does e x of work.
               Inference then has its own bus fed by a racks->inference Link at full power.
               Rows: full-power work + sum_k x_k / p_k <= IT capacity (all workloads); per job,
               the same <= max_power_mw and x_full + sum_k x_k >= min_power_mw
  carbon       cap and intensity cap as linopy constraints (time-varying intensities)
  CFE          matched variable per step <= clean supply and <= consumption; target row
  site limits  import limit over all feeds; ramp rows on the net site intake
  builds       (capacity planning, `insula plan`) PyPSA's own extendables: renewables and backups
               as extendable Generators, the SMR fleet as an extendable Generator (modular,
               p_nom_mod = module MW, when the count is integer) whose ramp rows scale with
               p_nom, battery energy as an extendable Store (its initial energy, a fraction of
               e_nom, injected at the first step by a Generator tied to e_nom), battery power as
               both Links extendable with their ratings tied, and a grid connection as a linopy
               variable added to both directions' limits; capital_cost = the horizon's share of
               annualised capex + fixed O&M; the sunk capex of existing capacity is subtracted
  representative days (`insula plan` with an `aggregation` section, formulation 15): the dump is
               of the representative periods; snapshot weightings (objective, generators, stores)
               are step hours x each step's weight, so costs, energies and the jobs' stores count
               every day a representative stands for; emission and IT-energy sums carry the
               weights; ramp rows skip each period's first step and tie it to the last step of
               the period before it in time (add_transitions); batteries lose their Store for a
               Generator on the store bus and linopy rows linking the state across the original
               periods, bounded per hour of every original period (add_linked_storage). Insula's
               estimate (verification.json) is what is compared.
Not expressed: a per-step thermal IT capacity (sites with a `thermal` section are refused: the
dump has neither the per-step capacity nor the training capacity weight).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import subprocess
import sys
import tempfile
import time
import warnings
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pypsa

warnings.filterwarnings("ignore", category=FutureWarning)

RELATIVE_OBJECTIVE_TOLERANCE = 1e-6
# Energies and emissions may differ between optimal solutions of a degenerate LP only by
# amounts the objective cannot see; they are compared at this share of the site's total
# supplied energy (emissions: of the emissions at the largest intensity).
RELATIVE_ENERGY_TOLERANCE = 1e-4
# HiGHS's relative MIP gap when comparing (its default, 1e-4, is too loose for a 1e-6
# comparison), and under --time-only (Insula's own GLPK gap, so a benchmark compares like with like).
CHECK_MIP_RELATIVE_GAP = 1e-8
TIMING_MIP_RELATIVE_GAP = 1e-4

ENERGY_KEYS = ["smr_mwh", "grid_import_mwh", "grid_export_mwh", "solar_mwh", "wind_mwh", "backup_mwh"]


class Unsupported(Exception):
    """The site uses a feature the cross-check does not express in PyPSA."""


def unsupported_features(site_path: str, d: dict) -> list[str]:
    """Features this mapping does not model (docs/validation.md)."""
    problems = []
    with open(site_path, encoding="utf-8") as handle:
        text = handle.read()
        if re.search(r"^thermal\s*:", text, flags=re.MULTILINE):
            problems.append("thermal IT capacity derating (the dump has no per-step it_capacity_mw "
                            "nor training_capacity_weight)")
        if re.search(r"^heat_reuse\s*:", text, flags=re.MULTILINE):
            problems.append("heat reuse (formulation 4.10 is not expressed)")
        if re.search(r"^\s+water\s*:", text, flags=re.MULTILINE):
            problems.append("a wet tower's water price or cap (formulation 4.9 is not expressed)")
    if d["it_fleet"]["idle_fraction"] >= 1:
        problems.append("idle_fraction of 1")
    if d["carbon"].get("cap_basis", "location") == "market" and (d["carbon"].get("cap_t") is not None
                                                             or d["carbon"].get("intensity_cap_g_per_kwh_it") is not None):
        problems.append("a market-based carbon cap (PPA cover rows are not expressed)")
    return problems


@dataclass
class Built:
    network: pypsa.Network
    dump: dict
    builds: dict = field(default_factory=dict)  # (asset, name, dimension) -> build entry of the dump
    emission_terms: list = field(default_factory=list)  # (generator name, t/MW per step series) at the decision factor
    location_terms: list = field(default_factory=list)  # the same at the location-based (average) factor, as reported
    step_hours: float = 1.0
    idle_bus_mw: float = 0.0  # idle x cap / eta_f: the constant IT-bus draw of idle racks
    rack_efficiency: float = 1.0  # work per MW drawn by the racks Link
    busway: bool = False
    integer: bool = False
    # Power capping (section 4.14): Links drawing from the IT bus at a capped operating point,
    # with the full-power MW of racks each MW of Link input occupies; per training job, its
    # capped Links, the job's window mask and its racks and minimum-power limits.
    capped_links: list = field(default_factory=list)  # (link name, racks per MW of input)
    capped_jobs: list = field(default_factory=list)  # (job dict, [(link name, drawn MW per MW input, racks per MW input)], window)
    # Representative periods (insula plan with representative days, formulation 15): the dump's
    # `aggregation` block, and per step the horizon steps it stands for (ones otherwise).
    aggregation: dict | None = None
    weights: np.ndarray | None = None


def series(snapshots, values) -> pd.Series:
    return pd.Series(np.asarray(values, dtype=float), index=snapshots)


def build_network(d: dict) -> Built:
    """The PyPSA network equivalent to the Insula LP of the dumped site (components only; the
    rows PyPSA has no component for are added by `insula_rows`)."""
    steps = d["horizon"]["steps"]
    hours = d["horizon"]["step_hours"]
    snapshots = pd.RangeIndex(steps, name="snapshot")
    n = pypsa.Network()
    n.set_snapshots(snapshots)
    n.snapshot_weightings = n.snapshot_weightings.astype(float)
    n.snapshot_weightings.loc[:, :] = hours
    aggregation = d.get("aggregation")
    weights = np.asarray(aggregation["step_weights"], dtype=float) if aggregation else np.ones(steps)
    if aggregation:
        # Representative periods: every snapshot stands for `weight` steps of the horizon, in the
        # objective, in energy sums and in the training jobs' stores (their energy by the
        # deadline is the weighted sum). Batteries have no Store here: their state of charge is
        # linked across the original periods by add_linked_storage.
        n.snapshot_weightings.loc[:, :] = hours * weights[:, None]
    dist = d["power_distribution"]
    dc = dist["architecture"] == "dc800"
    carbon_price = d["carbon"]["price_usd_per_t"]
    built = Built(network=n, dump=d, step_hours=hours, aggregation=aggregation, weights=weights)
    big = 1e6

    def s(values) -> pd.Series:
        return series(snapshots, values)

    for bus in ["ac", "it", "racks", "heat"]:
        n.add("Bus", bus, carrier="AC")

    # Link between the AC bus and the IT bus, one Link per direction.
    link_tie_break = d["dump"]["link_tie_break_usd_per_mwh"] if d.get("dump") else 0.0
    n.add("Link", "link_forward", bus0="ac", bus1="it", p_nom=dist["bus_capacity_mw"], efficiency=dist["link_efficiency"],
          marginal_cost=link_tie_break)
    n.add("Link", "link_reverse", bus0="it", bus1="ac", p_nom=dist["bus_capacity_mw"], efficiency=dist["link_efficiency"],
          marginal_cost=link_tie_break)

    # SMR fleet between its bounds; ramps and commitment are rows (insula_rows).
    smr = d.get("smr")
    built.builds = {(b["asset"], b["name"], b["dimension"]): b for b in d.get("builds", [])}
    if smr:
        capacity = smr["units"] * smr["capacity_mw_per_unit"]
        if ("smr", "smr", "units") in built.builds:
            if any(units != smr["units"] for units in smr["available_units"]):
                raise Unsupported("a planned SMR fleet with outages (availability is not a fraction of p_nom)")
            if smr["commitment"] == "integer":
                raise Unsupported("a planned SMR fleet with integer commitment")
            available = np.ones(steps)
        else:
            available = np.asarray(smr["available_units"], dtype=float) / smr["units"]
        built.integer = smr["commitment"] == "integer"
        minimum = np.zeros(steps) if built.integer else available * smr["min_stable_load_fraction"]
        # The SMR's own bus, joined to the IT bus by its rectifier (connection dc_bus) or to the
        # AC bus by its step-up transformer (ac_switchyard); a turbine bypass sits on it.
        connection = smr.get("connection", "dc_bus" if dc else "ac_switchyard")
        path = smr.get("path_efficiency", dist["smr_rectifier_efficiency"] if dc else 1.0)
        n.add("Bus", "smr", carrier="AC")
        n.add("Link", "smr_path", bus0="smr", bus1="it" if connection == "dc_bus" and dc else "ac", p_nom=big, efficiency=path)
        n.add("Generator", "smr", bus="smr", p_nom=capacity, p_max_pu=s(available), p_min_pu=s(minimum),
              marginal_cost=smr["marginal_cost_usd_per_mwh"] + carbon_price * smr["emission_factor_g_per_kwh"] / 1000)
        if smr["emission_factor_g_per_kwh"] > 0:
            built.emission_terms.append(("smr", s(weights * smr["emission_factor_g_per_kwh"] * hours / 1000)))
            built.location_terms.append(("smr", s(weights * smr["emission_factor_g_per_kwh"] * hours / 1000)))
    # Dump (docs/formulation.md 4.8): a sink Generator (p in [-capacity, 0]) on the SMR's bus
    # (turbine bypass: never more than the SMR's output, by that bus's balance) or on the AC bus.
    dump = d.get("dump")
    if dump:
        n.add("Generator", "dump", bus="smr" if dump["kind"] == "turbine_bypass" else "ac", p_nom=max(dump["capacity_mw"], 1e-9),
              p_min_pu=-1.0, p_max_pu=0.0, marginal_cost=-dump["cost_usd_per_mwh"])

    # Grid feeds: import priced with carbon, export at the clamped export price.
    for feed in d["grid_feeds"]:
        name = feed["name"]
        price = np.asarray(feed["import_price_usd_per_mwh"])
        intensity = np.asarray(feed.get("decision_carbon_intensity_g_per_kwh", feed["carbon_intensity_g_per_kwh"]))
        limit = np.asarray(feed["import_limit_mw"])
        import_nom = max(feed["import_capacity_mw"], 1e-9)
        n.add("Generator", f"import:{name}", bus="ac", p_nom=import_nom, p_max_pu=s(limit / import_nom),
              marginal_cost=s(price + carbon_price * intensity / 1000))
        built.emission_terms.append((f"import:{name}", s(weights * intensity * hours / 1000)))
        built.location_terms.append((f"import:{name}", s(weights * np.asarray(feed["carbon_intensity_g_per_kwh"]) * hours / 1000)))
        if feed["export_capacity_mw"] > 0:
            export_price = np.minimum(np.asarray(feed["export_price_usd_per_mwh"]), price)
            available = np.asarray(feed.get("availability", np.ones(steps)), dtype=float)
            n.add("Generator", f"export:{name}", bus="ac", p_nom=feed["export_capacity_mw"], p_min_pu=s(-available), p_max_pu=0.0,
                  marginal_cost=s(export_price))

    # Renewables: curtailable, through a DC/DC stage when DC-coupled.
    for renewable in d["renewables"]:
        name = renewable["name"]
        bus = "ac"
        if renewable["coupling"] == "dc" and dc:
            bus = f"renewable:{name}"
            n.add("Bus", bus, carrier="AC")
            n.add("Link", f"dcdc:{name}", bus0=bus, bus1="it", p_nom=big, efficiency=dist["dc_dc_efficiency"])
        n.add("Generator", f"renewable:{name}", bus=bus, p_nom=renewable["capacity_mw"],
              p_max_pu=s(renewable["capacity_factor"]), marginal_cost=0.0, carrier=renewable["kind"])

    # Batteries: a Store for the energy; charge and discharge Links through the converter.
    charge_tie_breaks = d["dump"]["charge_tie_break_usd_per_mwh"] if d.get("dump") else [0.0] * len(d["batteries"])
    for battery, charge_tie_break in zip(d["batteries"], charge_tie_breaks):
        name = battery["name"]
        converter = battery_converter(d, battery)
        bus = "it" if (battery["coupling"] == "dc" and dc) else "ac"
        store_bus = f"battery:{name}"
        energy = battery["energy_mwh"]
        n.add("Bus", store_bus, carrier="AC")
        if aggregation:
            # The energy leaving the store per hour (negative: entering it); its state is linopy's.
            n.add("Generator", f"storage:{name}", bus=store_bus, p_nom=big, p_min_pu=-1.0, p_max_pu=1.0, marginal_cost=0.0)
        else:
            e_min = np.full(steps, battery["soc_min_fraction"])
            final = battery["initial_soc_fraction"] if battery["final_soc"] == "cyclic" else float(battery["final_soc"])
            e_min[-1] = max(e_min[-1], final)
            n.add("Store", store_bus, bus=store_bus, e_nom=energy, e_min_pu=s(e_min),
                  e_max_pu=s(np.full(steps, battery["soc_max_fraction"])),
                  e_initial=battery["initial_soc_fraction"] * energy, e_cyclic=False)
        # Charge c at the terminals draws c / converter from the bus and stores eta_c x c.
        available = s(np.asarray(battery.get("availability", np.ones(steps)), dtype=float))
        n.add("Link", f"charge:{name}", bus0=bus, bus1=store_bus, p_nom=battery["charge_power_mw"] / converter,
              p_max_pu=available, efficiency=battery["charge_efficiency"] * converter,
              marginal_cost=charge_tie_break * converter)  # per MWh at the terminals = converter x bus draw
        # Discharge d at the terminals takes d / eta_d from the store and delivers converter x d.
        eta_d = battery["discharge_efficiency"]
        n.add("Link", f"discharge:{name}", bus0=store_bus, bus1=bus, p_nom=battery["discharge_power_mw"] / eta_d,
              p_max_pu=available, efficiency=eta_d * converter, marginal_cost=battery["throughput_cost_usd_per_mwh"] * eta_d)

    for generator in d["backup_generators"]:
        n.add("Generator", f"backup:{generator['name']}", bus="ac", p_nom=generator["capacity_mw"],
              p_max_pu=s(np.asarray(generator.get("availability", np.ones(steps)), dtype=float)),
              marginal_cost=generator["marginal_cost_usd_per_mwh"] + carbon_price * generator["emission_factor_g_per_kwh"] / 1000)
        if generator["emission_factor_g_per_kwh"] > 0:
            built.emission_terms.append((f"backup:{generator['name']}",
                                         s(weights * generator["emission_factor_g_per_kwh"] * hours / 1000)))
            built.location_terms.append((f"backup:{generator['name']}",
                                         s(weights * generator["emission_factor_g_per_kwh"] * hours / 1000)))

    apply_builds(built, s)

    # Racks: it_power = idle x cap + (1 - idle) x work. The Link carries the work part: drawing
    # P from the IT bus delivers work = P x eta_f / (1 - idle) to the racks bus and needs P of
    # heat removed. The idle part, idle x cap / eta_f, is a constant draw on the IT bus and a
    # constant heat. it_power <= cap is work <= cap, the Link's p_nom.
    eta_f = dist["bus_to_rack_efficiency"]
    idle = d["it_fleet"]["idle_fraction"]
    it_capacity = d["it_fleet"]["capacity_mw"]
    built.rack_efficiency = eta_f / (1 - idle)
    n.add("Link", "racks", bus0="it", bus1="racks", bus2="heat", p_nom=(1 - idle) * it_capacity / eta_f,
          efficiency=built.rack_efficiency, efficiency2=-1.0)
    if idle > 0:
        built.idle_bus_mw = idle * it_capacity / eta_f
        n.add("Load", "idle_racks", bus="it", p_set=s(np.full(steps, built.idle_bus_mw)))
        n.add("Load", "idle_heat", bus="heat", p_set=s(np.full(steps, built.idle_bus_mw)))
    # Busway I2R loss: drawn from the IT bus and cooled; its chords are rows.
    loss_at_capacity = dist["busway_loss_fraction_at_capacity"] * dist["bus_capacity_mw"]
    if loss_at_capacity > 0:
        built.busway = True
        busway_tie_break = d["dump"]["busway_tie_break_usd_per_mwh"] if d.get("dump") else np.zeros(steps)
        n.add("Link", "busway_loss", bus0="it", bus1="heat", p_nom=loss_at_capacity, efficiency=-1.0,
              marginal_cost=s(busway_tie_break))
    # Cooling: 1 MW from the AC bus removes COP x transformer efficiency MW of heat.
    cop = np.asarray(d["cop"]) * dist["cooling_transformer_efficiency"]
    n.add("Link", "cooling", bus0="ac", bus1="heat", p_nom=big, efficiency=s(cop))

    demand = np.asarray(d["inference_demand_mw"], dtype=float)
    inference_bus = "racks"
    capped_inference = d.get("inference_capped_points") or []
    if capped_inference and demand.max() > 0:
        # Capped inference work enters its own bus; full-power work arrives from the racks bus.
        inference_bus = "inference"
        n.add("Bus", inference_bus, carrier="AC")
        n.add("Link", "racks_inference", bus0="racks", bus1=inference_bus, p_nom=it_capacity, efficiency=1.0)
        for point in capped_inference:
            add_capped_link(built, f"capped_inference:{point['power_fraction']}", inference_bus, point, p_nom=big)
    n.add("Load", "inference", bus=inference_bus, p_set=s(demand))
    voll = d.get("inference_value_of_lost_service_usd_per_mwh")
    if voll is not None and demand.max() > 0:
        n.add("Generator", "inference_shed", bus=inference_bus, p_nom=demand.max(), p_max_pu=s(demand / demand.max()),
              marginal_cost=voll)

    # Training jobs: energy by the deadline, power only inside the window (and, with a hard
    # run window, only where it is open). A paused job's floor is a row (add_training_rows).
    for job in d["training_jobs"]:
        name = job["name"]
        first, last = job["first_step"], job["last_step"]
        window = np.zeros(steps)
        window[first:last + 1] = np.asarray(job.get("may_run", [1] * (last - first + 1)), dtype=float)
        bus = f"job:{name}"
        n.add("Bus", bus, carrier="AC")
        maximum = job["max_power_mw"]
        capped = job.get("capped_points") or []
        # With capped points the minimum power is on power drawn, a row over all the job's Links;
        # a paused job's floor is a row too (add_training_rows).
        minimum = 0.0 if capped or job.get("pause") else job["min_power_mw"]
        n.add("Link", f"train:{name}", bus0="racks", bus1=bus, p_nom=maximum, efficiency=1.0,
              p_max_pu=s(window), p_min_pu=s(window * minimum / maximum))
        if capped:
            links = []
            for point in capped:
                link = f"capped_train:{name}:{point['power_fraction']}"
                drawn, racks = add_capped_link(built, link, bus, point, p_nom=big, availability=s(window))
                links.append((link, drawn, racks))
            built.capped_jobs.append((job, links, window))
        full = np.zeros(steps)
        full[last:] = 1.0
        pause = job.get("pause")
        if pause and pause["model"] == "exact":
            built.integer = True  # binary running flags: a MILP
        restart = pause["restart_energy_mwh"] if pause else 0.0
        if restart > 0:
            # Restart energy leaves the job's store in its last step (a drain tied to the starts in
            # add_training_rows): the store may hold up to the energy plus every possible restart
            # before it, and exactly the energy at the end.
            count = last - first + 1
            e_nom = job["energy_mwh"] + restart * count
            exact = np.ones(steps)
            exact[last:] = job["energy_mwh"] / e_nom
            n.add("Store", bus, bus=bus, e_nom=e_nom, e_min_pu=s(full * job["energy_mwh"] / e_nom), e_max_pu=s(exact),
                  e_initial=0.0, e_cyclic=False)
            at_last = np.zeros(steps)
            at_last[last] = 1.0
            n.add("Generator", f"restart_drain:{name}", bus=bus, p_nom=e_nom / hours, p_min_pu=s(-at_last), p_max_pu=s(np.zeros(steps)))
        else:
            n.add("Store", bus, bus=bus, e_nom=job["energy_mwh"], e_min_pu=s(full), e_initial=0.0, e_cyclic=False)
        if pause and pause.get("restart_steps", 0) > 0:
            # Power drawn in the lost time after a start leaves the job's bus without reaching its store.
            n.add("Generator", f"restart_lost:{name}", bus=bus, p_nom=maximum, p_min_pu=s(-window), p_max_pu=s(np.zeros(steps)))
        penalty = job.get("undelivered_penalty_usd_per_mwh")
        if penalty is not None:
            # Undelivered MWh as power in the last window step: x MW supplies x h MWh at penalty x h.
            at_last = np.zeros(steps)
            at_last[last] = 1.0
            n.add("Generator", f"undelivered:{name}", bus=bus, p_nom=job["energy_mwh"] / hours,
                  p_max_pu=s(at_last), marginal_cost=penalty)
    return built


def add_capped_link(built: Built, name: str, bus: str, point: dict, p_nom: float, availability=None) -> tuple[float, float]:
    """A capped operating point as a Link it->bus (+ heat). Returns (MW drawn at the racks,
    full-power MW of racks occupied) per MW of Link input."""
    d = built.dump
    eta_f = d["power_distribution"]["bus_to_rack_efficiency"]
    idle = d["it_fleet"]["idle_fraction"]
    power = point["power_fraction"]
    work = point["work_per_mwh"]
    # Input u = x (1 - idle/p) / eta_f for x MW drawn at the racks.
    drawn = eta_f / (1 - idle / power)
    extra = {} if availability is None else {"p_max_pu": availability}
    built.network.add("Link", name, bus0="it", bus1=bus, bus2="heat", p_nom=p_nom, efficiency=work * drawn,
                      efficiency2=-1.0, **extra)
    racks = drawn / power
    built.capped_links.append((name, racks))
    return drawn, racks


def it_bus_draw(terms: "Terms"):
    """IT-bus power of working racks: the racks Link's input plus every capped Link's input."""
    expression = terms.lnk("racks")
    for name, _ in terms.built.capped_links:
        expression = expression + terms.lnk(name)
    return expression


def add_capping_rows(terms: "Terms"):
    """Rack capacity with capped points, and each capped job's racks and minimum power (section 4.14)."""
    built = terms.built
    if not built.capped_links:
        return
    d = built.dump
    it_capacity = d["it_fleet"]["capacity_mw"]
    racks = built.rack_efficiency * terms.lnk("racks")
    for name, per_input in built.capped_links:
        racks = racks + per_input * terms.lnk(name)
    terms.model.add_constraints(racks <= it_capacity, name="capped_it_capacity")
    for job, links, window in built.capped_jobs:
        name = job["name"]
        occupied = 1 * terms.lnk(f"train:{name}")
        drawn = 1 * terms.lnk(f"train:{name}")
        for link, drawn_per_input, racks_per_input in links:
            occupied = occupied + racks_per_input * terms.lnk(link)
            drawn = drawn + drawn_per_input * terms.lnk(link)
        mask = pd.Series(window > 0, index=terms.snapshots)
        terms.model.add_constraints(occupied <= job["max_power_mw"], name=f"capped_racks:{name}", mask=mask)
        if job["min_power_mw"] > 0:
            terms.model.add_constraints(drawn >= job["min_power_mw"], name=f"capped_min_power:{name}", mask=mask)


def apply_builds(built: Built, s) -> None:
    """Capacity planning (`build` sections): PyPSA's extendable components where it has them
    (module docstring); the rows that tie them together are in `add_build_rows`."""
    n, d = built.network, built.dump
    for (asset, name, dimension), b in built.builds.items():
        maximum = b["maximum"] if b["maximum"] is not None else np.inf
        cost = b["horizon_cost_usd_per_unit"]
        if asset in ("renewable", "backup_generator"):
            component = f"{'renewable' if asset == 'renewable' else 'backup'}:{name}"
            n.generators.loc[component, ["p_nom_extendable", "p_nom_min", "p_nom_max", "capital_cost"]] = [True, b["minimum"], maximum, cost]
        elif asset == "smr":
            unit = d["smr"]["capacity_mw_per_unit"]
            n.generators.loc["smr", ["p_nom_extendable", "p_nom_min", "p_nom_max", "capital_cost"]] = [
                True, b["minimum"] * unit, maximum * unit, cost / unit]
            if b["integer"]:
                n.generators.loc["smr", "p_nom_mod"] = unit
                built.integer = True
        elif asset == "battery" and dimension == "energy_mwh" and built.aggregation:
            continue  # a linopy variable of add_linked_storage
        elif asset == "battery" and dimension == "energy_mwh":
            store = f"battery:{name}"
            n.stores.loc[store, ["e_nom_extendable", "e_nom_min", "e_nom_max", "capital_cost", "e_initial"]] = [
                True, b["minimum"], maximum, cost, 0.0]
            # The initial energy, a fraction of e_nom, enters in the first step (add_build_rows).
            first = np.zeros(len(n.snapshots))
            first[0] = 1.0
            n.add("Generator", f"initial:{name}", bus=store, p_nom=1e7, p_max_pu=s(first), marginal_cost=0.0)
        elif asset == "battery" and dimension == "power_mw":
            battery = next(x for x in d["batteries"] if x["name"] == name)
            converter = battery_converter(d, battery)
            eta_d = battery["discharge_efficiency"]
            n.links.loc[f"charge:{name}", ["p_nom_extendable", "p_nom_min", "p_nom_max", "capital_cost"]] = [
                True, b["minimum"] / converter, maximum / converter, cost * converter]
            n.links.loc[f"discharge:{name}", ["p_nom_extendable", "p_nom_min", "p_nom_max", "capital_cost"]] = [
                True, b["minimum"] / eta_d, maximum / eta_d, 0.0]
        elif asset == "grid_feed":
            feed = next(x for x in d["grid_feeds"] if x["name"] == name)
            if np.any(np.asarray(feed["import_limit_mw"]) < feed["import_capacity_mw"] * np.asarray(feed["availability"]) - 1e-9):
                raise Unsupported("a planned grid connection with a time-varying import cap")
            if maximum == np.inf:
                raise Unsupported("a grid connection without max_added_mw")
            # The limits become rows against the connection variable; the bounds allow the maximum.
            n.generators.loc[f"import:{name}", "p_nom"] = feed["import_capacity_mw"] + maximum
            n.generators_t.p_max_pu[f"import:{name}"] = s(np.asarray(feed["availability"], dtype=float))
            if f"export:{name}" in n.generators.index:
                n.generators.loc[f"export:{name}", "p_nom"] = feed["export_capacity_mw"] + maximum
            else:
                available = np.asarray(feed.get("availability", np.ones(len(n.snapshots))), dtype=float)
                export_price = np.minimum(np.asarray(feed["export_price_usd_per_mwh"]), np.asarray(feed["import_price_usd_per_mwh"]))
                n.add("Generator", f"export:{name}", bus="ac", p_nom=maximum, p_min_pu=s(-available), p_max_pu=0.0,
                      marginal_cost=s(export_price))


def add_build_rows(terms: Terms):
    """The rows that tie planned capacities to operation where PyPSA has no component: battery
    initial energy and the tie of charge and discharge ratings, the grid connection, and the
    SMR ramp scaling with the planned fleet (docs/formulation.md, section 14). On a stochastic
    network it runs once per scenario: the ratings tie, the connection variable and its cost
    belong to the shared build and are added by the first call only."""
    built, model, shared = terms.built, terms.model, terms.shared_model
    d = built.dump
    extra = 0
    for (asset, name, dimension), b in built.builds.items():
        if asset == "battery" and dimension == "energy_mwh" and built.aggregation:
            continue  # add_linked_storage ties the initial state to the planned energy
        if asset == "battery" and dimension == "energy_mwh":
            battery = next(x for x in d["batteries"] if x["name"] == name)
            e_nom = model.variables["Store-e_nom"].sel(name=f"battery:{name}")
            first = terms.gen(f"initial:{name}").isel(snapshot=0)
            model.add_constraints(built.step_hours * first - battery["initial_soc_fraction"] * e_nom == 0,
                                  name=f"battery_initial_energy:{name}")
        elif asset == "battery" and dimension == "power_mw":
            if f"battery_power_tie:{name}" in shared.constraints:
                continue
            battery = next(x for x in d["batteries"] if x["name"] == name)
            p_nom = model.variables["Link-p_nom"]
            shared.add_constraints(battery_converter(d, battery) * p_nom.sel(name=f"charge:{name}")
                                   - battery["discharge_efficiency"] * p_nom.sel(name=f"discharge:{name}") == 0,
                                   name=f"battery_power_tie:{name}")
        elif asset == "grid_feed":
            feed = next(x for x in d["grid_feeds"] if x["name"] == name)
            if f"grid_connection:{name}" in shared.variables:
                added = shared.variables[f"grid_connection:{name}"]
            else:
                added = shared.add_variables(lower=0, upper=b["maximum"], name=f"grid_connection:{name}")
                extra = extra + b["horizon_cost_usd_per_unit"] * added
            model.add_constraints(terms.gen(f"import:{name}") - added <= feed["import_capacity_mw"], name=f"grid_import_connection:{name}")
            model.add_constraints(-terms.gen(f"export:{name}") - added <= feed["export_capacity_mw"], name=f"grid_export_connection:{name}")
    if not isinstance(extra, int):
        shared.add_objective(shared.objective.expression + extra, overwrite=True)


def add_linked_storage(terms: Terms):
    """Representative periods (formulation 15.3; Kotzur et al., Applied Energy 213, 2018): each
    battery's state within a representative period, soc[t] (0 at the period's start; the store
    bus's `storage:` Generator takes out h x p per step), and its state S[i] at the start of every
    original period i = 0..N, with S[0] the initial state, S[i+1] = S[i] + soc[last step of k(i)]
    and S[N] >= the final state. The bounds are written per hour of every original period,
    min E <= S[i] + soc[t] <= max E for every step t of k(i): Insula writes them through each
    period's highest and lowest state instead, so the two forms check each other. A planned
    energy is a variable here with its horizon cost in the objective."""
    built = terms.built
    aggregation = built.aggregation
    if not aggregation:
        return
    model, d = terms.model, built.dump
    hours = built.step_hours
    starts, lengths, sequence = aggregation["period_starts"], aggregation["period_lengths"], aggregation["sequence"]
    steps = len(terms.snapshots)
    first = np.zeros(steps, dtype=bool)
    first[np.asarray(starts, dtype=int)] = True
    extra = 0
    for battery in d["batteries"]:
        name = battery["name"]
        build = built.builds.get(("battery", name, "energy_mwh"))
        if build is not None:
            upper = build["maximum"] if build["maximum"] is not None else np.inf
            energy = model.add_variables(lower=build["minimum"], upper=upper, name=f"battery_energy:{name}")
            extra = extra + build["horizon_cost_usd_per_unit"] * energy
        else:
            energy = battery["energy_mwh"]
        soc = model.add_variables(name=f"battery_soc_within:{name}", coords=[terms.snapshots])
        previous = (1 * soc).shift(snapshot=1).fillna(0) * terms.s(np.where(first, 0.0, 1.0))
        model.add_constraints(soc - previous + hours * terms.gen(f"storage:{name}") == 0, name=f"battery_soc_balance:{name}")
        boundary = model.add_variables(lower=0, name=f"battery_soc_boundary:{name}",
                                       coords=[pd.RangeIndex(len(sequence) + 1, name="boundary")])
        model.add_constraints(boundary.isel(boundary=0, drop=True) - battery["initial_soc_fraction"] * energy == 0, name=f"battery_soc_initial:{name}")
        for index, k in enumerate(sequence):
            start, length = starts[k], lengths[k]
            within = soc.isel(snapshot=slice(start, start + length))
            model.add_constraints(boundary.isel(boundary=index + 1, drop=True) - boundary.isel(boundary=index, drop=True) - soc.isel(snapshot=start + length - 1, drop=True) == 0,
                                  name=f"battery_soc_link:{name}[{index}]")
            model.add_constraints(within + boundary.isel(boundary=index, drop=True) - battery["soc_max_fraction"] * energy <= 0,
                                  name=f"battery_soc_max:{name}[{index}]")
            model.add_constraints(within + boundary.isel(boundary=index, drop=True) - battery["soc_min_fraction"] * energy >= 0,
                                  name=f"battery_soc_min:{name}[{index}]")
        final = battery["initial_soc_fraction"] if battery["final_soc"] == "cyclic" else float(battery["final_soc"])
        model.add_constraints(boundary.isel(boundary=len(sequence), drop=True) - final * energy >= 0, name=f"battery_final_soc:{name}")
    if not isinstance(extra, int):
        model.add_objective(model.objective.expression + extra, overwrite=True)


def sunk_capex(d: dict) -> float:
    """The annualised capex of existing capacity over the horizon: in PyPSA's capital_cost x
    p_nom, taken out of Insula's objective (existing plant is sunk); and the payment of
    demand-response contracts with a given commitment (a constant in Insula's objective)."""
    payments = sum(c["payment_usd_per_mw"] * c["committed_mw"] for c in d.get("demand_response", [])
                   if c.get("committed_mw") is not None)
    return sum(b["sunk_capex_usd"] for b in d.get("builds", [])) + payments


def planned_capacities(built: Built) -> dict:
    """Installed capacity per build, keyed as build_plan.csv (asset, name, dimension)."""
    n, d = built.network, built.dump
    out = {}
    for (asset, name, dimension), b in built.builds.items():
        if asset in ("renewable", "backup_generator"):
            value = n.generators.at[f"{'renewable' if asset == 'renewable' else 'backup'}:{name}", "p_nom_opt"]
        elif asset == "smr":
            value = n.generators.at["smr", "p_nom_opt"] / d["smr"]["capacity_mw_per_unit"]
        elif dimension == "energy_mwh" and built.aggregation:
            value = float(built.network.model.variables[f"battery_energy:{name}"].solution)
        elif dimension == "energy_mwh":
            value = n.stores.at[f"battery:{name}", "e_nom_opt"]
        elif asset == "battery":
            battery = next(x for x in d["batteries"] if x["name"] == name)
            value = n.links.at[f"charge:{name}", "p_nom_opt"] * battery_converter(d, battery)
        else:
            value = float(built.network.model.variables[f"grid_connection:{name}"].solution)
        out[(asset, name, dimension)] = float(value)
    return out


def battery_converter(d: dict, battery: dict) -> float:
    dist = d["power_distribution"]
    dc = dist["architecture"] == "dc800" and battery["coupling"] == "dc"
    return dist["dc_dc_efficiency"] if dc else dist["storage_inverter_efficiency"]


SOURCE_PREFIXES = {"smr_mwh": ("smr",), "grid_import_mwh": ("import:",), "grid_export_mwh": ("export:",),
                   "solar_mwh": ("renewable:",), "wind_mwh": ("renewable:",), "backup_mwh": ("backup:",)}


def source_generators(network: pypsa.Network, key: str) -> list[str]:
    """The generators whose energy Insula reports under `key`."""
    names = [name for name in network.generators.index if name.startswith(SOURCE_PREFIXES[key])]
    if key in ("solar_mwh", "wind_mwh"):
        names = [name for name in names if network.generators.at[name, "carrier"] == key.split("_")[0]]
    return names


# MARK: rows PyPSA has no component for (docs/formulation.md, section 4), one function per family


class ScenarioModel:
    """The linopy model of a stochastic network seen from one scenario: the rows and variables the
    Insula row functions add get the scenario in their names (`smr_ramp_up[hot]`); everything
    else (the shared capacity variables, the objective) is the model's own."""

    def __init__(self, model, scenario: str):
        self._model = model
        self.scenario = scenario

    def add_constraints(self, *args, name: str, **kwargs):
        return self._model.add_constraints(*args, name=f"{name}[{self.scenario}]", **kwargs)

    def add_variables(self, *args, name: str, **kwargs):
        return self._model.add_variables(*args, name=f"{name}[{self.scenario}]", **kwargs)

    def __getattr__(self, attribute):
        return getattr(self._model, attribute)


class Terms:
    """Per-step linopy expressions of the network's columns, as Insula names them. For a
    stochastic network (stochastic.py), `model` is its linopy model and `scenario` selects one
    scenario of the operating variables (PyPSA gives them a `scenario` dimension; capacity
    variables have none and are shared); `built` is then that scenario's own deterministic
    build (its names and series)."""

    def __init__(self, built: Built, model=None, scenario: str | None = None):
        self.built = built
        self.network = built.network
        self.shared_model = model if model is not None else built.network.model
        self.model = self.shared_model if scenario is None else ScenarioModel(self.shared_model, scenario)
        self.snapshots = built.network.snapshots
        self.generator = self.shared_model.variables["Generator-p"]
        self.link = self.shared_model.variables["Link-p"]
        if scenario is not None:
            self.generator = self.generator.sel(scenario=scenario)
            self.link = self.link.sel(scenario=scenario)

    def gen(self, name: str):
        return self.generator.sel(name=name)

    def lnk(self, name: str):
        return self.link.sel(name=name)

    def names(self, prefix: str) -> list[str]:
        return [name for name in self.network.generators.index if name.startswith(prefix)]

    def total(self, names: list[str], coefficient=1.0):
        """sum over `names` of coefficient x p, per step (0 when there are none)."""
        expression = 0
        for name in names:
            expression = expression + coefficient * self.gen(name)
        return expression

    def battery_net_discharge(self):
        """sum_b (discharge - charge) at the battery terminals, per step."""
        d = self.built.dump
        expression = 0
        for battery in d["batteries"]:
            name = battery["name"]
            expression = expression + battery["discharge_efficiency"] * self.lnk(f"discharge:{name}")
            expression = expression - battery_converter(d, battery) * self.lnk(f"charge:{name}")
        return expression

    def intake(self):
        """smr + sum_g (import - export) + sum_r renewable + sum_k backup (batteries excluded).
        Export generators have p <= 0, so adding them subtracts the export."""
        return self.total(self.names("smr") + self.names("import:") + self.names("export:")
                          + self.names("renewable:") + self.names("backup:"))

    def s(self, values) -> pd.Series:
        return series(self.snapshots, values)

    def after_first(self) -> pd.Series:
        """Mask of the steps with a step before them in time (rows with a t-1 term): t >= 1, and
        with representative periods not a period's first step (add_transitions ties those)."""
        mask = np.ones(len(self.snapshots), dtype=bool)
        mask[0] = False
        aggregation = self.built.aggregation
        if aggregation:
            mask[np.asarray(aggregation["period_starts"], dtype=int)] = False
        return pd.Series(mask, index=self.snapshots)


def lag(expression, steps: int):
    """expression[t - steps], with the terms before the first step dropped."""
    return (1 * expression).shift(snapshot=steps).fillna(0)


def add_smr_ramps(terms: Terms):
    """smr_ramp_up/down[t], t >= 1: the installed fleet's ramp plus P_u per unit that returns
    (up) or leaves (down) between t-1 and t (section 4.3)."""
    smr = terms.built.dump.get("smr")
    if not smr:
        return
    unit = smr["capacity_mw_per_unit"]
    available = np.asarray(smr["available_units"], dtype=float)
    previous = np.concatenate([[available[0]], available[:-1]])
    p = terms.gen("smr")
    step = p - lag(p, 1)
    mask = terms.after_first()
    if ("smr", "smr", "units") in terms.built.builds:
        # A planned fleet ramps by a fraction of its planned capacity, p_nom (no outages here).
        fleet = terms.model.variables["Generator-p_nom"].sel(name="smr")
        per_mw = smr["ramp_fraction_per_hour"] * terms.built.step_hours
        terms.model.add_constraints(step - per_mw * fleet <= 0, name="smr_ramp_up", mask=mask)
        terms.model.add_constraints(-step - per_mw * fleet <= 0, name="smr_ramp_down", mask=mask)
        add_transitions(terms, p, "smr_ramp", lambda a, b: (-per_mw * fleet, -per_mw * fleet), lambda a, b: (0.0, 0.0))
        return
    ramp = smr["ramp_fraction_per_hour"] * smr["units"] * unit * terms.built.step_hours
    terms.model.add_constraints(step <= terms.s(ramp + np.maximum(0, available - previous) * unit), name="smr_ramp_up", mask=mask)
    terms.model.add_constraints(-step <= terms.s(ramp + np.maximum(0, previous - available) * unit), name="smr_ramp_down", mask=mask)
    add_transitions(terms, p, "smr_ramp", None, lambda a, b: (ramp + max(0.0, available[b] - available[a]) * unit,
                                                            ramp + max(0.0, available[a] - available[b]) * unit))


def add_transitions(terms: Terms, expression, family: str, scaled, limits):
    """Representative periods: a row looking one step back at a period's first step looks at the
    last step of the period before it in time, for every two original periods that follow each
    other (in time order, repeats included): x[to] - x[from] <= up and x[from] - x[to] <= down,
    with `scaled(from, to)` (a capacity term moved left) when the limit scales with a plan."""
    aggregation = terms.built.aggregation
    if not aggregation:
        return
    starts, lengths, sequence = aggregation["period_starts"], aggregation["period_lengths"], aggregation["sequence"]
    for index in range(1, len(sequence)):
        a = starts[sequence[index - 1]] + lengths[sequence[index - 1]] - 1
        b = starts[sequence[index]]
        up, down = limits(a, b)
        step = expression.isel(snapshot=b, drop=True) - expression.isel(snapshot=a, drop=True)
        extra_up, extra_down = scaled(a, b) if scaled else (0.0, 0.0)
        terms.model.add_constraints(step + extra_up <= up, name=f"{family}_up_transition[{index}]")
        terms.model.add_constraints(-step + extra_down <= down, name=f"{family}_down_transition[{index}]")


def add_smr_commitment(terms: Terms):
    """Integer commitment, clustered: n[t] integer in [0, A[t]]; max output and min stable load;
    with min up/down times > 1 step, continuous startups/shutdowns, transitions from A[0]
    units online, and the min up/down rows (section 4.3)."""
    smr = terms.built.dump.get("smr")
    if not smr or smr["commitment"] != "integer":
        return
    model = terms.model
    unit = smr["capacity_mw_per_unit"]
    available = np.asarray(smr["available_units"], dtype=float)
    online = model.add_variables(lower=terms.s(np.zeros(len(available))), upper=terms.s(available), integer=True,
                                 name="smr_online_units")
    p = terms.gen("smr")
    model.add_constraints(p - unit * online <= 0, name="smr_max_output")
    model.add_constraints(p - smr["min_stable_load_fraction"] * unit * online >= 0, name="smr_min_stable_load")
    hours = terms.built.step_hours
    up_steps = max(1, int(np.ceil(smr["min_up_hours"] / hours - 1e-9)))
    down_steps = max(1, int(np.ceil(smr["min_down_hours"] / hours - 1e-9)))
    if up_steps <= 1 and down_steps <= 1:
        return
    zero = terms.s(np.zeros(len(available)))
    startups = model.add_variables(lower=zero, upper=zero + smr["units"], name="smr_startups")
    shutdowns = model.add_variables(lower=zero, upper=zero + smr["units"], name="smr_shutdowns")
    initial = np.zeros(len(available))
    initial[0] = available[0]
    model.add_constraints(online - lag(online, 1) - startups + shutdowns == terms.s(initial), name="smr_transition")
    recent_startups = sum(lag(startups, l) for l in range(up_steps))
    recent_shutdowns = sum(lag(shutdowns, l) for l in range(down_steps))
    model.add_constraints(recent_startups - online <= 0, name="smr_min_up")
    model.add_constraints(recent_shutdowns + online <= terms.s(available + forced_shutdowns(available, down_steps)),
                          name="smr_min_down")


def forced_shutdowns(available: np.ndarray, down_steps: int) -> np.ndarray:
    """Units that left for an outage in the last `down_steps` steps (t-l >= 1): a unit going on
    outage is a forced shutdown, already missing from A[t], so it must not also count against
    the units that may come back online. Not in docs/formulation.md 4.3 before this
    cross-check found it (SiteCompiler.addMinimumUpDown adds it to the smr_min_down bound);
    without it an outage that starts with every unit online would force a second unit off."""
    drops = np.zeros(len(available))
    drops[1:] = np.maximum(0, available[:-1] - available[1:])
    forced = np.zeros(len(available))
    for lag in range(down_steps):
        forced[lag:] += drops[:len(available) - lag]
    return forced


def add_busway_chords(terms: Terms):
    """busway_loss[t] >= slope_s x bus power + intercept_s, one row per chord s (section 4.6);
    bus power = it_power / eta_f = the racks Link's input + the idle draw."""
    built = terms.built
    if not built.busway:
        return
    dist = built.dump["power_distribution"]
    bus_capacity = dist["bus_capacity_mw"]
    fraction = dist["busway_loss_fraction_at_capacity"]
    eta_f = dist["bus_to_rack_efficiency"]
    p_max = min(bus_capacity, built.dump["it_fleet"]["capacity_mw"] / eta_f)
    segments = max(1, dist["busway_loss_segments"])

    def loss(power: float) -> float:
        return fraction * bus_capacity * (power / bus_capacity) ** 2

    bus_power = it_bus_draw(terms) + built.idle_bus_mw
    for segment in range(1, segments + 1):
        low, high = p_max * (segment - 1) / segments, p_max * segment / segments
        slope = (loss(high) - loss(low)) / (high - low)
        intercept = loss(low) - slope * low
        terms.model.add_constraints(terms.lnk("busway_loss") - slope * bus_power >= intercept,
                                    name=f"busway_loss_segment{segment}")


def add_carbon_caps(terms: Terms):
    """carbon_cap and carbon_intensity_cap (section 4.7); IT energy includes the idle draw."""
    built = terms.built
    carbon = built.dump["carbon"]
    if carbon.get("cap_t") is None and carbon.get("intensity_cap_g_per_kwh_it") is None:
        return
    emissions = 0
    for name, coefficients in built.emission_terms:
        emissions = emissions + (terms.gen(name) * coefficients).sum()
    if carbon.get("cap_t") is not None:
        terms.model.add_constraints(emissions <= carbon["cap_t"], name="carbon_cap")
    if carbon.get("intensity_cap_g_per_kwh_it") is not None:
        eta_f = built.dump["power_distribution"]["bus_to_rack_efficiency"]
        hours = built.step_hours
        steps = len(terms.snapshots)
        it_energy_variable = (it_bus_draw(terms) * terms.s(eta_f * hours * built.weights)).sum()
        idle_energy = built.idle_bus_mw * eta_f * hours * float(built.weights.sum())
        cap = carbon["intensity_cap_g_per_kwh_it"] / 1000
        terms.model.add_constraints(emissions - cap * it_energy_variable <= cap * idle_energy, name="carbon_intensity_cap")


def add_demand_charges(terms: Terms):
    """grid_peak_import[g] in [0, import capacity] >= grid_import[g,t], charged once (section 4.4)."""
    extra = 0
    for feed in terms.built.dump["grid_feeds"]:
        charge = feed["demand_charge_usd_per_mw"]
        if charge <= 0:
            continue
        name = feed["name"]
        peak = terms.model.add_variables(lower=0, upper=feed["import_capacity_mw"], name=f"grid_peak_import:{name}")
        terms.model.add_constraints(terms.gen(f"import:{name}") - peak <= 0, name=f"grid_peak:{name}")
        extra = extra + charge * peak
    if not isinstance(extra, int):
        terms.model.add_objective(terms.model.objective.expression + extra, overwrite=True)


def add_cfe_target(terms: Terms):
    """cfe_matched[t] <= clean[t], <= consume[t]; sum h x matched >= share x sum h x consume."""
    built = terms.built
    share = built.dump["carbon"].get("cfe_target_share")
    if share is None:
        return
    model = terms.model
    clean = terms.total(terms.names("smr") + terms.names("renewable:"))
    for feed in built.dump["grid_feeds"]:
        free = feed.get("carbon_free_share")
        if free is not None:
            clean = clean + terms.gen(f"import:{feed['name']}") * terms.s(free)
    # Dumped power is not consumption (the dump Generator's p is <= 0).
    consume = terms.intake() + terms.battery_net_discharge() + terms.total(terms.names("dump"))
    matched = model.add_variables(lower=terms.s(np.zeros(len(terms.snapshots))), name="cfe_matched")
    model.add_constraints(matched - clean <= 0, name="cfe_clean_supply")
    model.add_constraints(matched - consume <= 0, name="cfe_consumption")
    hours = built.step_hours
    weight = terms.s(hours * built.weights)
    model.add_constraints((matched * weight).sum() - share * (consume * weight).sum() >= 0, name="cfe_target")


def add_site_limits(terms: Terms):
    """site_import_limit[t] over all feeds; site_ramp_up/down[t] on the net intake (section 4.7)."""
    d = terms.built.dump
    limit = d.get("limits_import_limit_mw")
    if limit is not None and d["grid_feeds"]:
        terms.model.add_constraints(terms.total(terms.names("import:")) <= limit, name="site_import_limit")
    ramp = d.get("limits_ramp_limit_mw_per_hour")
    if ramp is not None and len(terms.snapshots) > 1:
        intake = terms.intake()
        step = intake - lag(intake, 1)
        allowed = ramp * terms.built.step_hours
        mask = terms.after_first()
        terms.model.add_constraints(step <= allowed, name="site_ramp_up", mask=mask)
        terms.model.add_constraints(-step <= allowed, name="site_ramp_down", mask=mask)
        add_transitions(terms, intake, "site_ramp", None, lambda a, b: (allowed, allowed))


# Pins hold within this relative band: Insula's answer may be an interior point certified to a
# primal violation of 1e-6 (docs/formulation.md 13.1), so an exact pin at, say, emissions equal
# to a binding cap can be infeasible by 1e-9 t.
PIN_RELATIVE_BAND = 1e-7


def add_pins(terms: Terms, pinned: dict):
    """Energies by source held at given MWh (within PIN_RELATIVE_BAND), to test whether
    Insula's dispatch is an optimum."""
    def pin(expression, value: float, name: str):
        band = PIN_RELATIVE_BAND * max(1.0, abs(value))
        terms.model.add_constraints(expression >= value - band, name=f"{name}_low")
        terms.model.add_constraints(expression <= value + band, name=f"{name}_high")

    for key, mwh in pinned.items():
        if isinstance(key, tuple):  # a planned capacity (asset, name, dimension)
            asset, name, dimension = key
            model, d = terms.model, terms.built.dump
            if asset in ("renewable", "backup_generator"):
                expression = model.variables["Generator-p_nom"].sel(name=f"{'renewable' if asset == 'renewable' else 'backup'}:{name}")
            elif asset == "smr":
                expression = model.variables["Generator-p_nom"].sel(name="smr") / d["smr"]["capacity_mw_per_unit"]
            elif dimension == "energy_mwh" and terms.built.aggregation:
                expression = 1 * model.variables[f"battery_energy:{name}"]
            elif dimension == "energy_mwh":
                expression = model.variables["Store-e_nom"].sel(name=f"battery:{name}")
            elif asset == "battery":
                battery = next(x for x in d["batteries"] if x["name"] == name)
                expression = battery_converter(d, battery) * model.variables["Link-p_nom"].sel(name=f"charge:{name}")
            else:
                expression = 1 * model.variables[f"grid_connection:{name}"]
            pin(expression, mwh, f"pin_capacity_{asset}_{name}_{dimension}")
            continue
        if key == "emissions_t":
            emissions = 0
            for name, coefficients in terms.built.location_terms:
                emissions = emissions + (terms.gen(name) * coefficients).sum()
            if terms.built.location_terms:
                pin(emissions, mwh, "pin_emissions_t")
            continue
        names = source_generators(terms.network, key)
        if names:
            sign = -1.0 if key == "grid_export_mwh" else 1.0
            pin((terms.generator.sel(name=names) * terms.s(sign * terms.built.step_hours * terms.built.weights)).sum(), mwh, f"pin_{key}")


def add_demand_response(terms: Terms):
    """dr_event[c,t]: sum_g import[g,t] - shortfall[c,t] + committed[c] <= baseline in every
    event step, the shortfall at h x penalty, a decided commitment paid (negative cost) per MW
    (section 4.11). A given commitment's payment is a constant, taken out in sunk_capex."""
    contracts = terms.built.dump.get("demand_response", [])
    if not contracts:
        return
    model, hours = terms.model, terms.built.step_hours
    imports = terms.names("import:")
    extra = 0
    for contract in contracts:
        name = contract["name"]
        committed = None
        level = contract["baseline_mw"]
        if contract.get("committed_mw") is not None:
            level -= contract["committed_mw"]
        else:
            committed = model.add_variables(lower=0, upper=contract["max_committed_mw"], name=f"dr_committed:{name}")
            extra = extra - contract["payment_usd_per_mw"] * committed
        steps = sorted({step for event in contract["event_steps"] for step in event})
        if not steps:
            continue
        snapshots = terms.snapshots[steps]
        shortfall = model.add_variables(lower=0, coords=[pd.Index(snapshots, name="snapshot")], name=f"dr_shortfall:{name}")
        site_import = 0
        for generator in imports:
            site_import = site_import + terms.generator.sel(name=generator, snapshot=snapshots)
        lhs = site_import - shortfall
        if committed is not None:
            lhs = lhs + committed
        model.add_constraints(lhs <= level, name=f"dr_event:{name}")
        extra = extra + (hours * contract["penalty_usd_per_mwh"] * shortfall).sum()
    if not isinstance(extra, int):
        model.add_objective(model.objective.expression + extra, overwrite=True)


def add_training_rows(terms: Terms):
    """Training jobs' window shares, group caps and pause models (docs/formulation.md, 4.13)."""
    d, model = terms.built.dump, terms.model
    hours = terms.built.step_hours
    steps = len(terms.snapshots)
    for job in d["training_jobs"]:
        name = job["name"]
        first, last = job["first_step"], job["last_step"]
        p = terms.lnk(f"train:{name}")
        share = job.get("min_share_in_window")
        if share is not None:
            inside = np.zeros(steps)
            inside[first:last + 1] = np.asarray(job["in_window"], dtype=float)
            span = np.zeros(steps)
            span[first:last + 1] = 1.0
            weight = span * terms.built.weights * np.where(inside > 0, hours * (1 - share), -hours * share)
            model.add_constraints((p * terms.s(weight)).sum() >= 0, name=f"training_window_share:{name}")
        pause = job.get("pause")
        if not pause:
            continue
        may = np.zeros(steps)
        may[first:last + 1] = np.asarray(job["may_run"], dtype=float)
        zero = terms.s(np.zeros(steps))
        running = model.add_variables(lower=zero, upper=terms.s(may), integer=pause["model"] == "exact",
                                      name=f"training_running:{name}")
        length = pause["min_run_steps"]
        may_start = may.copy()
        if length > 1:
            # A start within L - 1 steps of the job's last step could not run L steps.
            may_start[max(first, last - length + 2):last + 1] = 0.0
        lost_steps = pause.get("restart_steps", 0)
        # With lost time the starts are binary in the exact model (SiteCompiler+Training.swift).
        starts = model.add_variables(lower=zero, upper=terms.s(may_start), integer=pause["model"] == "exact" and lost_steps > 0,
                                     name=f"training_start:{name}")
        model.add_constraints(p - job["max_power_mw"] * running <= 0, name=f"training_running_max:{name}")
        model.add_constraints(p - job["min_power_mw"] * running >= 0, name=f"training_running_min:{name}")
        # The flag before the job's first step is 0 (it is 0 outside the window anyway).
        model.add_constraints(starts - running + lag(running, 1) >= 0, name=f"training_start_transition:{name}")
        if length > 1:
            recent = sum(lag(starts, back) for back in range(length))
            model.add_constraints(running - recent >= 0, name=f"training_min_run:{name}")
        if job.get("undelivered_penalty_usd_per_mwh") is None:
            # A hard job starts at least once (valid for every exact schedule; formulation 4.13).
            model.add_constraints(starts.sum() >= 1, name=f"training_must_start:{name}")
        if lost_steps > 0:
            # lost = -restart_lost generator: lost <= p, lost <= P x recent starts, p - lost <= P (1 - recent starts).
            lost = -1 * terms.gen(f"restart_lost:{name}")
            recent_starts = sum(lag(starts, back) for back in range(lost_steps))
            maximum = job["max_power_mw"]
            model.add_constraints(lost - p <= 0, name=f"training_lost_drawn:{name}")
            model.add_constraints(lost - maximum * recent_starts <= 0, name=f"training_lost_after_start:{name}")
            model.add_constraints(p - lost + maximum * recent_starts <= maximum, name=f"training_no_work_restarting:{name}")
        if pause["restart_cost_usd"] > 0:
            model.add_objective(model.objective.expression + pause["restart_cost_usd"] * starts.sum(), overwrite=True)
        if pause["restart_energy_mwh"] > 0:
            drain = terms.gen(f"restart_drain:{name}").isel(snapshot=last)
            model.add_constraints(-hours * drain - pause["restart_energy_mwh"] * starts.sum() == 0, name=f"training_restart_energy:{name}")
    for group in d.get("training_groups", []):
        cap = np.asarray(group["max_power_mw"], dtype=float)
        total = sum(terms.lnk(f"train:{job}") for job in group["jobs"])
        model.add_constraints(total <= terms.s(cap), name=f"training_group_cap:{group['name']}")


def insula_rows(built: Built, pinned: dict | None = None):
    """extra_functionality: every row of the Insula LP that PyPSA has no component for."""

    def add(network, snapshots):
        terms = Terms(built)
        add_smr_ramps(terms)
        add_smr_commitment(terms)
        add_busway_chords(terms)
        add_capping_rows(terms)
        add_carbon_caps(terms)
        add_demand_charges(terms)
        add_cfe_target(terms)
        add_site_limits(terms)
        add_training_rows(terms)
        add_build_rows(terms)
        add_linked_storage(terms)
        add_demand_response(terms)
        add_pins(terms, pinned or {})

    return add


def results(built: Built) -> dict:
    """Energy by source (MWh) and emissions (t) of the solved network, as Insula names them."""
    n = built.network
    hours = built.step_hours
    p = n.generators_t.p
    out = {key: 0.0 for key in ENERGY_KEYS}
    weights = built.weights if built.weights is not None else np.ones(len(n.snapshots))
    for name in n.generators.index:
        energy = float((p[name] * weights).sum() * hours)
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
    for name, coefficients in built.location_terms:
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


@dataclass
class SolverSettings:
    mip_relative_gap: float = CHECK_MIP_RELATIVE_GAP
    time_limit_seconds: float | None = None


def solve_pypsa(dump: dict, solver: str, pinned: dict | None = None, settings: SolverSettings = SolverSettings()) -> dict:
    """Builds the PyPSA/linopy model and solves it. Returns the results by source, the
    objective, the status and the timings (module docstring: build, interface, solve)."""
    start = time.perf_counter()
    built = build_network(dump)
    network = built.network
    model = network.optimize.create_model(include_objective_constant=False)
    insula_rows(built, pinned)(network, network.snapshots)
    build_seconds = time.perf_counter() - start
    status, out = run_solver(model, solver, settings, built.integer)
    out["build_seconds"] = build_seconds
    objective = model.objective.value
    if status != "ok" or objective is None or not np.isfinite(objective):
        out["objective_usd"] = None
        return out
    network.optimize.assign_solution()
    out.update(results(built))
    out["objective_usd"] = float(objective) - sunk_capex(dump)
    out["capacities"] = planned_capacities(built)
    if out["mip_bound"] is None:
        out["mip_bound"] = out["objective_usd"]  # GLPK (glpsol) runs branch-and-cut to a zero gap
    return out


def run_solver(model, solver: str, settings: SolverSettings, integer: bool) -> tuple[str, dict]:
    """Solves the linopy model with `solver` (module docstring: interface and solve times).
    Returns linopy's status and the solve entries of the report (status is the termination
    condition; mip_gap and mip_bound of HiGHS for a MILP)."""
    if solver == "highs":
        options = {"threads": 1, "primal_feasibility_tolerance": 1e-9, "dual_feasibility_tolerance": 1e-9,
                   "mip_rel_gap": settings.mip_relative_gap, "mip_feasibility_tolerance": 1e-9, "io_api": "direct"}
        if settings.time_limit_seconds is not None:
            options["time_limit"] = float(settings.time_limit_seconds)
    else:
        options = {"mipgap": settings.mip_relative_gap} if integer else {}
        if settings.time_limit_seconds is not None:
            options["tmlim"] = int(max(1, settings.time_limit_seconds))
    start = time.perf_counter()
    with QuietOutput():
        status, condition = model.solve(solver_name=solver, **options)
    call_seconds = time.perf_counter() - start
    out = {"status": str(condition), "integer": integer,
           "rows": int(model.ncons), "columns": int(model.nvars), "mip_gap": None, "mip_bound": None}
    if solver == "highs":
        highs = model.solver_model
        out["solve_seconds"] = float(highs.getRunTime())
        out["interface_seconds"] = call_seconds - out["solve_seconds"]
        if integer:
            info = highs.getInfo()
            out["mip_gap"], out["mip_bound"] = float(info.mip_gap), float(info.mip_dual_bound)
    else:
        out["solve_seconds"] = call_seconds
        out["interface_seconds"] = 0.0
    for key in ("mip_gap", "mip_bound"):  # no incumbent or no bound: null in JSON, not Infinity
        if out[key] is not None and not np.isfinite(out[key]):
            out[key] = None
    return status, out


def run_insula(insula: str, site: str, folder: str, dump_only: bool = False) -> tuple[dict | None, dict, float]:
    """Runs `insula solve SITE --dump-inputs`; with `dump_only`, `--max-nonzeros 1` makes Insula
    refuse the site (exit 2) right after writing the dump, so nothing is compiled or solved."""
    dump_path = os.path.join(folder, "inputs.json")
    with open(site, encoding="utf-8") as handle:
        plans = re.search(r"\bbuild\s*:", handle.read()) is not None
    command = [insula, "plan" if plans else "solve", site, "--out", os.path.join(folder, "run"), "--format", "json",
               "--dump-inputs", dump_path]
    if dump_only:
        command += ["--max-nonzeros", "1"]
    start = time.perf_counter()
    process = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if not os.path.exists(dump_path) or (process.returncode != 0 and not (dump_only and process.returncode == 2)):
        raise RuntimeError(f"insula solve {site} exited {process.returncode}: {process.stderr.strip()}")
    with open(dump_path) as handle:
        dump = json.load(handle)
    summary = None if dump_only else json.loads(process.stdout)
    if summary is not None and dump.get("aggregation"):
        # A plan over representative days: compare the plan's own LP (its estimate over the
        # horizon, verification.json), not the full operation the run files describe.
        with open(os.path.join(folder, "run", "verification.json"), encoding="utf-8") as handle:
            estimate = json.load(handle)["estimate"]
        summary["objective_usd"] = estimate["total_cost_usd"]
        for key in ENERGY_KEYS + ["emissions_t", "battery_discharge_mwh"]:
            summary[key] = estimate[key]
        summary["steps"] = dump["horizon"]["steps"]
        summary["solve_seconds"], summary["build_seconds"] = estimate["solve_seconds"], 0.0
        summary["carbon_shadow_price_usd_per_t"] = None
    plan_path = os.path.join(folder, "run", "build_plan.csv")
    if summary is not None and os.path.exists(plan_path):
        table = pd.read_csv(plan_path)
        summary["capacities"] = {(row.asset, str(row["name"]), row.dimension): float(row.installed) for _, row in table.iterrows()}
    return summary, dump, seconds


def relative(a: float, b: float, scale: float) -> float:
    return abs(a - b) / max(abs(scale), 1e-9)


def objectives_agree(pypsa_out: dict, insula_objective: float, insula_gap: float | None) -> tuple[bool, float]:
    """(agree, relative difference). An LP agrees within 1e-6; a MILP also when the intervals
    [bound, incumbent] of both solvers overlap within 1e-6 (each contains the true optimum)."""
    difference = relative(pypsa_out["objective_usd"], insula_objective, insula_objective)
    if difference <= RELATIVE_OBJECTIVE_TOLERANCE or not pypsa_out["integer"]:
        return difference <= RELATIVE_OBJECTIVE_TOLERANCE, difference
    slack = RELATIVE_OBJECTIVE_TOLERANCE * max(abs(insula_objective), 1e-9)
    insula_bound = insula_objective - (insula_gap or 0.0) * abs(insula_objective)
    overlap = pypsa_out["mip_bound"] <= insula_objective + slack and insula_bound <= pypsa_out["objective_usd"] + slack
    return overlap, difference


def check_site(insula: str, site: str, solvers: list[str], settings: SolverSettings = SolverSettings()) -> dict:
    with tempfile.TemporaryDirectory(prefix="insula-crosscheck-") as folder:
        summary, dump, insula_seconds = run_insula(insula, site, folder)
    problems = unsupported_features(site, dump)
    if problems:
        raise Unsupported("; ".join(problems))
    total_energy = sum(summary.get(key, 0.0) for key in ENERGY_KEYS) + summary.get("battery_discharge_mwh", 0.0)
    insula_objective = summary["objective_usd"]
    insula_gap = summary.get("mip_gap")
    report = {"site": site, "insula": {"objective_usd": insula_objective, "wall_seconds": insula_seconds,
                                       "solve_seconds": summary["solve_seconds"], "build_seconds": summary["build_seconds"],
                                       "mip_gap": insula_gap,
                                       "carbon_shadow_price_usd_per_t": summary.get("carbon_shadow_price_usd_per_t", 0.0),
                                       "emissions_t": summary["emissions_t"], "steps": summary["steps"]},
              "solvers": {}, "failures": [], "notes": []}
    for solver in solvers:
        out = solve_pypsa(dump, solver, settings=settings)
        if out["objective_usd"] is None:
            report["failures"].append(f"{solver}: PyPSA ended {out['status']}")
            report["solvers"][solver] = out
            continue
        agree, objective_difference = objectives_agree(out, insula_objective, insula_gap)
        entry = {"objective_usd": out["objective_usd"], "objective_relative_difference": objective_difference,
                 "build_seconds": out["build_seconds"], "interface_seconds": out["interface_seconds"],
                 "solve_seconds": out["solve_seconds"], "status": out["status"], "integer": out["integer"],
                 "mip_gap": out["mip_gap"], "mip_bound": out["mip_bound"], "rows": out["rows"], "columns": out["columns"],
                 "energy_differences_mwh": {}}
        if not agree:
            report["failures"].append(f"{solver}: objective {out['objective_usd']:.6f} vs Insula {insula_objective:.6f} "
                                      f"(relative difference {objective_difference:.2e} > {RELATIVE_OBJECTIVE_TOLERANCE:g})")
        elif objective_difference > RELATIVE_OBJECTIVE_TOLERANCE:
            report["notes"].append(f"{solver}: MILP objective {out['objective_usd']:.6f} vs Insula {insula_objective:.6f} "
                                   f"({objective_difference:.2e}): within Insula's MIP gap {insula_gap}")
        mismatched = {}
        for key in ENERGY_KEYS:
            difference = out[key] - summary.get(key, 0.0)
            entry["energy_differences_mwh"][key] = difference
            if relative(out[key], summary.get(key, 0.0), total_energy) > RELATIVE_ENERGY_TOLERANCE:
                mismatched[key] = summary.get(key, 0.0)
        # Planned capacities (insula plan): within 1e-4 of the largest, or an alternative optimum.
        capacity_mismatch = {}
        insula_capacities = summary.get("capacities", {})
        if insula_capacities:
            scale = max([1.0] + [abs(value) for value in insula_capacities.values()])
            entry["capacity_differences"] = {"/".join(key): out["capacities"].get(key, 0.0) - value
                                             for key, value in insula_capacities.items()}
            for key, value in insula_capacities.items():
                if abs(out["capacities"].get(key, 0.0) - value) > RELATIVE_ENERGY_TOLERANCE * scale:
                    capacity_mismatch[key] = value
        entry["emissions_difference_t"] = out["emissions_t"] - summary["emissions_t"]
        emissions_scale = max(summary["emissions_t"], total_energy * 1e-3 * 0.5)
        emissions_differ = relative(out["emissions_t"], summary["emissions_t"], emissions_scale) > RELATIVE_ENERGY_TOLERANCE
        if mismatched or emissions_differ or capacity_mismatch:
            # A degenerate LP has many optimal dispatches. Pin PyPSA's energies (and planned
            # capacities) to Insula's and re-solve: if the optimum is unchanged, Insula's
            # dispatch is another optimum.
            pins = {key: summary.get(key, 0.0) for key in ENERGY_KEYS + ["emissions_t"]}
            pins.update(insula_capacities)
            pinned_out = solve_pypsa(dump, solver, pinned=pins, settings=settings)
            if pinned_out["objective_usd"] is None:
                pinned_agree, pinned_difference, pinned_emissions = False, float("inf"), float("inf")
            else:
                pinned_agree, pinned_difference = objectives_agree(pinned_out, insula_objective, insula_gap)
                pinned_emissions = relative(pinned_out["emissions_t"], summary["emissions_t"], emissions_scale)
            entry["alternative_optimum"] = {"pinned_sources": sorted(mismatched) + sorted("/".join(k) for k in capacity_mismatch),
                                            "objective_relative_difference": pinned_difference, "agrees": pinned_agree}
            if not pinned_agree or pinned_emissions > RELATIVE_ENERGY_TOLERANCE:
                for key in mismatched:
                    report["failures"].append(f"{solver}: {key} {out[key]:.4f} vs Insula {summary.get(key, 0.0):.4f} MWh, "
                                              f"and pinning Insula's energies changes the optimum by {pinned_difference:.2e}")
                for key, value in capacity_mismatch.items():
                    report["failures"].append(f"{solver}: capacity {'/'.join(key)} {out['capacities'].get(key, 0.0):.6f} vs Insula "
                                              f"{value:.6f}, and pinning Insula's changes the optimum by {pinned_difference:.2e}")
                if emissions_differ or pinned_emissions > RELATIVE_ENERGY_TOLERANCE:
                    report["failures"].append(f"{solver}: emissions {out['emissions_t']:.6f} vs Insula {summary['emissions_t']:.6f} t")
        report["solvers"][solver] = entry
    return report


def time_site(insula: str, site: str, solver: str, settings: SolverSettings) -> dict:
    """--time-only: the dump, then the PyPSA model built and solved once (no comparison)."""
    entry = {"site": site, "status": "error", "objective_usd": None, "solver": solver}
    start = time.perf_counter()
    try:
        with tempfile.TemporaryDirectory(prefix="insula-crosscheck-") as folder:
            _, dump, dump_seconds = run_insula(insula, site, folder, dump_only=True)
        problems = unsupported_features(site, dump)
        if problems:
            raise Unsupported("; ".join(problems))
        out = solve_pypsa(dump, solver, settings=settings)
    except Exception as error:
        entry["error"] = str(error)
        entry["total_seconds"] = time.perf_counter() - start
        return entry
    entry.update({"status": out["status"], "objective_usd": out["objective_usd"], "steps": dump["horizon"]["steps"],
                  "integer": out["integer"], "mip_gap": out["mip_gap"], "rows": out["rows"], "columns": out["columns"],
                  "insula_dump_seconds": dump_seconds, "pypsa_build_seconds": out["build_seconds"],
                  f"{solver}_interface_seconds": out["interface_seconds"], f"{solver}_solve_seconds": out["solve_seconds"],
                  "total_seconds": time.perf_counter() - start})
    return entry


# MARK: curtailment-enabled headroom (docs/formulation.md 4.12), stage 1

def solve_headroom(dump: dict, budget_percent: float, solver: str) -> tuple[str, float | None]:
    """min F over the site's model with firm_import[t]: sum_g import[g,t] <= F,
    curtailment_floor[t]: curtailed[t] + sum_g import[g,t] >= r[t] (r: Insula's reference import),
    curtailment_budget: sum_t h curtailed[t] <= b/100 x sum_t h r[t]. Returns (status, F)."""
    built = build_network(dump)
    network = built.network
    model = network.optimize.create_model(include_objective_constant=False)
    insula_rows(built)(network, network.snapshots)
    terms = Terms(built)
    reference_mw = np.asarray(dump["headroom"]["reference_import_mw"], dtype=float)
    hours = built.step_hours
    site_import = terms.total(terms.names("import:"))
    firm = model.add_variables(lower=0, name="firm_import")
    curtailed = model.add_variables(lower=terms.s(np.zeros(len(terms.snapshots))), name="curtailed")
    model.add_constraints(site_import - firm <= 0, name="firm_import")
    model.add_constraints(curtailed + site_import >= terms.s(reference_mw), name="curtailment_floor")
    model.add_constraints((hours * curtailed).sum() <= budget_percent / 100 * float(reference_mw.sum() * hours),
                          name="curtailment_budget")
    model.add_objective(1.0 * firm, overwrite=True)
    options = {"threads": 1, "primal_feasibility_tolerance": 1e-9, "dual_feasibility_tolerance": 1e-9,
               "io_api": "direct"} if solver == "highs" else {}
    with QuietOutput():
        status, condition = model.solve(solver_name=solver, **options)
    if status != "ok":
        return str(condition), None
    return str(condition), float(model.objective.value)


def main_headroom(arguments, solvers: list[str]) -> int:
    """--headroom: `insula flex headroom SITE --dump-inputs`, then stage 1 in PyPSA per budget;
    each firm import must agree with Insula's within 1e-6 of the reference peak."""
    reports, failed = [], False
    print(f"{'site':<28} {'budget %':>9} {'firm MW (Insula)':>18} " + " ".join(f"{s + ' diff MW':>16}" for s in solvers))
    for site in arguments.sites:
        with tempfile.TemporaryDirectory(prefix="insula-headroom-") as folder:
            dump_path = os.path.join(folder, "inputs.json")
            run = subprocess.run([arguments.insula, "flex", "headroom", site, "--budgets", arguments.budgets,
                                  "--out", os.path.join(folder, "out"), "--dump-inputs", dump_path], capture_output=True, text=True)
            if run.returncode != 0:
                print(f"{os.path.basename(site):<28} FAILED: insula exited {run.returncode}: {run.stderr.strip()}")
                reports.append({"site": site, "failures": [run.stderr.strip()]})
                failed = True
                continue
            with open(dump_path, encoding="utf-8") as handle:
                dump = json.load(handle)
        problems = unsupported_features(site, dump)
        if problems:
            print(f"{os.path.basename(site):<28} FAILED: {'; '.join(problems)}")
            failed = True
            continue
        head = dump["headroom"]
        scale = max(1.0, max(head["reference_import_mw"]))
        report = {"site": site, "budgets": [], "failures": []}
        for budget, insula_firm in zip(head["budgets_percent"], head["firm_import_mw"]):
            entry = {"budget_percent": budget, "insula_firm_import_mw": insula_firm}
            cells = []
            for solver in solvers:
                condition, firm = solve_headroom(dump, budget, solver)
                entry[solver] = {"status": condition, "firm_import_mw": firm}
                if firm is None or insula_firm is None or abs(firm - insula_firm) > RELATIVE_OBJECTIVE_TOLERANCE * scale:
                    report["failures"].append(f"{solver}, budget {budget} %: firm import {firm} vs Insula {insula_firm} MW")
                    cells.append(f"{'FAIL':>16}")
                else:
                    cells.append(f"{firm - insula_firm:>16.2e}")
            report["budgets"].append(entry)
            print(f"{os.path.basename(site):<28} {budget:>9g} {insula_firm if insula_firm is not None else float('nan'):>18.6f} "
                  + " ".join(cells))
        failed = failed or bool(report["failures"])
        reports.append(report)
    if arguments.json:
        with open(arguments.json, "w") as handle:
            json.dump(reports, handle, indent=2)
    print("headroom cross-check " + ("FAILED" if failed else f"passed on {len(reports)} sites"))
    return 1 if failed else 0


def main_time_only(arguments, solvers: list[str], settings: SolverSettings) -> int:
    solver = solvers[0]
    reports, failed = [], False
    print(f"{'site':<28} {'steps':>6} {'status':>9} {'objective USD':>20} {'dump s':>7} {'build s':>8} "
          f"{'iface s':>8} {solver + ' s':>8} {'total s':>8}")
    for site in arguments.sites:
        entry = time_site(arguments.insula, site, solver, settings)
        reports.append(entry)
        if entry["status"] == "error":
            print(f"{os.path.basename(site):<28} FAILED: {entry['error']}")
            failed = True
            continue
        failed = failed or entry["status"] != "optimal"
        objective = entry["objective_usd"]
        print(f"{os.path.basename(site):<28} {entry['steps']:>6} {entry['status']:>9} "
              f"{objective if objective is not None else float('nan'):>20.4f} {entry['insula_dump_seconds']:>7.2f} "
              f"{entry['pypsa_build_seconds']:>8.2f} {entry[f'{solver}_interface_seconds']:>8.2f} "
              f"{entry[f'{solver}_solve_seconds']:>8.2f} {entry['total_seconds']:>8.2f}")
    if arguments.json:
        with open(arguments.json, "w") as handle:
            json.dump(reports, handle, indent=2)
    return 1 if failed else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sites", nargs="+")
    parser.add_argument("--insula", required=True, help="path of the insula executable")
    parser.add_argument("--solvers", default="glpk,highs")
    parser.add_argument("--json", help="also write the reports as JSON to this file")
    parser.add_argument("--time-only", action="store_true",
                        help="no comparison: dump the inputs, build and solve with the first solver, report times")
    parser.add_argument("--mip-gap", type=float,
                        help=f"relative MIP gap of the PyPSA solve (default {CHECK_MIP_RELATIVE_GAP:g}, "
                             f"with --time-only {TIMING_MIP_RELATIVE_GAP:g} as Insula's)")
    parser.add_argument("--time-limit", type=float, help="time limit of each PyPSA solve, in seconds")
    parser.add_argument("--headroom", action="store_true",
                        help="cross-check `insula flex headroom` (formulation 4.12, stage 1: the smallest firm import per budget)")
    parser.add_argument("--budgets", default="0.25,0.5,1,5", help="with --headroom: budgets in percent")
    arguments = parser.parse_args()
    logging.getLogger("pypsa").setLevel(logging.ERROR)
    logging.getLogger("linopy").setLevel(logging.ERROR)
    solvers = arguments.solvers.split(",")
    default_gap = TIMING_MIP_RELATIVE_GAP if arguments.time_only else CHECK_MIP_RELATIVE_GAP
    settings = SolverSettings(mip_relative_gap=arguments.mip_gap if arguments.mip_gap is not None else default_gap,
                              time_limit_seconds=arguments.time_limit)
    # stochastic.py (two-stage stochastic plans, NAME.scenarios.yaml) imports this module by name.
    sys.modules.setdefault("crosscheck", sys.modules[__name__])
    import stochastic

    if arguments.time_only:
        if any(site.endswith(stochastic.SCENARIO_SUFFIX) for site in arguments.sites):
            parser.error("--time-only times single sites; scenario files are compared only")
        return main_time_only(arguments, solvers, settings)
    if arguments.headroom:
        return main_headroom(arguments, solvers)
    reports, failed = [], False
    width = max([28] + [len(os.path.basename(site)) for site in arguments.sites])
    header = f"{'site':<{width}} {'steps':>6} {'objective USD (Insula)':>24} " + " ".join(
        f"{solver + ' rel. diff':>16}" for solver in solvers) + f" {'Insula s':>9} {'(solve)':>8} " + " ".join(
        f"{'PyPSA+' + solver + ' s':>15} {'(build)':>8} {'(solve)':>8}" for solver in solvers)
    print(header)
    print("  (Insula: wall s of the whole run, solve s of GLPK alone; PyPSA: wall s of build + solve, build s of the "
          "network and linopy model, solve s of HiGHS's run clock, or for GLPK linopy's solve call incl. the LP file)")
    for site in arguments.sites:
        try:
            if site.endswith(stochastic.SCENARIO_SUFFIX):
                report = stochastic.check_stochastic(arguments.insula, site, solvers, settings)
            else:
                report = check_site(arguments.insula, site, solvers, settings)
        except Exception as error:  # a site that cannot be checked is a failure, with the reason
            print(f"{os.path.basename(site):<{width}} FAILED: {error}")
            reports.append({"site": site, "failures": [str(error)]})
            failed = True
            continue
        reports.append(report)
        insula = report["insula"]

        def column(solver: str, key: str) -> float:
            return report["solvers"][solver].get(key, float("nan"))

        row = f"{os.path.basename(site):<{width}} {insula['steps']:>6} {insula['objective_usd']:>24.4f} " + " ".join(
            f"{column(s, 'objective_relative_difference'):>16.2e}" for s in solvers)
        row += f" {insula['wall_seconds']:>9.2f} {insula['solve_seconds']:>8.3f} " + " ".join(
            f"{column(s, 'build_seconds') + column(s, 'interface_seconds') + column(s, 'solve_seconds'):>15.2f} "
            f"{column(s, 'build_seconds'):>8.2f} {column(s, 'solve_seconds'):>8.2f}" for s in solvers)
        print(row)
        for solver in solvers:
            alternative = report["solvers"][solver].get("alternative_optimum")
            if alternative and alternative["agrees"]:
                kind = ("Insula's MILP incumbent, within its MIP gap" if report["solvers"][solver]["integer"]
                        else "an alternative optimum of a degenerate LP")
                print(f"    {solver}: energies of {', '.join(alternative['pinned_sources'])} differ; with them and the emissions "
                      f"pinned to Insula's the optimum moves by {alternative['objective_relative_difference']:.1e} ({kind})")
        if report.get("kind") == "stochastic":
            for solver in solvers:
                entry = report["solvers"].get(solver, {})
                if "scenario_cost_relative_differences" in entry:
                    worst = max(abs(value) for value in entry["capacity_differences"].values())
                    rounding = max(r / max(abs(c), 1e-9) for r, c in zip(entry["scenario_cost_rounding_usd"], insula["scenario_costs_usd"]))
                    print(f"    {solver}: {len(report['scenarios'])} scenarios (w {report['cvar_weight']:g}, alpha "
                          f"{report['cvar_alpha']:g}); scenario costs max rel. diff "
                          f"{max(entry['scenario_cost_relative_differences']):.2e}"
                          + (f" (glpsol's printed solution allows {rounding:.1e})" if rounding > 0 else "")
                          + f"; capacities max diff {worst:.2e} (largest {max(abs(v) for v in insula['capacities'].values()):.1f})")
        for note in report["notes"]:
            print(f"    note: {note}")
        for failure in report["failures"]:
            print(f"    MISMATCH {failure}")
        failed = failed or bool(report["failures"])
    if arguments.json:
        with open(arguments.json, "w") as handle:
            json.dump(reports, handle, indent=2)
    failures = sum(1 for report in reports if report.get("failures") or report.get("error"))
    print("cross-check " + (f"FAILED on {max(failures, 1)} of {len(reports)} sites" if failed else f"passed on {len(reports)} sites"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
