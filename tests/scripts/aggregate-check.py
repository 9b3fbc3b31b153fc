#!/usr/bin/env python3
"""Independent computation of the aggregate of tests/fixtures/group (SPEC sections 4 and 8).

Written apart from the TypeScript code, with the standard library only: the sample bank's
scoring rules are hard-coded below, the answer files are read with a tiny parser of the plain
YAML they use, and every figure is computed on exact fractions (sorted lists, not histograms),
then rounded half up to 2 decimals. Writes tests/fixtures/group/expected.json, which
tests/core/aggregate.test.ts compares with createAggregator.

    python3 tests/scripts/aggregate-check.py
"""

import json
import math
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path

HERE = Path(__file__).resolve().parent
GROUP = HERE.parent / "fixtures" / "group"
MIN_GROUP = 5
BY = "age"

# The sample bank (tests/fixtures/banks/sample.yaml), by hand.
AGREE5 = [1, 2, 3, 4, 5]
DIMENSIONS = [("async", 2), ("digital", 1), ("sales", 1)]
LEVELS = [("starting", 0), ("developing", 40), ("advanced", 60)]
QUESTIONS = [
    {"id": "age", "type": "single", "profile": True, "options": ["18-29", "30-44", "45+"]},
    {"id": "sells", "type": "boolean", "profile": True},
    {"id": "async.interruptions", "type": "likert", "dimension": "async", "values": AGREE5, "reverse": True, "weight": 2, "reference": 68},
    {"id": "async.written", "type": "likert", "dimension": "async", "values": [0, 10]},
    {"id": "async.optional", "type": "likert", "dimension": "async", "values": AGREE5},
    {"id": "digital.tools", "type": "number", "dimension": "digital", "min": 1, "max": 11, "reverse": True},
    {"id": "digital.rules", "type": "boolean", "dimension": "digital"},
    {"id": "digital.support", "type": "single", "dimension": "digital", "weight": 3, "options": ["none", "some", "full"], "scores": [0, 50, 100]},
    {"id": "digital.note", "type": "likert", "dimension": "digital", "values": AGREE5, "weight": 0},
    {"id": "sales.channels", "type": "multiple", "dimension": "sales", "options": ["social", "content", "phone"], "scores": [60, 50, 0],
     "when": lambda a: a.get("sells") is True},
    {"id": "sales.cold_calls", "type": "boolean", "dimension": "sales", "reverse": True,
     "when": lambda a: a.get("sells") is True and "phone" in (a.get("sales.channels") or [])},
    {"id": "comment", "type": "text"},
]


# --- reading the answer files: `key: value` lines, one nested `answers:` block, flow lists ------

def scalar(text):
    text = text.strip()
    if text.startswith('"') and text.endswith('"'):
        return text[1:-1]
    if text == "null":
        return None
    if text in ("true", "false"):
        return text == "true"
    if text.startswith("[") and text.endswith("]"):
        inner = text[1:-1].strip()
        return [scalar(item) for item in inner.split(",")] if inner else []
    for number in (int, float):
        try:
            return number(text)
        except ValueError:
            pass
    return text


def read_answer_file(path):
    top, answers, section = {}, {}, None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, _, value = line.strip().partition(":")
        if line.startswith("  ") and section == "answers":
            answers[key] = scalar(value)
        elif value.strip() == "":
            section = key
        else:
            top[key] = scalar(value)
    assert top.get("bank") == "sample", path
    return answers


# --- scoring (SPEC section 4), in the same order of operations as the spec writes it -----------

def visible_answers(given):
    """Answers to the questions asked, in bank order; a hidden question's answer is dropped."""
    answers = {}
    for q in QUESTIONS:
        if "when" in q and not q["when"](answers):
            continue
        if q["id"] in given:
            answers[q["id"]] = given[q["id"]]
    return answers


def item_score(q, v):
    if v is None or q["type"] == "text":
        return None
    if q["type"] == "likert":
        lo, hi = min(q["values"]), max(q["values"])
        s = ((v - lo) / (hi - lo)) * 100
    elif q["type"] == "boolean":
        s = 100 if v else 0
    elif q["type"] == "single":
        return q["scores"][q["options"].index(v)]
    elif q["type"] == "multiple":
        return min(sum(score for option, score in zip(q["options"], q["scores"]) if option in v), 100)
    elif q["type"] == "number":
        clamped = min(max(v, q["min"]), q["max"])
        s = ((clamped - q["min"]) / (q["max"] - q["min"])) * 100
    return 100 - s if q.get("reverse") else s


def weighted_mean(pairs):
    total, weights = 0, 0
    for weight, score in pairs:
        total += weight * score
        weights += weight
    return total / weights if weights > 0 else None


def level_of(score):
    return [level for level, low in LEVELS if low <= score][-1]


