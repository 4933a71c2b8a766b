#!/usr/bin/env python3
"""An independent implementation of Insula's SMR forced-outage draw (docs/risk.md), from the
documentation alone, to check the Swift one (Tests/IslandTests/ForcedOutageTests.swift pins
values this script prints).

    python3 tools/outages/reference_draw.py --rate 0.1 --mttr-hours 36 --seed 2025 --draw 1 \
        --units 3 --start 2025-07-14T00:00Z --hours 168

prints `unit,start_utc,end_utc` for every forced outage overlapping the horizon, as
`smr_outages.csv` lists them (kind forced). Standard library only.
"""
import argparse
import datetime
import math

MASK = 2**64 - 1


def splitmix64_next(state):
    """SplitMix64 (Steele, Lea and Flood 2014): the new state and the output."""
    state = (state + 0x9E3779B97F4A7C15) & MASK
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return state, z ^ (z >> 31)


def mix(value):
    """The first output of SplitMix64 seeded with `value`."""
    return splitmix64_next(value)[1]


def stream_seed(seed, draw, unit):
    return mix(mix(mix(seed) ^ draw) ^ unit)


def round_half_away(x):
    return math.floor(x + 0.5) if x >= 0 else -math.floor(-x + 0.5)


def outages(rate, mttr_hours, seed, draw, unit, anchor, start, end):
    """[start, end) epoch seconds of the unit's forced outages overlapping [start, end)."""
    if rate <= 0 or end <= start:
        return []
    state = stream_seed(seed, draw, unit)

    def uniform():
        nonlocal state
        state, output = splitmix64_next(state)
        return (output >> 11) * 2.0**-53

    repair = mttr_hours * 3600
    up = mttr_hours * (1 - rate) / rate * 3600
    minute = lambda seconds: anchor + int(round_half_away(seconds / 60)) * 60
    out = uniform() < rate
    clock = 0.0
    found = []
    while clock < end - anchor:
        length = -(repair if out else up) * math.log(1 - uniform())
        if out:
            a, b = minute(clock), minute(clock + length)
            if b > a and b > start and a < end:
                if found and found[-1][1] == a:
                    found[-1] = (found[-1][0], b)
                else:
                    found.append((a, b))
        clock += length
        out = not out
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rate", type=float, required=True)
    parser.add_argument("--mttr-hours", type=float, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--draw", type=int, required=True)
    parser.add_argument("--units", type=int, required=True)
    parser.add_argument("--start", required=True, help="horizon start, UTC, e.g. 2025-07-14T00:00Z")
    parser.add_argument("--hours", type=float, required=True)
    args = parser.parse_args()
    start_time = datetime.datetime.strptime(args.start, "%Y-%m-%dT%H:%MZ").replace(tzinfo=datetime.timezone.utc)
    start = int(start_time.timestamp())
    end = start + int(args.hours * 3600)
    anchor = int(datetime.datetime(start_time.year, 1, 1, tzinfo=datetime.timezone.utc).timestamp())
    fmt = lambda epoch: datetime.datetime.fromtimestamp(epoch, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%MZ")
    print(f"stream seed of (seed {args.seed}, draw {args.draw}, unit 0): {stream_seed(args.seed, args.draw, 0):#018x}")
    print("unit,start_utc,end_utc")
    for unit in range(args.units):
        for a, b in outages(args.rate, args.mttr_hours, args.seed, args.draw, unit, anchor, start, end):
            print(f"{unit},{fmt(a)},{fmt(b)}")


if __name__ == "__main__":
    main()
