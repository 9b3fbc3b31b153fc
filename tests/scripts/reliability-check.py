#!/usr/bin/env python3
"""Independent computation of `diag aggregate --stats` (SPEC section 13), with exact arithmetic.

Written apart from the TypeScript code, with the standard library only. Item scores follow SPEC
section 4 on Fractions; variances and covariances are exact Fractions; alpha is exact; a
correlation is a square root, computed with 50 significant digits, then rounded half up to
3 decimals. Prints, as JSON, the statistics of the whole group and of each segment of the
`--by` questions for every data set below; tests/core/reliability.test.ts compares them with
the TypeScript code (and with tests/fixtures/stats/expected.json, written by --write).

    python3 tests/scripts/reliability-check.py            # print
    python3 tests/scripts/reliability-check.py --write    # update tests/fixtures/stats/expected.json
    python3 tests/scripts/reliability-check.py --generate # (re)make the generated data sets (seeded)

Data sets: the group of tests/fixtures/group on the sample bank (conditional questions, optional
ones skipped), and two seeded groups on tests/fixtures/banks/stats.json: `stats-a` (60 people,
two roles) and `stats-flat` (40 people, one item answered 3 by everyone: a variance of 0, and
two tools items that pull against each other: a negative alpha).
"""

import importlib.util
import json
import random
import sys
from decimal import ROUND_HALF_UP, Decimal, getcontext
from fractions import Fraction
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXTURES = HERE.parent / "fixtures"
MIN_GROUP = 5
MIN_RESPONDENTS = 10
getcontext().prec = 50


# --- banks ----------------------------------------------------------------------------------------

def sample_bank():
    """The sample bank as aggregate-check.py writes it by hand (its reader of answer files too)."""
    spec = importlib.util.spec_from_file_location("aggregate_check", HERE / "aggregate-check.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    questions = []
    for q in module.QUESTIONS:
        q = dict(q)
        q["profile"] = q.get("profile", False)
        q["has_when"] = "when" in q
        questions.append(q)
    return {"dimensions": [d for d, _ in module.DIMENSIONS], "questions": questions}, module


def condition(c):
    """The few condition forms the JSON test banks use, as a function of the answers so far."""
    if "all" in c:
        parts = [condition(x) for x in c["all"]]
        return lambda a: all(p(a) for p in parts)
    if "equals" in c:
        return lambda a: c["question"] in a and a[c["question"]] == c["equals"]
    raise ValueError(f"condition not handled by this checker: {c}")


def json_bank(path):
    raw = json.loads(path.read_text(encoding="utf-8"))
    questions = []
    for section, profile in (("profile", True), ("questions", False)):
        for q in raw.get(section, []):
            entry = {"id": q["id"], "type": q["type"], "profile": profile, "has_when": "when" in q}
            if "dimension" in q:
                entry["dimension"] = q["dimension"]
            if "weight" in q:
                entry["weight"] = q["weight"]
            if q.get("reverse"):
                entry["reverse"] = True
            if q["type"] == "likert":
                options = raw["scales"][q["scale"]]["options"] if "scale" in q else q["options"]
                entry["values"] = [o["value"] for o in options]
            if q["type"] in ("single", "multiple"):
                entry["options"] = [o["value"] for o in q["options"]]
                entry["scores"] = [o.get("score") for o in q["options"]]
            if q["type"] == "number":
                entry["min"], entry["max"] = q["min"], q["max"]
            if "when" in q:
                entry["when"] = condition(q["when"])
            questions.append(entry)
    return {"dimensions": [d["id"] for d in raw["dimensions"]], "questions": questions}


# --- scoring (SPEC sections 3 and 4), exact ------------------------------------------------------

def visible(bank, given):
    answers = {}
    for q in bank["questions"]:
        if q["has_when"] and not q["when"](answers):
            continue
        if q["id"] in given:
            answers[q["id"]] = given[q["id"]]
    return answers


def scored(q):
    return not q["profile"] and q["type"] != "text" and q.get("weight", 1) > 0 and "dimension" in q


def item_score(q, v):
    if v is None or v == "n/a":
        return None
    t = q["type"]
    if t == "likert":
        lo, hi = min(q["values"]), max(q["values"])
        s = (Fraction(v) - Fraction(lo)) / (Fraction(hi) - Fraction(lo)) * 100
    elif t == "boolean":
        s = Fraction(100 if v else 0)
    elif t == "single":
        return Fraction(q["scores"][q["options"].index(v)])
    elif t == "multiple":
        return Fraction(min(sum(sc for o, sc in zip(q["options"], q["scores"]) if o in v), 100))
    elif t == "number":
        c = min(max(v, q["min"]), q["max"])
        s = (Fraction(c) - Fraction(q["min"])) / (Fraction(q["max"]) - Fraction(q["min"])) * 100
    else:
        return None
    return 100 - s if q.get("reverse") else s


# --- statistics (SPEC section 13) ----------------------------------------------------------------

def half_up(x, places):
    q = Decimal(1).scaleb(-places)
    d = x if isinstance(x, Decimal) else Decimal(x.numerator) / Decimal(x.denominator)
    value = float(d.quantize(q, rounding=ROUND_HALF_UP))
    return 0.0 + value if value != 0 else 0


def number(x):
    """JSON as JavaScript writes it: 1 rather than 1.0, 0 rather than -0."""
    if x is None:
        return None
    return int(x) if x == int(x) else x


def variance(xs):
    """The numerator Σ(x − x̄)²: every variance shares the denominator, which cancels."""
    mean = sum(xs) / len(xs)
    return sum((x - mean) ** 2 for x in xs)


def covariance(xs, ys):
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys))


