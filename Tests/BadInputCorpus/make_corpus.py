#!/usr/bin/env python3
"""Writes the bad-input corpus: malformed site, CSV, EPW, Open-Meteo, MPS and LP files, and
cases.tsv with, for each, the command, the expected exit code and an expected fragment of the
error message. `InsulaCLITests/BadInputCorpusTests.swift` runs every case through the built
binary. Rerun after changing a case: python3 Tests/BadInputCorpus/make_corpus.py

Each site case is a small valid site (BASE) with one thing broken, so the expected fragment
names that thing (usually its key path). Data-file cases are referred to by such a site.
"""

import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "cases")

STEPS = 6
GOOD_CSV = "timestamp_utc,price_usd_per_mwh,carbon_intensity_g_per_kwh\n" + "".join(
    f"2025-01-01T{h:02d}:00:00Z,{40 + h},{300 - h}\n" for h in range(STEPS))


def base(**replace) -> str:
    """A valid six-hour site; keyword arguments replace whole top-level sections (None drops one)."""
    sections = {
        "name": "name: corpus",
        "horizon": "horizon: {start_utc: 2025-01-01T00:00Z, steps: 6, step_minutes: 60}",
        "weather": None,
        "smr": "smr: {units: 1, capacity_mw_per_unit: 20, marginal_cost_usd_per_mwh: 10}",
        "grid_feeds": "grid_feeds:\n  - {name: grid, import_capacity_mw: 100, price_usd_per_mwh: 50, carbon_intensity_g_per_kwh: 300}",
        "renewables": None,
        "batteries": None,
        "backup_generators": None,
        "power_distribution": None,
        "it_fleet": "it_fleet: {racks: 100, power_per_rack_kw: 300}",
        "workloads": "workloads:\n  inference: {demand_mw: 15}",
        "cooling": "cooling: {cop: 5}",
        "carbon": None,
        "limits": None,
    }
    sections.update(replace)
    return "\n".join(text for text in sections.values() if text is not None) + "\n"


def feed(**fields) -> str:
    values = {"name": "grid", "import_capacity_mw": "100", "price_usd_per_mwh": "50", "carbon_intensity_g_per_kwh": "300"}
    values.update(fields)
    return "grid_feeds:\n  - {" + ", ".join(f"{k}: {v}" for k, v in values.items() if v is not None) + "}"


def battery(**fields) -> str:
    values = {"name": "bess", "energy_mwh": "40", "power_mw": "10"}
    values.update(fields)
    return "batteries:\n  - {" + ", ".join(f"{k}: {v}" for k, v in values.items() if v is not None) + "}"


def job(**fields) -> str:
    values = {"name": "train", "energy_mwh": "20", "release_utc": "2025-01-01T00:00Z", "deadline_utc": "2025-01-01T06:00Z",
              "max_power_mw": "10"}
    values.update(fields)
    return "workloads:\n  inference: {demand_mw: 15}\n  training_jobs:\n    - {" + ", ".join(
        f"{k}: {v}" for k, v in values.items() if v is not None) + "}"


def csv_site(column="price_usd_per_mwh", file="csv/{name}.csv", extra="timestamp_column: timestamp_utc") -> str:
    reference = "{file: " + file + ", column: " + column + (", " + extra if extra else "") + "}"
    return base(grid_feeds=feed(price_usd_per_mwh=reference))


SITE_CASES = []  # (name, yaml text or bytes, exit, fragment)
DATA_CASES = []  # (relative path, bytes or text)
MODEL_CASES = []  # (name with extension, text or bytes, exit, fragment)


def site(name, text, fragment, code=2):
    SITE_CASES.append((name, text, code, fragment))


def data(path, content):
    DATA_CASES.append((path, content))


def csv_case(name, content, fragment, **site_arguments):
    data(f"csv/{name}.csv", content)
    site(f"csv-{name}", csv_site(file=f"csv/{name}.csv", **site_arguments), fragment)


def rows(values, header="timestamp_utc,price_usd_per_mwh,carbon_intensity_g_per_kwh", stamps=None):
    stamps = stamps or [f"2025-01-01T{h:02d}:00:00Z" for h in range(len(values))]
    return header + "\n" + "".join(f"{s},{v},300\n" for s, v in zip(stamps, values))


# ---- Site files: bytes and YAML structure ----
site("empty-file", "", "horizon")
site("whitespace-only", "   \n\n  \n", "horizon")
site("binary-garbage", bytes(range(256)) * 4, "not UTF-8")
site("latin1-bytes", "name: caf\xe9\n".encode("latin-1"), "not UTF-8")
site("yaml-syntax-error", "horizon: {start_utc: 2025-01-01T00:00Z, steps: 6\n", "not valid YAML")
site("tab-indentation", "horizon:\n\tsteps: 6\n", "not valid YAML")
site("top-level-list", "- horizon\n- smr\n", "mapping")
site("top-level-scalar", "just a string\n", "mapping")
site("duplicate-top-level-key", base() + "horizon: {start_utc: 2025-01-01T00:00Z, steps: 7}\n", "duplicate key \"horizon\"")
site("billion-laughs", "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 9) + "]\n" for i in range(8)), "aliases")
site("deep-nesting", "horizon: " + "[" * 5000 + "]" * 5000 + "\n", "not valid YAML")
site("mapping-key-not-string", base() + "? [a, b]\n: 1\n", "mapping keys must be plain strings")
site("unknown-top-level-key", base() + "reactor: {units: 2}\n", "unknown key \"reactor\"")
site("unknown-nested-key", base(smr="smr: {units: 1, capacity_mw_per_unit: 20, marginal_cost_usd_per_mwh: 10, unitz: 3}"), "smr.unitz")
site("missing-horizon", base(horizon=None), "horizon")
site("missing-it-fleet", base(it_fleet=None), "it_fleet")
site("missing-start", base(horizon="horizon: {steps: 6}"), "horizon.start_utc")
site("no-power-source", base(smr=None, grid_feeds=None), "no power source")
site("empty-source-lists", base(smr=None, grid_feeds="grid_feeds: []"), "no power source")

