"""Cross-check of two-stage stochastic plans (`insula plan SITE --scenarios FUTURES`) against
PyPSA's own stochastic optimisation (`Network.set_scenarios`, `Network.set_risk_preference`).

A stochastic case is a pair in one folder: `NAME.yaml` (the site) and `NAME.scenarios.yaml`
(its scenario file, docs/planning.md "Planning across scenarios"); crosscheck.py routes every
argument ending in `.scenarios.yaml` here.

1. Insula, once per scenario: `insula plan NAME.yaml --set KEY=VALUE ... --dump-inputs FILE
   --max-nonzeros 1` with that scenario's overrides (the dump is written, then the site is
   refused before anything is compiled or solved); and once for the answer: `insula plan
   NAME.yaml --scenarios NAME.scenarios.yaml --format json` (the stochastic.json document).
2. PyPSA: every scenario's dump is built into a deterministic network by crosscheck.py's own
   builder; the first becomes the stochastic network by `set_scenarios(probabilities)`, then
   each component's static and time-varying data is replaced, scenario by scenario, by that
   scenario's network's (PyPSA's scenario-indexed frames: columns or rows `(scenario, name)`).
   With a CVaR weight w > 0, `set_risk_preference(alpha, omega=w)`. PyPSA then gives every
   operating variable a `scenario` dimension and keeps one capacity variable per extendable
   component (the shared build). The Insula rows PyPSA has no component for are added once per
   scenario (crosscheck.Terms with `scenario`), the shared ones (battery ratings tie, grid
   connection variable and its cost) once.
3. Compared: the risk-adjusted objective (1e-6 relative), each scenario's cost (1e-6 relative)
   and the shared capacities (within 1e-4 of the largest); when a capacity or a scenario cost
   differs, PyPSA is re-solved with its capacities pinned to Insula's, and an unchanged
   objective with the same scenario costs proves Insula's build another optimum.

Why the objectives are the same: PyPSA minimises CAPEX + (1 - w) E[OPEX] + w CVaR_alpha[OPEX],
Insula (1 - w) E[cost] + w CVaR_alpha[cost] with cost = capital + operation. The capital of the
shared build is the same in every scenario and CVaR is translation invariant (CVaR[c + X] =
c + CVaR[X]), so both are capital + (1 - w) E[operation] + w CVaR[operation]. This holds only
when nothing scenario-dependent sits in the capital (embodied carbon priced in the decisions
is refused) and every operating cost is one PyPSA sees as OPEX (a demand charge, added to the
objective by a linopy term, would stay outside PyPSA's CVaR rows: refused).

A scenario's PyPSA cost is recomputed from the solution: capital_cost x capacity of every
extendable component + the grid connection's cost - the sunk capex of existing capacity
(crosscheck.sunk_capex) + sum over snapshots of marginal cost x power x step hours of every
Generator and Link, with each scenario's own marginal costs. The risk measure of these costs
must equal PyPSA's objective within 1e-9 relative, else the tool reports its own accounting as
broken (a term left out) instead of comparing.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import tempfile
import time

import numpy as np
import pandas as pd
import yaml

import crosscheck as base

# Insula's RiskMeasure default confidence level when the file gives none (PlanScenarioSet.swift).
DEFAULT_CVAR_ALPHA = 0.95
# PyPSA's objective against the risk measure of the scenario costs recomputed here.
ACCOUNTING_TOLERANCE = 1e-9
# linopy reads GLPK's solution from glpsol's printed report (`--output`), where every activity
# has 6 significant digits (`%13.6g`): each is off by up to 5e-6 of itself. A cost recomputed
# from them is then known to 5e-6 x the sum of its terms' magnitudes, not to 1e-9 (the
# objective itself is printed with 10 digits). HiGHS hands linopy full doubles.
REPORT_PRECISION = {"glpk": 5e-6}
SCENARIO_SUFFIX = ".scenarios.yaml"


def site_of(scenario_file: str) -> str:
    """NAME.scenarios.yaml -> NAME.yaml (same folder)."""
    if not scenario_file.endswith(SCENARIO_SUFFIX):
        raise ValueError(f"{scenario_file}: a scenario file must be named NAME{SCENARIO_SUFFIX}")
    site = scenario_file[: -len(SCENARIO_SUFFIX)] + ".yaml"
    if not os.path.exists(site):
        raise FileNotFoundError(f"{scenario_file}: its site {site} does not exist")
    return site


def render(node) -> str:
    """A value of the scenario file (read with YAML's BaseLoader: every scalar its own text) as
    the YAML text of `--set KEY=VALUE`."""
    if isinstance(node, dict):
        return "{" + ", ".join(f"{key}: {render(value)}" for key, value in node.items()) + "}"
    if isinstance(node, list):
        return "[" + ", ".join(render(value) for value in node) + "]"
    text = str(node)
    if text == "" or re.search(r"[:#,\[\]{}]|^[\s'\"&*!|>%@`-]|\s$", text):
        return json.dumps(text)  # a double-quoted YAML scalar
    return text


def read_scenarios(path: str) -> dict:
    """The scenario file as Insula reads it: names, probabilities (equal when none is given),
    overrides in order, and the risk measure (weight 0, alpha 0.95 by default)."""
    with open(path, encoding="utf-8") as handle:
        root = yaml.load(handle, Loader=yaml.BaseLoader)
    scenarios = []
    for entry in root["scenarios"]:
        overrides = entry.get("overrides") or {}
        scenarios.append({"name": entry["name"],
                          "probability": float(entry["probability"]) if "probability" in entry else None,
                          "overrides": [(key, render(value)) for key, value in overrides.items()]})
    if all(s["probability"] is None for s in scenarios):
        for s in scenarios:
            s["probability"] = 1 / len(scenarios)
    risk = root.get("risk") or {}
    return {"scenarios": scenarios, "cvar_weight": float(risk.get("cvar_weight", 0)),
            "cvar_alpha": float(risk.get("cvar_alpha", DEFAULT_CVAR_ALPHA))}


def conditional_value_at_risk(costs: list[float], probabilities: list[float], alpha: float) -> float:
    """CVaR_alpha of a discrete distribution (Rockafellar-Uryasev: VaR + E[max(0, cost - VaR)] /
    (1 - alpha), VaR the smallest cost whose cumulative probability reaches alpha)."""
    cumulative, var = 0.0, max(costs)
    for cost, probability in sorted(zip(costs, probabilities)):
        cumulative += probability
        if cumulative >= alpha - 1e-12:
            var = cost
            break
    return var + sum(p * max(0.0, c - var) for c, p in zip(costs, probabilities)) / (1 - alpha)


def risk_adjusted(costs: list[float], probabilities: list[float], weight: float, alpha: float) -> float:
    """(1 - w) E[cost] + w CVaR_alpha[cost]."""
    expected = float(np.dot(costs, probabilities))
    if weight == 0:
        return expected
    return (1 - weight) * expected + weight * conditional_value_at_risk(costs, probabilities, alpha)


def unsupported(site: str, futures: dict, dumps: list[dict]) -> list[str]:
    """Combinations the stochastic cross-check refuses (docs/validation.md, "Stochastic plans")."""
    problems = []
    for dump in dumps:
        problems += [p for p in base.unsupported_features(site, dump) if p not in problems]
    with open(site, encoding="utf-8") as handle:
        text = handle.read()
    keys = [key for s in futures["scenarios"] for key, _ in s["overrides"]]
    if any(re.match(r"(thermal|heat_reuse)\b", key) or ".water" in key for key in keys):
        problems.append("a scenario that overrides thermal, heat reuse or water keys")
    if re.search(r"embodied_in_decisions\s*:\s*true", text) or any("embodied" in key for key in keys):
        problems.append("embodied carbon in the decisions (a scenario-dependent capital cost: outside PyPSA's CAPEX term)")
    for dump, scenario in zip(dumps, futures["scenarios"]):
        if any(feed["demand_charge_usd_per_mw"] > 0 for feed in dump["grid_feeds"]):
            problems.append(f"a demand charge (scenario {scenario['name']}): an objective term outside PyPSA's scenario OPEX")
        if dump.get("smr") and dump["smr"]["commitment"] == "integer":
            problems.append(f"integer SMR commitment (scenario {scenario['name']})")
        if any(b["integer"] for b in dump.get("builds", [])):
            problems.append(f"a whole-module SMR build (scenario {scenario['name']}): Insula enumerates module counts")
    if not dumps[0].get("builds"):
        problems.append("a site without build sections")
    weight, alpha = futures["cvar_weight"], futures["cvar_alpha"]
    if weight > 0 and not 0 < alpha < 1:
        problems.append(f"cvar_alpha {alpha}: PyPSA's set_risk_preference needs 0 < alpha < 1")
    if weight >= 1:
        problems.append("cvar_weight 1: the costs of scenarios outside the tail are then not determined, so they cannot be compared")
    sunk = {round(base.sunk_capex(d), 6) for d in dumps}
    if len(sunk) > 1:
        problems.append("scenarios with different sunk capex")
    return list(dict.fromkeys(problems))


def run_insula(insula: str, site: str, scenario_file: str, futures: dict, folder: str) -> tuple[dict, list[dict], float, float]:
    """Each scenario's dump (`insula plan SITE --set ... --dump-inputs`), then the stochastic plan
    (`insula plan SITE --scenarios FILE --format json`). Returns the plan's JSON, the dumps, and
    the wall seconds of the plan and of all dumps."""
    dumps = []
    start = time.perf_counter()
    for index, scenario in enumerate(futures["scenarios"]):
        dump_path = os.path.join(folder, f"scenario{index}.json")
        command = [insula, "plan", site, "--out", os.path.join(folder, f"scenario{index}"), "--format", "json",
                   "--dump-inputs", dump_path, "--max-nonzeros", "1"]
        for key, value in scenario["overrides"]:
            command += ["--set", f"{key}={value}"]
        process = subprocess.run(command, capture_output=True, text=True)
        if not os.path.exists(dump_path) or process.returncode not in (0, 2):
            raise RuntimeError(f"insula plan {site} (scenario {scenario['name']}) exited {process.returncode}: {process.stderr.strip()}")
        with open(dump_path) as handle:
            dumps.append(json.load(handle))
    dump_seconds = time.perf_counter() - start
    start = time.perf_counter()
    process = subprocess.run([insula, "plan", site, "--scenarios", scenario_file, "--out", os.path.join(folder, "plan"),
                              "--format", "json"], capture_output=True, text=True)
    plan_seconds = time.perf_counter() - start
    if process.returncode != 0:
        raise RuntimeError(f"insula plan {site} --scenarios {scenario_file} exited {process.returncode}: {process.stderr.strip()}")
    return json.loads(process.stdout), dumps, plan_seconds, dump_seconds


def stochastic_network(dumps: list[dict], names: list[str], probabilities: list[float], weight: float, alpha: float):
    """The PyPSA stochastic network: each scenario's dump built by crosscheck.build_network, the
    first made stochastic by set_scenarios, every component's data replaced per scenario."""
    builts = [base.build_network(d) for d in dumps]
    stochastic = base.build_network(dumps[0])
    n = stochastic.network
    n.set_scenarios(pd.Series(probabilities, index=names))
    for component in n.components.values():
        per = [b.network.components[component.name] for b in builts]
        for name, other in zip(names, per):
            if not other.static.index.equals(per[0].static.index):
                raise base.Unsupported(f"scenario {name} has other {component.name} components than {names[0]} "
                                       f"(a scenario may change data, not the site's components)")
        if per[0].static.empty:
            continue
        component.static = pd.concat(dict(zip(names, (p.static for p in per))), names=["scenario"])
        keys = set().union(*(p.dynamic.keys() for p in per))
        for key in keys:
            frames = {name: p.dynamic[key] for name, p in zip(names, per) if key in p.dynamic}
            component.dynamic[key] = pd.concat(frames, names=["scenario"], axis=1)
    if weight > 0:
        n.set_risk_preference(alpha=alpha, omega=weight)
    return stochastic, builts


def add_rows(model, builts: list, names: list[str], pinned: dict | None):
    """The Insula rows per scenario (crosscheck.py's row functions on one scenario's variables);
    with `pinned`, the shared capacities held at Insula's."""
    for name, built in zip(names, builts):
        terms = base.Terms(built, model=model, scenario=name)
        base.add_smr_ramps(terms)
        base.add_busway_chords(terms)
        base.add_carbon_caps(terms)
        base.add_cfe_target(terms)
        base.add_site_limits(terms)
        base.add_build_rows(terms)
    if pinned:
        base.add_pins(base.Terms(builts[0], model=model, scenario=names[0]), pinned)


def shared_capacities(stochastic, model) -> dict:
    """The shared build from the solution, keyed as build_plan.csv (asset, name, dimension)."""
    d = stochastic.dump

    def solution(variable: str):
        return model.variables[variable].solution

    out = {}
    for (asset, name, dimension) in stochastic.builds:
        if asset in ("renewable", "backup_generator"):
            value = solution("Generator-p_nom").sel(name=f"{'renewable' if asset == 'renewable' else 'backup'}:{name}")
        elif asset == "smr":
            value = solution("Generator-p_nom").sel(name="smr") / d["smr"]["capacity_mw_per_unit"]
        elif dimension == "energy_mwh":
            value = solution("Store-e_nom").sel(name=f"battery:{name}")
        elif asset == "battery":
            battery = next(x for x in d["batteries"] if x["name"] == name)
            value = solution("Link-p_nom").sel(name=f"charge:{name}") * base.battery_converter(d, battery)
        else:
            value = solution(f"grid_connection:{name}")
        out[(asset, name, dimension)] = float(value)
    return out


def scenario_costs(stochastic, builts: list, names: list[str], model) -> tuple[list[float], list[float]]:
    """Each scenario's cost as Insula defines it (module docstring), from the solution, and the
    sum of the magnitudes of its terms (the scale of its rounding, REPORT_PRECISION)."""
    n = stochastic.network

    def solution(variable: str):
        return model.variables[variable].solution

    capital = -base.sunk_capex(stochastic.dump)
    capital_magnitude = abs(capital)
    for component, attribute in (("Generator", "p_nom"), ("Link", "p_nom"), ("Store", "e_nom")):
        static = builts[0].network.components[component].static
        for name in static.index[static[f"{attribute}_extendable"]]:
            term = float(static.at[name, "capital_cost"]) * float(solution(f"{component}-{attribute}").sel(name=name))
            capital += term
            capital_magnitude += abs(term)
    for (asset, name, _), b in stochastic.builds.items():
        if asset == "grid_feed":
            term = b["horizon_cost_usd_per_unit"] * float(solution(f"grid_connection:{name}"))
            capital += term
            capital_magnitude += abs(term)
    hours = np.asarray(n.snapshot_weightings["objective"], dtype=float)
    costs, magnitudes = [], []
    for scenario, built in zip(names, builts):
        operation, magnitude = 0.0, capital_magnitude
        for component in ("Generator", "Link"):
            price = built.network.get_switchable_as_dense(component, "marginal_cost")
            power = solution(f"{component}-p").sel(scenario=scenario).transpose("snapshot", "name").to_pandas()[price.columns]
            terms = price.to_numpy() * power.to_numpy() * hours[:, None]
            operation += float(terms.sum())
            magnitude += float(np.abs(terms).sum())
        store_price = built.network.get_switchable_as_dense("Store", "marginal_cost")
        if np.any(store_price.to_numpy() != 0):
            raise base.Unsupported("a Store with a marginal cost (not in the scenario cost accounting)")
        costs.append(capital + operation)
        magnitudes.append(magnitude)
    return costs, magnitudes


def solve(dumps: list[dict], names: list[str], probabilities: list[float], weight: float, alpha: float, solver: str,
          settings, pinned: dict | None = None) -> dict:
    start = time.perf_counter()
    stochastic, builts = stochastic_network(dumps, names, probabilities, weight, alpha)
    model = stochastic.network.optimize.create_model(include_objective_constant=False)
    add_rows(model, builts, names, pinned)
    build_seconds = time.perf_counter() - start
    status, out = base.run_solver(model, solver, settings, integer=False)
    out["build_seconds"] = build_seconds
    objective = model.objective.value
    if status != "ok" or objective is None or not np.isfinite(objective):
        out["objective_usd"] = None
        return out
    out["objective_usd"] = float(objective) - base.sunk_capex(dumps[0])
    out["capacities"] = shared_capacities(stochastic, model)
    out["scenario_costs_usd"], magnitudes = scenario_costs(stochastic, builts, names, model)
    # What the solution's printed precision allows, USD per scenario (0 for HiGHS).
    out["scenario_cost_rounding_usd"] = [REPORT_PRECISION.get(solver, 0.0) * m for m in magnitudes]
    accounted = risk_adjusted(out["scenario_costs_usd"], probabilities, weight, alpha)
    out["accounting_difference_usd"] = abs(accounted - out["objective_usd"])
    # The risk measure weighs the scenario costs with weights summing to 1: its rounding is at
    # most the largest scenario's.
    out["accounting_tolerance_usd"] = max(ACCOUNTING_TOLERANCE * abs(out["objective_usd"]), max(out["scenario_cost_rounding_usd"]))
    return out


def check_stochastic(insula: str, scenario_file: str, solvers: list[str], settings) -> dict:
    site = site_of(scenario_file)
    futures = read_scenarios(scenario_file)
    names = [s["name"] for s in futures["scenarios"]]
    probabilities = [s["probability"] for s in futures["scenarios"]]
    weight, alpha = futures["cvar_weight"], futures["cvar_alpha"]
    with tempfile.TemporaryDirectory(prefix="insula-crosscheck-") as folder:
        plan, dumps, plan_seconds, dump_seconds = run_insula(insula, site, scenario_file, futures, folder)
    problems = unsupported(site, futures, dumps)
    if problems:
        raise base.Unsupported("; ".join(problems))
    report = {"site": scenario_file, "kind": "stochastic", "scenarios": names, "probabilities": probabilities,
              "cvar_weight": weight, "cvar_alpha": alpha, "failures": [], "notes": [], "solvers": {}}
    # Insula must have read the file as we did.
    insula_names = [s["name"] for s in plan["scenarios"]]
    insula_probabilities = [s["probability"] for s in plan["scenarios"]]
    if (insula_names != names or any(abs(a - b) > 1e-12 for a, b in zip(insula_probabilities, probabilities))
            or abs(plan["cvar_weight"] - weight) > 1e-12 or (weight > 0 and abs(plan["cvar_alpha"] - alpha) > 1e-12)):
        report["failures"].append(f"Insula read the scenarios as {list(zip(insula_names, insula_probabilities))}, w "
                                  f"{plan['cvar_weight']}, alpha {plan['cvar_alpha']}; the file says "
                                  f"{list(zip(names, probabilities))}, w {weight}, alpha {alpha}")
        return report
    if plan["status"] != "optimal":
        raise RuntimeError(f"Insula's stochastic plan ended {plan['status']}")
    insula_objective = plan["risk_adjusted_cost_usd"]
    insula_costs = [s["cost_usd"] for s in plan["scenarios"]]
    insula_capacities = {(c["asset"], str(c["name"]), c["dimension"]): float(c["installed"]) for c in plan["capacities"]}
    report["insula"] = {"objective_usd": insula_objective, "expected_cost_usd": plan["expected_cost_usd"],
                        "scenario_costs_usd": insula_costs, "capacities": {"/".join(k): v for k, v in insula_capacities.items()},
                        "wall_seconds": plan_seconds, "dump_seconds": dump_seconds, "solve_seconds": plan["solve_seconds"],
                        "steps": dumps[0]["horizon"]["steps"], "rows": plan["rows"], "columns": plan["columns"]}
    capacity_scale = max([1.0] + [abs(v) for v in insula_capacities.values()])

    def compare(out: dict) -> tuple[float, list[float], dict, list[bool]]:
        """Relative differences of the objective and of each scenario's cost, capacity
        differences, and whether each scenario cost agrees (1e-6 relative, or within the
        rounding of a printed solution)."""
        objective = base.relative(out["objective_usd"], insula_objective, insula_objective)
        costs = [base.relative(a, b, b) for a, b in zip(out["scenario_costs_usd"], insula_costs)]
        agree = [abs(a - b) <= max(base.RELATIVE_OBJECTIVE_TOLERANCE * max(abs(b), 1e-9), rounding)
                 for a, b, rounding in zip(out["scenario_costs_usd"], insula_costs, out["scenario_cost_rounding_usd"])]
        capacities = {key: out["capacities"].get(key, 0.0) - value for key, value in insula_capacities.items()}
        return objective, costs, capacities, agree

    for solver in solvers:
        out = solve(dumps, names, probabilities, weight, alpha, solver, settings)
        if out["objective_usd"] is None:
            report["failures"].append(f"{solver}: PyPSA ended {out['status']}")
            report["solvers"][solver] = out
            continue
        objective_difference, cost_differences, capacity_differences, costs_agree = compare(out)
        entry = {"objective_usd": out["objective_usd"], "objective_relative_difference": objective_difference,
                 "scenario_costs_usd": out["scenario_costs_usd"], "scenario_cost_relative_differences": cost_differences,
                 "scenario_cost_rounding_usd": out["scenario_cost_rounding_usd"],
                 "capacities": {"/".join(k): v for k, v in out["capacities"].items()},
                 "capacity_differences": {"/".join(k): v for k, v in capacity_differences.items()},
                 "accounting_difference_usd": out["accounting_difference_usd"],
                 "accounting_tolerance_usd": out["accounting_tolerance_usd"],
                 "build_seconds": out["build_seconds"], "interface_seconds": out["interface_seconds"],
                 "solve_seconds": out["solve_seconds"], "status": out["status"], "integer": False,
                 "rows": out["rows"], "columns": out["columns"]}
        report["solvers"][solver] = entry
        if objective_difference > base.RELATIVE_OBJECTIVE_TOLERANCE:
            report["failures"].append(f"{solver}: risk-adjusted cost {out['objective_usd']:.6f} vs Insula {insula_objective:.6f} "
                                      f"(relative difference {objective_difference:.2e} > {base.RELATIVE_OBJECTIVE_TOLERANCE:g})")
        if out["accounting_difference_usd"] > out["accounting_tolerance_usd"]:
            report["failures"].append(f"{solver}: the scenario costs recomputed from PyPSA's solution give a risk-adjusted cost "
                                      f"{out['accounting_difference_usd']:.6f} USD away from PyPSA's objective (allowed "
                                      f"{out['accounting_tolerance_usd']:.6f}): the cross-check's cost accounting misses a term")
            continue
        # Insula's reported expected cost and CVaR (the latter outside the objective when w = 0)
        # against the same measures of PyPSA's scenario costs.
        rounding = max(out["scenario_cost_rounding_usd"])
        for key, value in (("expected_cost_usd", float(np.dot(out["scenario_costs_usd"], probabilities))),
                           ("cvar_usd", conditional_value_at_risk(out["scenario_costs_usd"], probabilities, alpha))):
            entry[f"{key}_difference"] = value - plan[key]
            if abs(value - plan[key]) > max(base.RELATIVE_OBJECTIVE_TOLERANCE * abs(plan[key]), rounding / (1 - alpha)):
                report["failures"].append(f"{solver}: {key} {value:.6f} from PyPSA's scenario costs vs Insula's {plan[key]:.6f}")
        costs_differ = [i for i, agree in enumerate(costs_agree) if not agree]
        capacities_differ = [k for k, d in capacity_differences.items() if abs(d) > base.RELATIVE_ENERGY_TOLERANCE * capacity_scale]
        if not (costs_differ or capacities_differ):
            continue
        # Another optimal build (or another split of cost between scenarios at the same build)?
        # Pin PyPSA's capacities to Insula's: the same objective and the same scenario costs
        # (unique at a given build when w < 1) prove Insula's plan an optimum.
        pinned = solve(dumps, names, probabilities, weight, alpha, solver, settings, pinned=insula_capacities)
        if pinned["objective_usd"] is None:
            pinned_objective, pinned_costs, pinned_agree = float("inf"), [float("inf")] * len(names), [False]
        else:
            pinned_objective, pinned_costs, _, pinned_agree = compare(pinned)
        agrees = pinned_objective <= base.RELATIVE_OBJECTIVE_TOLERANCE and all(pinned_agree)
        entry["alternative_optimum"] = {"pinned_sources": ["/".join(k) for k in capacities_differ] + [f"cost of {names[i]}" for i in costs_differ],
                                        "objective_relative_difference": pinned_objective,
                                        "scenario_cost_relative_differences": pinned_costs, "agrees": agrees}
        if not agrees:
            for key in capacities_differ:
                report["failures"].append(f"{solver}: capacity {'/'.join(key)} {out['capacities'].get(key, 0.0):.6f} vs Insula "
                                          f"{insula_capacities[key]:.6f}, and pinning Insula's build changes the optimum by "
                                          f"{pinned_objective:.2e}")
            for i in costs_differ:
                report["failures"].append(f"{solver}: scenario {names[i]} costs {out['scenario_costs_usd'][i]:.6f} vs Insula "
                                          f"{insula_costs[i]:.6f} ({cost_differences[i]:.2e}); at Insula's build "
                                          f"{pinned_costs[i]:.2e}")
    return report
