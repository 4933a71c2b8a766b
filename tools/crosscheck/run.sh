#!/usr/bin/env bash
# Cross-checks Insula against PyPSA (GLPK and HiGHS) on every site in tools/crosscheck/sites.
# Needs: python3 with pypsa and highspy (`python3 -m pip install pypsa highspy`), glpsol
# (`make deps`), and ../shared/data beside the repository for the real-data sites.
# Exit status 1 if any site disagrees (docs/validation.md explains the comparison).
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build --product insula
mkdir -p .build/crosscheck
python3 tools/crosscheck/crosscheck.py --insula .build/debug/insula --json .build/crosscheck/report.json \
    tools/crosscheck/sites/*.yaml