# ---- Horizon ----
site("start-fractional-second", base(horizon="horizon: {start_utc: 2025-01-01T00:00:00.000001Z, steps: 6}"), "fraction of a second")
site("horizon-past-year-9999", base(horizon="horizon: {start_utc: 9999-12-31T20:00Z, steps: 6}"), "must end by 10000-01-01T00:00Z")
site("start-before-1900", base(horizon="horizon: {start_utc: 1899-12-31T23:00Z, steps: 6}"), "1900 or later")
site("steps-hex", base(horizon="horizon: {start_utc: 2025-01-01T00:00Z, steps: 0x6}"), "horizon.steps")
site("unknown-key-long", base() + "k" * 1000 + ": 1\n", "(1000 bytes)")
site("steps-zero", base(horizon="horizon: {start_utc: 2025-01-01T00:00Z, steps: 0}"), "horizon.steps")
site("steps-negative", base(horizon="horizon: {start_utc: 2025-01-01T00:00Z, steps: -6}"), "horizon.steps")
site("steps-huge", base(horizon="horizon: {start_utc: 2025-01-01T00:00Z, steps: 1000000000}"), "horizon.steps")
site("steps-text", base(horizon="horizon: {start_utc: 2025-01-01T00:00Z, steps: six}"), "horizon.steps")
site("steps-fraction", base(horizon="horizon: {start_utc: 2025-01-01T00:00Z, steps: 6.5}"), "horizon.steps")
site("steps-1e400", base(horizon="horizon: {start_utc: 2025-01-01T00:00Z, steps: 1e400}"), "horizon.steps")
site("step-minutes-7", base(horizon="horizon: {start_utc: 2025-01-01T00:00Z, steps: 6, step_minutes: 7}"), "step_minutes")
site("start-not-timestamp", base(horizon="horizon: {start_utc: yesterday, steps: 6}"), "horizon.start_utc")
site("start-off-step", base(horizon="horizon: {start_utc: 2025-01-01T00:10Z, steps: 6}"), "horizon.start_utc")
site("start-month-13", base(horizon="horizon: {start_utc: 2025-13-01T00:00Z, steps: 6}"), "horizon.start_utc")
site("end-before-start", base(horizon="horizon: {start_utc: 2025-01-01T06:00Z, end_utc: 2025-01-01T00:00Z}"), "horizon")
site("horizon-is-list", base(horizon="horizon: [2025, 6]"), "horizon")

# ---- SMR ----
smr = "smr: {{units: {units}, capacity_mw_per_unit: {capacity}, marginal_cost_usd_per_mwh: {cost}{extra}}}"
site("smr-units-zero", base(smr=smr.format(units=0, capacity=20, cost=10, extra="")), "smr.units")
site("smr-units-huge", base(smr=smr.format(units=10**7, capacity=20, cost=10, extra="")), "smr.units")
site("smr-capacity-negative", base(smr=smr.format(units=1, capacity=-20, cost=10, extra="")), "smr.capacity_mw_per_unit")
site("smr-capacity-nan", base(smr=smr.format(units=1, capacity=".nan", cost=10, extra="")), "smr.capacity_mw_per_unit")
site("smr-capacity-infinity", base(smr=smr.format(units=1, capacity=".inf", cost=10, extra="")), "smr.capacity_mw_per_unit")
site("smr-capacity-1e308", base(smr=smr.format(units=1, capacity="1e308", cost=10, extra="")), "smr.capacity_mw_per_unit")
site("smr-capacity-quoted", base(smr=smr.format(units=1, capacity='"20"', cost=10, extra="")), "smr.capacity_mw_per_unit")
site("smr-capacity-in-kw", base(smr=smr.format(units=1, capacity=77000, cost=10, extra="")), "smr.capacity_mw_per_unit")
site("smr-min-load-above-one", base(smr=smr.format(units=1, capacity=20, cost=10, extra=", min_stable_load_fraction: 1.5")),
     "smr.min_stable_load_fraction")
site("smr-commitment-unknown", base(smr=smr.format(units=1, capacity=20, cost=10, extra=", commitment: sometimes")), "smr.commitment")
site("smr-outage-unit-range", base(smr=smr.format(units=1, capacity=20, cost=10,
                                                  extra=", outages: [{unit: 3, start_utc: 2025-01-01T01:00Z, end_utc: 2025-01-01T02:00Z}]")),
     "smr.outages[0].unit")
