#!/usr/bin/env python3
"""Check that the carbon limits of the real-data corpus bind, with HiGHS on exported LPs.

For each site in data/sites/real/ with carbon limits (carbon.cap_t,
carbon.intensity_cap_g_per_kwh_it, carbon.cfe_target_share), exports the site's LP as free MPS
with `insula lp export`, and the LPs of variants without each limit (and without all of them),
solves each with HiGHS (highspy) and prints the objectives, the relative change and the limit
rows' activity and slack. A limit binds when removing it lowers the objective by more than
0.1 %. Variants are written to a temporary folder with absolute data paths.

    python3 tools/corpus/check_limits.py [--insula .build/release/insula] [SITE.yaml ...]
    python3 tools/corpus/check_limits.py --json results.json
"""

import argparse
import glob
import json
import os
import re
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LIMITS = ["cap_t", "intensity_cap_g_per_kwh_it", "cfe_target_share"]
ROWS = {"cap_t": "carbon_cap", "intensity_cap_g_per_kwh_it": "carbon_intensity_cap", "cfe_target_share": "cfe_target"}


def limits_of(text):
    """The carbon limits set in a site's `carbon:` block, in file order."""
    block = re.search(r"^carbon:\n((?:[ ]+.*\n?)*)", text, re.M)
    found = {}
    if block:
        for key in LIMITS:
            m = re.search(r"^\s+%s:\s*([0-9.eE+-]+)" % key, block.group(1), re.M)
            if m:
                found[key] = float(m.group(1))
    return found


def variant(site_path, text, drop, folder, tag):
    """The site without the `drop` limits, with absolute data paths, written to folder."""
    site_dir = os.path.dirname(os.path.abspath(site_path))
    out = []
    for line in text.splitlines(keepends=True):
        if any(re.match(r"^\s+%s:" % key, line) for key in drop):
            continue
        out.append(line)
    body = "".join(out)
    body = re.sub(r"((?:file|open_meteo|epw): )(\.\./[^,}\n]+)",
                  lambda m: m.group(1) + os.path.normpath(os.path.join(site_dir, m.group(2))), body)
    path = os.path.join(folder, "%s-%s.yaml" % (os.path.basename(site_path)[:-5], tag))
    with open(path, "w") as handle:
        handle.write(body)
    return path


def solve(mps, time_limit):
    import highspy
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("time_limit", float(time_limit))
    h.setOptionValue("mip_rel_gap", 1e-4)
    h.readModel(mps)
    start = time.time()
    h.run()
    seconds = time.time() - start
    status = h.modelStatusToString(h.getModelStatus())
    info = h.getInfo()
    lp = h.getLp()
    solution = h.getSolution()
    rows = {}
    for i, name in enumerate(lp.row_names_):
        if name in ROWS.values():
            lower, upper, activity = lp.row_lower_[i], lp.row_upper_[i], solution.row_value[i]
            slack = (upper - activity) if upper < 1e30 else (activity - lower)
            rows[name] = {"activity": activity, "lower": lower, "upper": upper, "slack": slack}
    gap = getattr(info, "mip_gap", None) if lp.integrality_ else None
    return {"status": status, "objective": info.objective_function_value, "seconds": round(seconds, 1),
            "rows": rows, "mip_gap": gap}


def export(insula, site, mps):
    result = subprocess.run([insula, "lp", "export", site, "--format", "mps", "-o", mps],
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError("%s: %s" % (site, result.stderr.strip()))


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sites", nargs="*")
    parser.add_argument("--insula", default=os.path.join(REPO, ".build", "release", "insula"))
    parser.add_argument("--time-limit", type=float, default=1800)
    parser.add_argument("--json", help="also write the results as JSON")
    parser.add_argument("--all-sites", action="store_true", help="also solve sites without limits")
    args = parser.parse_args(argv)
    sites = args.sites or sorted(glob.glob(os.path.join(REPO, "data", "sites", "real", "*.yaml")))
    folder = tempfile.mkdtemp(prefix="corpus-limits-")
    results = []
    for site in sites:
        text = open(site).read()
        limits = limits_of(text)
        if not limits and not args.all_sites:
            continue
        cases = [("as-is", [])]
        for key in limits:
            cases.append(("without-" + key, [key]))
        if len(limits) > 1:
            cases.append(("without-all", list(limits)))
        record = {"site": os.path.relpath(site, REPO), "limits": limits, "cases": {}}
        for tag, drop in cases:
            path = variant(site, text, drop, folder, tag)
            mps = path[:-5] + ".mps"
            export(args.insula, path, mps)
            record["cases"][tag] = solve(mps, args.time_limit)
            os.remove(mps)
            case = record["cases"][tag]
            print("%s %s: %s objective %.6g USD (%.0f s) %s" % (record["site"], tag, case["status"], case["objective"],
                                                                case["seconds"], json.dumps(case["rows"])), flush=True)
        base = record["cases"]["as-is"]["objective"]
        for key in limits:
            free = record["cases"]["without-" + key]["objective"]
            change = (base - free) / abs(free) if free else float("nan")
            record.setdefault("binding", {})[key] = change > 1e-3
            print("  %s: objective +%.3f %% with the limit -> %s" % (key, 100 * change, "binds" if change > 1e-3 else "does NOT bind"))
        results.append(record)
    if args.json:
        with open(args.json, "w") as handle:
            json.dump(results, handle, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