def alpha(columns):
    k = len(columns)
    if k < 2:
        return None
    totals = [sum(row) for row in zip(*columns)]
    vt = variance(totals)
    if vt == 0:
        return None
    return Fraction(k, k - 1) * (1 - sum(variance(c) for c in columns) / vt)


def corrected_r(columns, i):
    item = columns[i]
    rest = [sum(row) for row in zip(*(c for j, c in enumerate(columns) if j != i))]
    vi, vr = variance(item), variance(rest)
    if vi == 0 or vr == 0:
        return None
    cov = covariance(item, rest)
    r2 = cov * cov / (vi * vr)
    root = (Decimal(r2.numerator) / Decimal(r2.denominator)).sqrt()
    return half_up(root if cov >= 0 else -root, 3)


def group_stats(bank, people):
    needed = max(MIN_GROUP, MIN_RESPONDENTS)
    out_dims, item_totals = [], {}
    for dim in bank["dimensions"]:
        questions = [q for q in bank["questions"] if scored(q) and q["dimension"] == dim]
        if len(questions) < 2:
            continue
        items = [q for q in questions if not q["has_when"]]
        ids = [q["id"] for q in items]
        if len(items) < 2:
            out_dims.append({"id": dim, "reliability": {"alpha": None, "items": len(items), "withheld": "few-items"}})
            continue
        rows = []
        for answers in people:
            row = [item_score(q, answers.get(q["id"])) for q in items]
            if all(s is not None for s in row):
                rows.append(row)
        n = len(rows)
        if n < needed:
            for q in ids:
                item_totals[q] = None
            out_dims.append({"id": dim, "reliability": {"alpha": None, "items": len(items), "withheld": "few-respondents"}})
            continue
        columns = [list(c) for c in zip(*rows)]
        for i, q in enumerate(ids):
            item_totals[q] = corrected_r(columns, i)
        a = alpha(columns)
        if any(variance(c) == 0 for c in columns) or a is None:
            out_dims.append({"id": dim, "reliability": {"alpha": None, "n": n, "items": len(items), "withheld": "zero-variance"}})
            continue
        deleted = {}
        for i, q in enumerate(ids):
            rest = alpha([c for j, c in enumerate(columns) if j != i])
            deleted[q] = None if rest is None else number(half_up(rest, 3))
        out_dims.append({"id": dim, "reliability": {"alpha": number(half_up(a, 3)), "n": n, "items": len(items), "alphaIfDeleted": deleted}})
    out_questions = []
    for q in bank["questions"]:
        if not scored(q):
            continue
        stats = {"id": q["id"], "dimension": q["dimension"]}
        if q["id"] in item_totals:
            stats["itemTotal"] = number(item_totals[q["id"]])
        if q["type"] == "likert" or q["type"] == "number":
            lo, hi = (min(q["values"]), max(q["values"])) if q["type"] == "likert" else (q["min"], q["max"])
            given = [a[q["id"]] for a in people if isinstance(a.get(q["id"]), (int, float)) and not isinstance(a.get(q["id"]), bool)]
            shown = len(given) >= MIN_GROUP
            stats["floor"] = number(half_up(Fraction(sum(1 for v in given if v <= lo) * 100, len(given)), 2)) if shown else None
            stats["ceiling"] = number(half_up(Fraction(sum(1 for v in given if v >= hi) * 100, len(given)), 2)) if shown else None
        if len(stats) > 2:
            out_questions.append(stats)
    return {"dimensions": out_dims, "questions": out_questions}