site("smr-outage-reversed", base(smr=smr.format(units=1, capacity=20, cost=10,
                                                extra=", outages: [{unit: 0, start_utc: 2025-01-01T03:00Z, end_utc: 2025-01-01T02:00Z}]")),
     "smr.outages[0]")
site("smr-cost-missing", base(smr="smr: {units: 1, capacity_mw_per_unit: 20}"), "smr.marginal_cost_usd_per_mwh")
forced = ", forced_outages: {{{0}}}"
site("smr-forced-rate-one", base(smr=smr.format(units=1, capacity=20, cost=10,
                                                extra=forced.format("forced_outage_rate: 1, mean_time_to_repair_hours: 24, draw: 1"))),
     "smr.forced_outages.forced_outage_rate: must be in [0, 1), got 1")
site("smr-forced-repair-zero", base(smr=smr.format(units=1, capacity=20, cost=10,
                                                   extra=forced.format("forced_outage_rate: 0.1, mean_time_to_repair_hours: 0"))),
     "smr.forced_outages.mean_time_to_repair_hours: must be in (0, 87600] h, got 0")
site("smr-forced-draw-zero", base(smr=smr.format(units=1, capacity=20, cost=10,
                                                 extra=forced.format("forced_outage_rate: 0.1, mean_time_to_repair_hours: 24, draw: 0"))),
     "smr.forced_outages.draw: must be in [1, 1000000000], got 0")
site("smr-forced-draw-without-rate", base(smr=smr.format(units=1, capacity=20, cost=10,
                                                         extra=forced.format("mean_time_to_repair_hours: 24, draw: 3"))),
     "smr.forced_outages.forced_outage_rate: missing required key")

# ---- Grid feeds ----
site("grid-import-negative", base(grid_feeds=feed(import_capacity_mw="-5")), "grid_feeds[0].import_capacity_mw")
site("grid-price-missing", base(grid_feeds=feed(price_usd_per_mwh=None)), "grid_feeds[0].price_usd_per_mwh")
site("grid-price-short-list", base(grid_feeds=feed(price_usd_per_mwh="[50, 51, 52]")), "grid_feeds[0].price_usd_per_mwh")
site("grid-price-text-in-list", base(grid_feeds=feed(price_usd_per_mwh="[50, 51, cheap, 53, 54, 55]")),
     "grid_feeds[0].price_usd_per_mwh")
site("grid-price-nan-in-list", base(grid_feeds=feed(price_usd_per_mwh="[50, .nan, 52, 53, 54, 55]")),
     "grid_feeds[0].price_usd_per_mwh")
site("grid-price-huge", base(grid_feeds=feed(price_usd_per_mwh="1e12")), "grid_feeds[0].price_usd_per_mwh")
site("grid-intensity-out-of-range", base(grid_feeds=feed(carbon_intensity_g_per_kwh="5000")),
     "grid_feeds[0].carbon_intensity_g_per_kwh")
site("grid-export-price-and-fraction", base(grid_feeds=feed(export_price_usd_per_mwh="40", export_price_fraction="0.5")),
     "grid_feeds[0]")
site("grid-feeds-not-list", base(grid_feeds="grid_feeds: {name: grid}"), "grid_feeds")
site("grid-duplicate-names", base(grid_feeds=feed() + "\n  - {name: grid, import_capacity_mw: 10, price_usd_per_mwh: 50, "
                                  "carbon_intensity_g_per_kwh: 300}"), "duplicate name \"grid\"")
site("grid-too-many-feeds", base(grid_feeds="grid_feeds:\n" + "".join(
    f"  - {{name: g{i}, import_capacity_mw: 1, price_usd_per_mwh: 50, carbon_intensity_g_per_kwh: 300}}\n" for i in range(1001))),
     "more than the 1000")
site("grid-series-unknown-key", base(grid_feeds=feed(price_usd_per_mwh="{file: x.csv, colum: price}")),
     "grid_feeds[0].price_usd_per_mwh")

# ---- Renewables, batteries, backup ----
site("renewable-kind-unknown", base(renewables="renewables: [{name: pv, kind: nuclear, capacity_mw: 10, capacity_factor: 0.5}]"),
     "renewables[0].kind")
site("renewable-cf-above-one", base(renewables="renewables: [{name: pv, kind: solar, capacity_mw: 10, capacity_factor: 1.5}]"),
     "renewables[0].capacity_factor")
site("battery-energy-zero", base(batteries=battery(energy_mwh="0")), "batteries[0].energy_mwh")
site("battery-power-missing", base(batteries=battery(power_mw=None)), "batteries[0]")
site("battery-soc-min-above-max", base(batteries=battery(soc_min_fraction="0.9", soc_max_fraction="0.5")), "batteries[0]")
site("battery-initial-soc-outside", base(batteries=battery(initial_soc_fraction="1.2")), "batteries[0].initial_soc_fraction")
site("battery-final-soc-word", base(batteries=battery(final_soc="sometimes")), "batteries[0].final_soc")
site("battery-efficiency-above-one", base(batteries=battery(charge_efficiency="1.3")), "batteries[0].charge_efficiency")
site("battery-round-trip-and-split", base(batteries=battery(round_trip_efficiency="0.9", charge_efficiency="0.95")), "batteries[0]")
site("battery-dc-on-ac415", base(batteries=battery(coupling="dc"), power_distribution="power_distribution: {architecture: ac415}"),
     "batteries[0].coupling")
