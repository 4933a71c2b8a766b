"""Small helpers the case-study notebooks share: find the built `insula`, write site variants, run solves.

Notebooks call the command-line tool exactly as an analyst would and read its CSV/JSON outputs with
pandas; nothing here imports Insula's internals.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import tempfile
import time
from pathlib import Path

import pandas as pd

REPO = Path(__file__).resolve().parent.parent
SITES = REPO / "data" / "sites"
SERIES = REPO / "data" / "series"
# Scratch space for site variants and run folders (outside the repository).
WORK = Path(os.environ.get("INSULA_NOTEBOOK_WORK", Path(tempfile.gettempdir()) / "insula-notebooks"))


def insula_binary() -> str:
    """`$INSULA`, else the release build, else the debug build (`make notebooks` builds release)."""
    if os.environ.get("INSULA"):
        return os.environ["INSULA"]
    for flavour in ("release", "debug"):
        candidate = REPO / ".build" / flavour / "insula"
        if candidate.exists():
            return str(candidate)
    raise FileNotFoundError("insula is not built: run `swift build -c release --product insula` (or `make notebooks`)")


def run(*arguments: str) -> subprocess.CompletedProcess:
    """Runs `insula ARGUMENTS`; raises with its stderr when it exits non-zero."""
    result = subprocess.run([insula_binary(), *arguments], capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"insula {' '.join(arguments)} exited {result.returncode}:\n{result.stderr}")
    return result


def site_variant(base: str, name: str, replacements: list[tuple[str, str]]) -> Path:
    """Writes a copy of `data/sites/BASE.yaml` with regex replacements (each must match) into WORK.

    Series paths are made absolute so the variant loads from anywhere.
    """
    text = (SITES / f"{base}.yaml").read_text()
    text = text.replace("../series/", f"{SERIES}/")
    for pattern, replacement in replacements:
        text, count = re.subn(pattern, replacement, text, flags=re.MULTILINE)
        if count == 0:
            raise ValueError(f"{base}.yaml: no match for {pattern!r}")
    path = WORK / "sites" / f"{name}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def solve(site: Path | str, name: str, allow_failure: bool = False) -> dict:
    """Solves a site into WORK/runs/NAME and returns its summary.json (plus `run_dir` and `wall_seconds`)."""
    out = WORK / "runs" / name
    started = time.perf_counter()
    result = subprocess.run([insula_binary(), "solve", str(site), "--out", str(out)], capture_output=True, text=True)
    if result.returncode != 0 and not (allow_failure and result.returncode in (3, 4)):
        raise RuntimeError(f"insula solve {site} exited {result.returncode}:\n{result.stderr}")
    summary = json.loads((out / "summary.json").read_text())
    summary["run_dir"] = str(out)
    summary["wall_seconds"] = time.perf_counter() - started
    return summary


def dispatch(run_dir: str) -> pd.DataFrame:
    """dispatch.csv with a UTC DatetimeIndex."""
    frame = pd.read_csv(Path(run_dir) / "dispatch.csv")
    frame.index = pd.to_datetime(frame.pop("timestamp"), utc=True)
    return frame