def with_segments(bank, people, by):
    result = group_stats(bank, people)
    question = next(q for q in bank["questions"] if q["id"] == by)
    choices = [True, False] if question["type"] == "boolean" else question["options"]
    segments = []
    for value in choices + [None]:
        members = [a for a in people if (a.get(by) if a.get(by) is not None else None) == value]
        if members:
            segments.append({"by": by, "value": value, **group_stats(bank, members)})
    result["segments"] = segments
    return result


# --- data sets -----------------------------------------------------------------------------------

def read_ndjson(path):
    return [json.loads(line)["answers"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def datasets():
    bank, module = sample_bank()
    folder = FIXTURES / "group" / "answers"
    group = [visible(bank, module.read_answer_file(p)) for p in sorted(folder.glob("*.yaml"))]
    stats = json_bank(FIXTURES / "banks" / "stats.json")
    return {
        "sample-group": with_segments(bank, group, "age"),
        "stats-a": with_segments(stats, [visible(stats, a) for a in read_ndjson(FIXTURES / "stats" / "stats-a.ndjson")], "role"),
        "stats-flat": with_segments(stats, [visible(stats, a) for a in read_ndjson(FIXTURES / "stats" / "stats-flat.ndjson")], "role"),
    }


def clamp(x, lo, hi):
    return max(lo, min(hi, x))


def generate(name, n, seed, flat):
    """People with a latent trait t in [0, 1]; each answer is t plus noise, on the item's scale."""
    rng = random.Random(seed)
    lines = []
    for i in range(n):
        t = rng.random()
        role = "dev" if rng.random() < 0.55 else "ops"
        manages = rng.random() < 0.4

        def likert(lo, hi, reverse=False, noise=0.25):
            x = (1 - t if reverse else t) + rng.gauss(0, noise)
            return clamp(round(lo + x * (hi - lo)), lo, hi)

        answers = {"role": role, "manages": manages,
                   "focus.a": likert(1, 5), "focus.b": likert(1, 5, noise=0.35), "focus.c": likert(1, 5, reverse=True),
                   "focus.d": None if rng.random() < 0.1 else likert(1, 5, noise=0.5),
                   "habits.a": likert(1, 7), "habits.b": likert(1, 7, noise=0.4),
                   "habits.flat": 3 if flat else likert(1, 5, noise=0.6),
                   "solo.x": likert(1, 5)}
        if manages:
            answers["habits.lead"] = likert(1, 5)
        if flat:
            # Two tools items that pull against each other: a negative alpha.
            answers["tools.count"] = clamp(round(t * 10 + rng.gauss(0, 1)), 0, 10)
            answers["tools.rules"] = t > 0.5
        else:
            answers["tools.count"] = clamp(round((1 - t) * 10 + rng.gauss(0, 2)), 0, 10)
            answers["tools.rules"] = rng.random() < t
        answers["tools.support"] = ["none", "some", "full"][clamp(int(t * 3 + rng.gauss(0, 0.5)), 0, 2)]
        lines.append(json.dumps({"bank": "stats", "respondent": f"{name}-{i + 1:03d}", "answers": answers}, ensure_ascii=False))
    (FIXTURES / "stats").mkdir(exist_ok=True)
    (FIXTURES / "stats" / f"{name}.ndjson").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    if "--generate" in sys.argv:
        generate("stats-a", 60, 20261201, flat=False)
        generate("stats-flat", 40, 7, flat=True)
    text = json.dumps(datasets(), indent=2, ensure_ascii=False) + "\n"
    if "--write" in sys.argv:
        (FIXTURES / "stats" / "expected.json").write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