site("backup-emission-missing", base(backup_generators="backup_generators: [{name: gas, capacity_mw: 10, marginal_cost_usd_per_mwh: 90}]"),
     "backup_generators[0].emission_factor_g_per_kwh")

# ---- Distribution, IT, workloads, cooling, carbon, limits ----
site("architecture-unknown", base(power_distribution="power_distribution: {architecture: dc400}"), "power_distribution.architecture")
site("efficiency-other-architecture", base(power_distribution="power_distribution: {architecture: dc800, efficiencies: {ups: 0.95}}"),
     "power_distribution.efficiencies")
site("efficiency-above-one", base(power_distribution="power_distribution: {efficiencies: {rack_dc_dc: 1.2}}"),
     "power_distribution.efficiencies.rack_dc_dc")
site("bus-capacity-below-it", base(power_distribution="power_distribution: {bus_capacity_mw: 5}"), "power_distribution.bus_capacity_mw")
site("busway-segments-zero", base(power_distribution="power_distribution: {busway_loss_segments: 0}"),
     "power_distribution.busway_loss_segments")
site("racks-zero", base(it_fleet="it_fleet: {racks: 0, power_per_rack_kw: 300}"), "it_fleet.racks")
site("rack-power-huge", base(it_fleet="it_fleet: {racks: 100, power_per_rack_kw: 5000}"), "it_fleet.power_per_rack_kw")
site("idle-fraction-negative", base(it_fleet="it_fleet: {racks: 100, power_per_rack_kw: 300, idle_fraction: -0.1}"),
     "it_fleet.idle_fraction")
site("inference-above-capacity", base(workloads="workloads:\n  inference: {demand_mw: 45}"), "workloads.inference.demand_mw")
site("tokens-without-rate", base(workloads="workloads:\n  inference: {tokens_per_second: 1000}"), "tokens_per_mwh")
# Issue 14: power-performance curves (formulation 4.14).
CURVE = "workloads:\n  performance_curves:\n    c: {points: %s}\n  inference: {demand_mw: 15, performance_curve: %s}"
site("curve-not-concave", base(workloads=CURVE % ("[[0.5, 0.3], [0.8, 0.7], [1, 1]]", "c")),
     "workloads.performance_curves.c.points[1]: the curve is not concave")
site("curve-without-full-power", base(workloads=CURVE % ("[[0.5, 0.8], [0.9, 0.95]]", "c")),
     "workloads.performance_curves.c.points[1]: the last point must be the full-power point [1, 1]")
site("curve-unknown-name", base(workloads=CURVE % ("[[0.5, 0.8], [1, 1]]", "dvfs")),
     "workloads.inference.performance_curve: unknown performance curve")
site("curve-floor-below-curve", base(workloads=CURVE % ("[[0.5, 0.8], [1, 1]]", "c, min_power_fraction: 0.3")),
     "workloads.inference.min_power_fraction: must be at least the curve's lowest power fraction 0.5")
site("job-missing-name", base(workloads=job(name=None)), "workloads.training_jobs[0].name")
site("job-deadline-before-release", base(workloads=job(release_utc="2025-01-01T05:00Z", deadline_utc="2025-01-01T01:00Z")),
     "workloads.training_jobs[0]")
site("job-release-before-horizon", base(workloads=job(release_utc="2024-12-31T00:00Z")), "workloads.training_jobs[0].release_utc")
site("job-energy-does-not-fit", base(workloads=job(energy_mwh="1000")), "workloads.training_jobs[0]")
site("job-power-above-capacity", base(workloads=job(max_power_mw="500")), "workloads.training_jobs[0].max_power_mw")
site("job-energy-and-gpu-hours", base(workloads=job(gpu_hours="1000", kw_per_gpu="1")), "workloads.training_jobs[0]")
site("cooling-cop-with-weather", base(weather="weather: {dry_bulb_c: 20, relative_humidity_percent: 50}"), "cooling.cop")
site("cooling-missing-cop", base(cooling="cooling: {facility_supply_c: 32}"), "cooling")
site("economiser-unknown", base(cooling=None, weather="weather: {dry_bulb_c: 20, relative_humidity_percent: 50}\ncooling: {economiser: {kind: river}}"),
     "cooling.economiser.kind")
site("weather-two-humidities", base(cooling=None, weather="weather: {dry_bulb_c: 20, relative_humidity_percent: 50, wet_bulb_c: 15}"),
     "weather")
site("weather-rh-above-100", base(cooling=None, weather="weather: {dry_bulb_c: 20, relative_humidity_percent: 150}"),
     "weather.relative_humidity_percent")
site("carbon-price-negative", base(carbon="carbon: {price_usd_per_t: -5}"), "carbon.price_usd_per_t")
site("cfe-target-above-one", base(carbon="carbon: {cfe_target_share: 1.5}"), "carbon.cfe_target_share")
# Issue 17, item 10: magnitudes the LP layer would refuse (1e31 validated, then solve exited 1).
site("lost-value-1e31", base(workloads="workloads:\n  inference: {demand_mw: 15, value_of_lost_service_usd_per_mwh: 1e31}"),
     "workloads.inference.value_of_lost_service_usd_per_mwh: must be at most 1e12")
