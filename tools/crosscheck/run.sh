#!/usr/bin/env bash
# Cross-checks Insula against PyPSA (docs/validation.md explains the comparison).
#   tools/crosscheck/run.sh           every site in tools/crosscheck/sites with GLPK and HiGHS, then
#                                     the full-year data/sites/example.yaml with HiGHS only
#                                     (glpsol's simplex through linopy is too slow for a year).
#                                     NAME.scenarios.yaml files there are two-stage stochastic plans of
#                                     NAME.yaml (insula plan --scenarios), checked against PyPSA's
#                                     set_scenarios / set_risk_preference (tools/crosscheck/stochastic.py);
#                                     NAME.yaml itself is also checked as an ordinary plan; then the
#                                     multi-period build-outs in tools/crosscheck/buildout-sites against
#                                     PyPSA's multi-investment periods (tools/crosscheck/buildout.py)
#   tools/crosscheck/run.sh --corpus  every full-year site in data/sites/real/*.yaml, HiGHS only, each
#                                     solve limited to CROSSCHECK_TIME_LIMIT seconds (default 1800:
#                                     a full-year MILP can take HiGHS longer; the site then fails)
# Reports: .build/crosscheck/report.json, example.json, headroom.json, corpus.json (timings included).
# Needs: python3 with pypsa and highspy (`python3 -m pip install pypsa highspy`), glpsol
# (`make deps`), and ../shared/data beside the repository for the real-data sites.
# Exit status 1 if any site disagrees or cannot be checked.
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build --product insula
mkdir -p .build/crosscheck
crosscheck=(python3 tools/crosscheck/crosscheck.py --insula .build/debug/insula)

if [ "${1:-}" = "--corpus" ]; then
    shift
    shopt -s nullglob
    # The sites given, or the whole corpus.
    if [ $# -gt 0 ]; then sites=("$@"); else sites=(data/sites/real/*.yaml); fi
    if [ ${#sites[@]} -eq 0 ]; then
        echo "no corpus sites in data/sites/real/"
        exit 0
    fi
    exec "${crosscheck[@]}" --solvers highs --time-limit "${CROSSCHECK_TIME_LIMIT:-1800}" \
        --json .build/crosscheck/corpus.json "${sites[@]}"
fi

status=0
"${crosscheck[@]}" --json .build/crosscheck/report.json tools/crosscheck/sites/*.yaml || status=1
"${crosscheck[@]}" --solvers highs --json .build/crosscheck/example.json data/sites/example.yaml || status=1
# Multi-period build-outs (insula plan with periods, formulation 16) against n.investment_periods.
python3 tools/crosscheck/buildout.py --insula .build/debug/insula tools/crosscheck/buildout-sites/*.yaml || status=1
# Curtailment-enabled headroom (insula flex headroom, formulation 4.12) on the demand-response site.
"${crosscheck[@]}" --headroom --json .build/crosscheck/headroom.json tools/crosscheck/sites/demand-response.yaml || status=1
exit $status