def round_report(x):
    """round2 of a report: half up on the shortest decimal form of the float; kept exact."""
    return Fraction(Decimal(repr(x)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def score(answers):
    """{dimension id or 'overall': (rounded score as a Fraction, level id)}, as a report holds them."""
    scores, pairs = {}, []
    for dimension, dimension_weight in DIMENSIONS:
        items = []
        for q in QUESTIONS:
            if q.get("dimension") != dimension or q.get("weight", 1) == 0 or q["id"] not in answers:
                continue
            s = item_score(q, answers[q["id"]])
            if s is not None:
                items.append((q.get("weight", 1), s))
        d = weighted_mean(items)
        scores[dimension] = None if d is None else (round_report(d), level_of(d))
        if d is not None:
            pairs.append((dimension_weight, d))
    overall = weighted_mean(pairs)
    scores["overall"] = None if overall is None else (round_report(overall), level_of(overall))
    return scores


# --- the aggregate (SPEC section 8) --------------------------------------------------------------

def half_up(f):
    """An exact Fraction rounded half up to 2 decimals, as a JSON number."""
    if f is None:
        return None
    hundredths = math.floor(abs(Fraction(f)) * 100 + Fraction(1, 2))
    value = (hundredths if f >= 0 else -hundredths) / 100
    return int(value) if value == int(value) else value


def quantile(sorted_values, p):
    """Linear interpolation between order statistics: position p*(n-1), 0-based (type 7)."""
    h = Fraction(p) * (len(sorted_values) - 1)
    low = math.floor(h)
    high = min(low + 1, len(sorted_values) - 1)
    return sorted_values[low] + (h - low) * (sorted_values[high] - sorted_values[low])


def dimension_stats(dimension, respondents):
    scored = [r["scores"][dimension] for r in respondents if r["scores"][dimension] is not None]
    values = sorted(s for s, _ in scored)
    n = len(values)
    stats = {"id": dimension, "count": n}
    for name, p in (("mean", None), ("median", Fraction(1, 2)), ("q1", Fraction(1, 4)), ("q3", Fraction(3, 4)), ("min", 0), ("max", 1)):
        stats[name] = None if n == 0 else half_up(sum(values) / n if p is None else quantile(values, p))
    stats["levels"] = {level: sum(1 for _, l in scored if l == level) for level, _ in LEVELS}
    return stats


def key(value):
    return json.dumps(value) if isinstance(value, bool) else str(value)


def question_stats(q, respondents):
    given = [r["answers"][q["id"]] for r in respondents if q["id"] in r["answers"]]
    answered = [v for v in given if v is not None]
    stats = {"id": q["id"], "type": q["type"], "answered": len(answered), "skipped": len(given) - len(answered)}
    if q["type"] == "text":
        return stats
    choices = {"likert": q.get("values"), "single": q.get("options"), "multiple": q.get("options"), "boolean": [True, False]}.get(q["type"])
    if choices is not None:
        picked = [v if isinstance(v, list) else [v] for v in answered]
        stats["distribution"] = {key(c): sum(1 for p in picked if c in p) for c in choices}
    if q["type"] == "likert":
        distinct = sorted(set(q["values"]), reverse=True)
        agree = distinct[:2] if len(distinct) >= 4 else distinct[:1]
        stats["agreeShare"] = half_up(Fraction(sum(1 for v in answered if v in agree) * 100, len(answered))) if answered else None
    if "reference" in q:
        stats["reference"] = q["reference"]
    if q["type"] == "number":
        exact = [Fraction(v) for v in answered]
        stats["mean"] = half_up(sum(exact) / len(exact)) if exact else None
        stats["min"] = half_up(min(exact)) if exact else None
        stats["max"] = half_up(max(exact)) if exact else None
    return stats


def group_stats(respondents):
    return {
        "overall": dimension_stats("overall", respondents),
        "dimensions": [dimension_stats(d, respondents) for d, _ in DIMENSIONS],
        "questions": [question_stats(q, respondents) for q in QUESTIONS],
    }


def main():
    files = sorted((GROUP / "answers").glob("*.yaml"))
    respondents = []
    for path in files:
        answers = visible_answers(read_answer_file(path))
        respondents.append({"answers": answers, "scores": score(answers)})

    by = next(q for q in QUESTIONS if q["id"] == BY)
    groups = []
    for value in by["options"] + [None]:
        members = [r for r in respondents if r["answers"].get(BY) == value]
        if members:
            groups.append((value, members))
    # Primary suppression: fewer than MIN_GROUP. Complementary suppression: while what is hidden
    # is fewer than MIN_GROUP people (and so could be worked out as the group minus the segments
    # shown), hide the smallest segment still shown, too.
    small = {value for value, members in groups if len(members) < MIN_GROUP}
    hidden_count = sum(len(members) for value, members in groups if value in small)
    shown = sorted((g for g in groups if g[0] not in small), key=lambda g: len(g[1]))
    complementary = set()
    while 0 < hidden_count < MIN_GROUP and shown:
        value, members = shown.pop(0)
        complementary.add(value)
        hidden_count += len(members)
    segments, suppressed = [], []
    for value, members in groups:
        if value in small:
            suppressed.append({"by": BY, "value": value, "reason": f"fewer than {MIN_GROUP} respondents", "code": "small-group"})
        elif value in complementary:
            suppressed.append({"by": BY, "value": value, "reason": f"hidden so that a group of fewer than {MIN_GROUP} cannot be worked out by subtraction", "code": "complementary"})
        else:
            segments.append({"by": BY, "value": value, "count": len(members), **group_stats(members)})

    aggregate = {"count": len(respondents), "minGroup": MIN_GROUP, **group_stats(respondents), "segments": segments, "suppressed": suppressed}
    out = GROUP / "expected.json"
    out.write_text(json.dumps(aggregate, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(files)} answer files -> {out.relative_to(HERE.parent.parent)}: "
          f"{len(segments)} segments, {len(suppressed)} suppressed")


if __name__ == "__main__":
    main()