site("carbon-cap-1e40", base(carbon="carbon: {cap_t: 1e40}"), "carbon.cap_t: must be at most 1e12")
site("import-limit-negative", base(limits="limits: {import_limit_mw: -1}"), "limits.import_limit_mw")
site("limits-unknown-key", base(limits="limits: {export_limit_mw: 5}"), "limits.export_limit_mw")
site("site-too-large-for-lp", base(horizon="horizon: {start_utc: 2025-01-01T00:00Z, steps: 105408, step_minutes: 15}",
                                   batteries="batteries:\n" + "".join(f"  - {{name: b{i}, energy_mwh: 40, power_mw: 10}}\n" for i in range(40))),
     "above the limit of 20000000")
# Representative days (aggregation): K out of range, and a feature a representative day cannot carry.
DAY = "horizon: {start_utc: 2025-01-01T00:00Z, steps: 48, step_minutes: 60}"
site("aggregation-days-zero", base(horizon=DAY) + "aggregation: {representative_days: 0}\n", "aggregation.representative_days")
site("aggregation-more-days-than-horizon", base(horizon=DAY) + "aggregation: {representative_days: 3}\n",
     "aggregation.representative_days: must be at most the 2 whole days")
site("aggregation-with-pause", base(horizon=DAY, workloads=job(deadline_utc="2025-01-03T00:00Z", min_power_mw="1", pause="{}"))
     + "aggregation: {representative_days: 2}\n", "workloads.training_jobs[0].pause: pause and resume counts starts")

# ---- Paths that escape or lead nowhere ----
site("path-dev-zero", csv_site(file="/dev/zero"), "not a regular file")
site("path-dev-stdin", csv_site(file="/dev/stdin"), "not a regular file")
site("path-folder", csv_site(file="/"), "is a folder")
site("path-escapes-root", csv_site(file="../../../../../../../../nowhere/prices.csv"), "file not found")
site("path-proc-self", csv_site(file="/proc/self/mem"), "cannot read")
site("path-empty", csv_site(file='""'), "grid_feeds[0].price_usd_per_mwh")

# ---- CSV files ----
csv_case("empty", "", "empty")
csv_case("header-only", "timestamp_utc,price_usd_per_mwh,carbon_intensity_g_per_kwh\n", "no rows")
csv_case("binary", bytes(range(256)) * 8, "not valid UTF-8")
csv_case("latin1", "timestamp_utc,prix \xe9t\xe9\n".encode("latin-1"), "not valid UTF-8")
csv_case("unterminated-quote", GOOD_CSV.replace(",41,", ',"41,', 1), "quote")
csv_case("column-missing", GOOD_CSV.replace("price_usd_per_mwh", "price"), "column \"price_usd_per_mwh\"")
csv_case("text-cell", GOOD_CSV.replace(",42,", ",cheap,", 1), "not a number")
csv_case("empty-cell", GOOD_CSV.replace(",42,", ",,", 1), "empty")
csv_case("nan-cell", GOOD_CSV.replace(",42,", ",NaN,", 1), "not a finite number")
csv_case("inf-cell", GOOD_CSV.replace(",42,", ",inf,", 1), "not a finite number")
csv_case("overflow-cell", GOOD_CSV.replace(",42,", ",1e400,", 1), "not a finite number")
csv_case("huge-cell", GOOD_CSV.replace(",42,", ",1e15,", 1), "grid_feeds[0].price_usd_per_mwh")
csv_case("duplicate-timestamp", GOOD_CSV.replace("T03:00", "T02:00", 1), "duplicate timestamp")
csv_case("missing-steps", "".join(line + "\n" for i, line in enumerate(GOOD_CSV.splitlines()) if i not in (3, 4)), "no rows for 2 steps")
csv_case("off-grid-timestamp", GOOD_CSV.replace("T03:00:00Z", "T03:30:00Z", 1), "step")
csv_case("unreadable-timestamp", GOOD_CSV.replace("2025-01-01T03:00:00Z", "03/01/2025 3am", 1), "timestamp")
csv_case("ragged-row", GOOD_CSV.replace("T02:00:00Z,42,298", "T02:00:00Z", 1), "row 3")
csv_case("dst-gap", rows([40, 41, 42, 43, 44, 45], stamps=[f"2025-03-30 {h:02d}:00" for h in range(6)]), "daylight",
         extra="timestamp_column: timestamp_utc, timezone: Europe/Paris")
