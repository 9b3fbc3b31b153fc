#!/usr/bin/env python3
"""Independent check of a norms file (SPEC section 13), with exact arithmetic.

    python3 tests/scripts/norms-check.py REPORTS.json NORMS.json [MIN_GROUP]

REPORTS.json is what `diag score --format json` printed for the reference group (an array of
reports); NORMS.json is what `diag aggregate --norms-out` wrote from the same answers. The script
recomputes, from the reports' scores alone, n and the 99 type-7 quantiles of the overall score and
of each dimension (Fractions of the 2-decimal scores, position p(n-1), linear interpolation,
rounded half up to 2 decimals), the dimensions left out under the floor max(k, 30), and prints
`ok` or every difference (exit 1).
"""

import json
import math
import sys
from fractions import Fraction

FLOOR = 30


def half_up(f):
    hundredths = math.floor(abs(f) * 100 + Fraction(1, 2))
    value = (hundredths if f >= 0 else -hundredths) / 100
    return int(value) if value == int(value) else value


def quantiles(values):
    xs = sorted(Fraction(str(v)) for v in values)
    n = len(xs)
    points = []
    for j in range(1, 100):
        h = Fraction(j, 100) * (n - 1)
        low = math.floor(h)
        high = min(low + 1, n - 1)
        points.append(half_up(xs[low] + (h - low) * (xs[high] - xs[low])))
    return points


def main():
    reports = json.load(open(sys.argv[1], encoding="utf-8"))
    norms = json.load(open(sys.argv[2], encoding="utf-8"))
    floor = max(int(sys.argv[3]) if len(sys.argv) > 3 else 5, FLOOR)
    problems = []
    if norms["n"] != len(reports):
        problems.append(f"n: {norms['n']} != {len(reports)}")
    overall = [r["scores"]["overall"]["score"] for r in reports if r["scores"]["overall"]["score"] is not None]
    if norms["overall"]["points"] != quantiles(overall):
        problems.append("overall points differ")
    ids = [d["id"] for d in reports[0]["scores"]["dimensions"]]
    for dim in ids:
        scores = [d["score"] for r in reports for d in r["scores"]["dimensions"] if d["id"] == dim and d["score"] is not None]
        if len(scores) < floor:
            if dim in norms["dimensions"]:
                problems.append(f"{dim}: {len(scores)} scores, under the floor, but kept")
            continue
        kept = norms["dimensions"].get(dim)
        if kept is None:
            problems.append(f"{dim}: missing")
        elif kept["n"] != len(scores) or kept["points"] != quantiles(scores):
            problems.append(f"{dim}: points differ")
    for key in ("respondent", "answers", "profile"):
        if key in json.dumps(norms):
            problems.append(f"the norms file mentions {key}")
    print("\n".join(problems) if problems else "ok")
    sys.exit(1 if problems else 0)


main()