csv_case("bad-timezone", GOOD_CSV, "timezone", extra="timestamp_column: timestamp_utc, timezone: Mars/Olympus_Mons")
csv_case("rows-without-timestamps-mismatch", GOOD_CSV + "2025-01-01T06:00:00Z,46,294\n", "rows", extra="")
csv_case("timestamp-column-missing", GOOD_CSV, "timestamp_column", extra="timestamp_column: time")
csv_case("scale-text", GOOD_CSV, "scale", extra="timestamp_column: timestamp_utc, scale: lots")
# Issue 17, item 9: cells and timestamps that used to be read as something else.
csv_case("nul-in-cell", GOOD_CSV.replace(",42,", ",1\0,", 1).encode("utf-8"), "NUL byte")
csv_case("duplicate-header", GOOD_CSV.replace("carbon_intensity_g_per_kwh", "price_usd_per_mwh", 1), "named by 2 headers")
csv_case("case-colliding-header", GOOD_CSV.replace("carbon_intensity_g_per_kwh", "Price_USD_per_MWh", 1), "named by 2 headers")
csv_case("fractional-second", GOOD_CSV.replace("T01:00:00Z", "T01:00:00.999Z", 1), "fraction of a second")
csv_case("hex-float", GOOD_CSV.replace(",42,", ",0x1p3,", 1), "not a plain decimal number")
csv_case("infinity-word", GOOD_CSV.replace(",42,", ",infinity,", 1), "not a finite number")
csv_case("off-grid-seconds", GOOD_CSV.replace("T03:00:00Z", "T03:00:30Z", 1), "2025-01-01T03:00:30Z")
csv_case("huge-magnitude", GOOD_CSV.replace(",298\n", ",1e13\n", 1), "at most 1e12", column="carbon_intensity_g_per_kwh")

# ---- EPW weather ----
EPW_HEADER = ["LOCATION,Somewhere,XX,YYY,TMY3,000000,40.0,-100.0,0.0,300.0", "DESIGN CONDITIONS,0", "TYPICAL/EXTREME PERIODS,0",
              "GROUND TEMPERATURES,0", "HOLIDAYS/DAYLIGHT SAVINGS,No,0,0,0", "COMMENTS 1,corpus", "COMMENTS 2,corpus",
              "DATA PERIODS,1,1,Data,Wednesday, 1/ 1,12/31"]


def epw_rows(hours=range(1, 25), day=1, dry="5.0", override=None):
    out = []
    for hour in hours:
        fields = ["1999", "1", str(day), str(hour), "0", "?", dry, "-1.0", "60", "98000"] + ["0"] * 25
        if override and hour in override:
            fields = override[hour](fields)
        out.append(",".join(fields))
    return out


def epw_case(name, lines_or_bytes, fragment, extra=""):
    content = lines_or_bytes if isinstance(lines_or_bytes, bytes) else "\n".join(lines_or_bytes) + "\n"
    data(f"epw/{name}.epw", content)
    site(f"epw-{name}", base(cooling=None, weather=f"weather: {{epw: epw/{name}.epw{extra}}}"), fragment)


epw_case("empty", b"", "not an EPW file")
epw_case("binary", bytes(range(256)) * 8, "not an EPW file")
epw_case("no-location", EPW_HEADER[1:] + ["x"] + epw_rows(), "LOCATION")
epw_case("bad-timezone", [EPW_HEADER[0].replace(",0.0,300.0", ",east,300.0")] + EPW_HEADER[1:] + epw_rows(), "time zone")
epw_case("timezone-out-of-range", [EPW_HEADER[0].replace(",0.0,300.0", ",40,300.0")] + EPW_HEADER[1:] + epw_rows(), "time zone")
epw_case("few-fields", EPW_HEADER + ["1999,1,1,1,0"] + epw_rows(range(2, 25)), "at least 10 fields")
epw_case("hour-25", EPW_HEADER + epw_rows(override={3: lambda f: f[:3] + ["25"] + f[4:]}), "hour")
epw_case("missing-hours", EPW_HEADER + epw_rows(range(1, 4)), "no row for")
epw_case("duplicate-hour", EPW_HEADER + epw_rows() + epw_rows(range(5, 6)), "duplicate month/day/hour")
epw_case("sentinel-dry-bulb", EPW_HEADER + epw_rows(dry="99.9"), "missing value")
epw_case("text-dry-bulb", EPW_HEADER + epw_rows(dry="warm"), "not a number")
epw_case("offset-override-text", EPW_HEADER + epw_rows(), "weather.utc_offset_hours", extra=", utc_offset_hours: late")

# ---- Open-Meteo JSON ----
def meteo(times=None, temperatures=None, humidities=None, offset=0, drop=None):
    times = times if times is not None else [f"2025-01-01T{h:02d}:00" for h in range(STEPS)]
    temperatures = temperatures if temperatures is not None else [5.0] * len(times)
    humidities = humidities if humidities is not None else [70] * len(times)
    import json
    document = {"latitude": 50, "longitude": 8, "elevation": 100, "utc_offset_seconds": offset,
                "hourly": {"time": times, "temperature_2m": temperatures, "relative_humidity_2m": humidities}}
    for key in drop or []:
        if key in document:
            del document[key]
        else:
            del document["hourly"][key]
    return json.dumps(document)


def meteo_case(name, content, fragment):
    data(f"openmeteo/{name}.json", content)
    site(f"openmeteo-{name}", base(cooling=None, weather=f"weather: {{open_meteo: openmeteo/{name}.json}}"), fragment)


meteo_case("not-json", "{hourly: oops", "JSON")
meteo_case("empty", "", "JSON")
meteo_case("top-level-array", "[1, 2, 3]", "JSON")
meteo_case("missing-hourly", meteo(drop=["hourly"]), "missing hourly.time")
meteo_case("missing-temperature", meteo(drop=["temperature_2m"]), "missing hourly.temperature_2m")
meteo_case("length-mismatch", meteo(temperatures=[5.0] * 3), "hourly arrays differ in length")
meteo_case("null-temperature", meteo(temperatures=[5.0, None, 5.0, 5.0, 5.0, 5.0]), "missing or invalid value")
meteo_case("string-humidity", meteo(humidities=[70, 70, "wet", 70, 70, 70]), "missing or invalid value")
meteo_case("bad-time-label", meteo(times=["2025-01-01T00:00", "noon"] + [f"2025-01-01T{h:02d}:00" for h in range(2, 6)]),
           "cannot read time label")
meteo_case("outside-horizon", meteo(times=[f"2024-06-01T{h:02d}:00" for h in range(STEPS)]), "weather")
meteo_case("missing-offset", meteo(drop=["utc_offset_seconds"]), "utc_offset_seconds")

# ---- MPS and LP model files (insula lp solve) ----
GOOD_MPS_COLUMNS = "COLUMNS\n x obj 1 c1 1\n y obj 2 c1 1\n"
MODEL_CASES += [
    ("empty.mps", "", 2, "unexpected end of file"),
    ("binary.mps", bytes(range(256)) * 8, 2, "invalid control character"),
    ("garbage.lp", "this is not a model\n", 2, "keyword missing"),
    ("unknown-extension.txt", "NAME x\n", 2, "unknown model format"),
    ("no-endata.mps", "NAME t\nROWS\n N obj\n G c1\n" + GOOD_MPS_COLUMNS + "RHS\n rhs c1 1\n", 2, "unexpected end of file"),
    ("unknown-row.mps", "NAME t\nROWS\n N obj\n G c1\nCOLUMNS\n x obj 1 c9 1\nRHS\n rhs c1 1\nENDATA\n", 2, "c9"),
    ("bad-number.mps", "NAME t\nROWS\n N obj\n G c1\nCOLUMNS\n x obj 1 c1 one\nRHS\n rhs c1 1\nENDATA\n", 2, "cannot convert 'one'"),
    ("nan-coefficient.mps", "NAME t\nROWS\n N obj\n G c1\nCOLUMNS\n x obj 1 c1 nan\nRHS\n rhs c1 1\nENDATA\n", 2, "cannot convert 'nan'"),
    ("huge-coefficient.mps", "NAME t\nROWS\n N obj\n G c1\nCOLUMNS\n x obj 1 c1 1e300\n y obj 1 c1 1e-300\nRHS\n rhs c1 1\nENDATA\n",
     2, "beyond what the solver can scale"),
    # The libFuzzer finding (tools/fuzz/findings/FuzzLP/glp-scale-prob-abort.bin) as a file: an
    # integer model with coefficients 1e300 and 1e-300 made glp_scale_prob abort the process.
    ("fuzz-glp-scale-prob-abort.mps", "NAME t\nROWS\n N obj\n G c1\nCOLUMNS\n M1 'MARKER' 'INTORG'\n x obj 1 c1 1e300\n"
     " M2 'MARKER' 'INTEND'\n y obj 1 c1 1e-300\nRHS\n rhs c1 1\nBOUNDS\n UP bnd x 2\n UP bnd y 2\nENDATA\n",
     2, "beyond what the solver can scale"),
    # The second libFuzzer finding (tools/fuzz/findings/FuzzLP/glp-read-mps-duplicate-fx.bin):
    # glp_read_mps asserts (aborts) when a column gets two of FX, FR, BV.
    ("fuzz-glp-read-mps-duplicate-fx.mps", "NAME t\nROWS\n N obj\n G c1\n" + GOOD_MPS_COLUMNS + "RHS\n rhs c1 1\n"
     "BOUNDS\n FX bnd x 0\n FX bnd x 0\nENDATA\n", 2, "column 'x' has more than one FX, FR or BV bound"),
    ("fuzz-glp-read-mps-bv-then-fr.mps", "NAME t\nROWS\n N obj\n G c1\n" + GOOD_MPS_COLUMNS + "RHS\n rhs c1 1\n"
     "BOUNDS\n BV bnd y\n FR bnd y\nENDATA\n", 2, "column 'y' has more than one FX, FR or BV bound"),
    ("duplicate-upper-bound.mps", "NAME t\nROWS\n N obj\n G c1\n" + GOOD_MPS_COLUMNS + "RHS\n rhs c1 1\n"
     "BOUNDS\n UP bnd x 3\n UP bnd x 4\nENDATA\n", 2, "duplicate upper bound for column 'x'"),
    ("huge-bound.mps", "NAME t\nROWS\n N obj\n G c1\n" + GOOD_MPS_COLUMNS + "RHS\n rhs c1 1\nBOUNDS\n UP bnd x 1e200\nENDATA\n",
     2, "beyond what the solver can scale"),
    ("unknown-bound-type.mps", "NAME t\nROWS\n N obj\n G c1\n" + GOOD_MPS_COLUMNS + "RHS\n rhs c1 1\nBOUNDS\n ZZ bnd x 1\nENDATA\n",
     2, "unknown-bound-type.mps"),
    ("unknown-row-type.mps", "NAME t\nROWS\n N obj\n Q c1\n" + GOOD_MPS_COLUMNS + "RHS\n rhs c1 1\nENDATA\n", 2, "invalid row type"),
    ("duplicate-row.mps", "NAME t\nROWS\n N obj\n G c1\n G c1\n" + GOOD_MPS_COLUMNS + "RHS\n rhs c1 1\nENDATA\n", 2, "multiply specified"),
    ("lp-syntax.lp", "Minimize\n obj: x + \nSubject To\n c1: x >= 1\nEnd\n", 2, "missing variable name"),
    ("lp-huge-rhs.lp", "Minimize\n obj: x\nSubject To\n c1: x >= 1e200\nEnd\n", 2, "beyond what the solver can scale"),
    ("lp-division.lp", "Minimize\n obj: x\nSubject To\n c1: x / 2 >= 1\nEnd\n", 2, "missing constraint sense"),
    ("lp-only-comment.lp", "\\ nothing here\n", 2, "keyword missing"),
]

# Multi-period build-out (`periods`): a solar build over periods, one thing broken.
BUILD_SOLAR = ("renewables:\n  - {name: pv, kind: solar, capacity_factor: 0.3, coupling: ac,"
               " build: {max_mw: 50, capex_usd_per_kw: 900, lifetime_years: 25%s}}")


def buildout(periods, build_extra="", investment=None, **replace):
    sections = dict(renewables=BUILD_SOLAR % build_extra, **replace)
    text = base(**sections)
    if investment:
        text += investment + "\n"
    return text + "periods:\n" + periods


site("periods-out-of-order", buildout("  - {year: 2035}\n  - {year: 2030}\n"),
     "periods[1].year: periods must be in year order: 2030 does not come after 2035")
site("periods-repeated-year", buildout("  - {year: 2030}\n  - {year: 2030}\n"), "periods[1].year: periods must be in year order")
site("periods-empty", buildout("  []\n").replace("periods:\n  []", "periods: []"), "periods: needs at least one period")
site("periods-years-not-gap", buildout("  - {year: 2030, years: 3}\n  - {year: 2035}\n"),
     "periods[0].years: must be the 5 years to the next period (2035)")
site("periods-zero-years", buildout("  - {year: 2030, years: 0}\n"), "periods[0].years")
site("periods-unknown-key", buildout("  - {year: 2030, demand_scale: 2}\n"), "periods[0].demand_scale: unknown key")
site("periods-override-investment", buildout("  - {year: 2030, overrides: {investment.discount_rate: 0.1}}\n"),
     "periods[0].overrides.investment.discount_rate: investment is shared by every period")
site("periods-bad-override-value", buildout("  - {year: 2030}\n  - {year: 2035, overrides: {\"renewables[0].build.lifetime_years\": -4}}\n"),
     "in period 2035 (periods[1]): ")
site("periods-negative-lifetime", buildout("  - {year: 2030}\n").replace("lifetime_years: 25", "lifetime_years: -25"),
     "renewables[0].build.lifetime_years")
site("periods-zero-lifetime", buildout("  - {year: 2030}\n").replace("lifetime_years: 25", "lifetime_years: 0"),
     "renewables[0].build.lifetime_years")
site("periods-commissioning-after-horizon", buildout("  - {year: 2030}\n  - {year: 2035}\n", build_extra=", earliest_year: 2038"),
     "renewables[0].build.earliest_year: commissioning in 2038 is after the last period (2035)")
site("periods-lead-time-after-horizon", buildout("  - {year: 2030}\n  - {year: 2035}\n", build_extra=", lead_time_years: 8"),
     "renewables[0].build.lead_time_years: a lead time of 8 years")
site("periods-base-year-late", buildout("  - {year: 2030}\n", investment="investment: {discount_rate: 0.05, base_year: 2031}"),
     "investment.base_year: must be at most the first period's year (2030)")
site("periods-nothing-to-build", base() + "periods:\n  - {year: 2030}\n", "periods: a build-out needs at least one build section")
site("periods-unbounded-free-build", buildout("  - {year: 2030}\n").replace("max_mw: 50, capex_usd_per_kw: 900, ", ""),
     "renewables[0].build.max_mw: missing required key")
site("base-year-without-periods", base(carbon="investment: {base_year: 2030}"), "investment.base_year: is the year a multi-period build-out discounts to")


def write(path, content):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(content if isinstance(content, bytes) else content.encode("utf-8"))


def main():
    shutil.rmtree(CASES, ignore_errors=True)
    lines = ["# case\tcommand\texit code\texpected fragment of stderr (generated by make_corpus.py)"]
    for name, text, code, fragment in SITE_CASES:
        if name == "csv-dst-gap":
            text = text.replace("start_utc: 2025-01-01T00:00Z", "start_utc: 2025-03-29T23:00Z")
        write(os.path.join(CASES, "sites", f"{name}.yaml"), text)
        lines.append(f"{name}\tsolve sites/{name}.yaml\t{code}\t{fragment}")
    for path, content in DATA_CASES:
        write(os.path.join(CASES, "sites", path), content)
    for name, text, code, fragment in MODEL_CASES:
        write(os.path.join(CASES, "models", name), text)
        lines.append(f"model-{name}\tlp solve models/{name}\t{code}\t{fragment}")
    write(os.path.join(HERE, "cases.tsv"), "\n".join(lines) + "\n")
    print(f"{len(lines) - 1} cases")


if __name__ == "__main__":
    main()
