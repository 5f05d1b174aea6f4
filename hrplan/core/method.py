"""The status method: how hrplan computes a goal's status from its target and results.

Documented for users in docs/methodology.md (and ``hrplan methodology``); every number below is
named there. Pure functions; no I/O.

1. Results used: those with ``use = true``, a value, and the target's unit. None with a value:
   ``no_data``; values only in other units: ``indeterminate``. No target: ``not_quantified``.
2. Aggregation as the target says: ``end`` the latest result in or after the target year;
   ``mean`` a reported period mean, else the mean of yearly results over every year of the
   period; ``total`` a reported period total, else the sum of yearly results over every year.
3. Final (an aggregated value exists for the target year): compare with the target. A result's
   qualifier turns its value into a range (see ``value_range``); the status must hold over the
   whole range, else ``indeterminate``. An approximate target (qualifier "about") is reached
   within its stated tolerance (see ``compare_about``); without one it is ``indeterminate``.
4. Interim (only earlier results): R = observed rate / required rate since the baseline, the rates
   being continuously compounded annual growth rates (ln(v/B) per year) where every value is
   positive, otherwise linear change per year. R >= 0.95 on_track, >= 0.60 needs_acceleration,
   >= 0 limited_progress, < 0 deterioration. A target reached early is met or surpassed.
"""

from __future__ import annotations

import math

from hrplan.core.model import Baseline, Goal, Result, Target
from hrplan.core.statuses import ACHIEVED, AGREES_WITH, NO_VERDICT
from hrplan.core.units import amount
from hrplan.core.compare import APPROX, INF, _eq, compare, value_range  # noqa: F401 (APPROX: the method's numbers)

METHOD_VERSION = 4  # (4: units agree in number in the reasons) bump with any change to the method: cached statuses are keyed by it
ON_TRACK, NEEDS_ACCELERATION = 0.95, 0.60


class Assessment:
    """The method's answer for one goal, with its working."""

    __slots__ = ("status", "progress", "agreement", "value", "year", "method", "reason",
                 "required_rate", "observed_rate", "ratio", "used", "baseline")

    def __init__(self, status, reason, **kw):
        self.status = status
        self.reason = reason
        self.progress = kw.get("progress")
        self.agreement = None
        self.value = kw.get("value")
        self.year = kw.get("year")
        self.method = kw.get("method")
        self.required_rate = kw.get("required_rate")
        self.observed_rate = kw.get("observed_rate")
        self.ratio = kw.get("ratio")
        self.used = kw.get("used", [])
        self.baseline = kw.get("baseline")


def target_shown(target: Target) -> str:
    """">= 80", ">= about 80" or ">= about 80 (+/-2)": the target as the working names it."""
    if target.qualifier != "about":
        return f"{target.op} {_fmt(target.value)}"
    tol = "" if target.tolerance is None else f" (+/-{_fmt(target.tolerance)})"
    return f"{target.op} about {_fmt(target.value)}{tol}"


def _rate(v0: float, v1: float, years: float, log: bool) -> float:
    # log(v1) - log(v0), not log(v1 / v0): the quotient of extreme values can underflow to 0
    return ((math.log(v1) - math.log(v0)) if log else v1 - v0) / years


def classify_ratio(ratio: float) -> str:
    if ratio >= ON_TRACK:
        return "on_track"
    if ratio >= NEEDS_ACCELERATION:
        return "needs_acceleration"
    if ratio >= 0:
        return "limited_progress"
    return "deterioration"


def _interim_point(target, base_value, base_year, value, year):
    """(status, required, observed, ratio) for an exact interim value."""
    log = base_value > 0 and value > 0 and target.value > 0
    # Figures equal but for float noise (see _eq) are no change: noise must not decide a status.
    required = 0.0 if _eq(target.value, base_value) else _rate(base_value, target.value, target.year - base_year, log)
    observed = 0.0 if _eq(value, base_value) else _rate(base_value, value, year - base_year, log)
    if required == 0:
        ratio = INF if observed == 0 else (INF if (observed > 0) == (target.op in (">=", ">")) else -INF)
    else:
        ratio = observed / required
    return classify_ratio(ratio), required, observed, ratio


def _fmt(x: float) -> str:
    return f"{x:g}"


def _final_value(target: Target, results: list[Result]):
    """(value, qualifier, year, results used, why-not) for the target's aggregation."""
    start = target.start if target.start is not None else target.year
    if target.aggregate == "end":
        finals = [r for r in results if r.year >= target.year]
        if not finals:
            return None
        best = max(finals, key=lambda r: r.year)
        return best.value, best.qualifier, best.year, [best], None
    # mean or total: a reported aggregate over the period, else the yearly figures.
    for r in results:
        if r.start is not None and r.start <= start and r.year >= target.year:
            if r.aggregate in (None, target.aggregate):
                return r.value, r.qualifier, r.year, [r], None
    yearly = {}
    for r in results:
        if r.start is None and start <= r.year <= target.year:
            yearly.setdefault(r.year, r)
    if not yearly or max(yearly) < target.year:
        return None
    missing = [y for y in range(start, target.year + 1) if y not in yearly]
    used = [yearly[y] for y in sorted(yearly)]
    if missing:
        return None, "exact", target.year, used, f"results for {len(yearly)} of {target.year - start + 1} years of the period"
    total = sum(r.value for r in used)
    value = total / len(used) if target.aggregate == "mean" else total
    quals = {r.qualifier for r in used}
    qualifier = quals.pop() if len(quals) == 1 else "mixed"
    return value, qualifier, target.year, used, None


def _range_for(value, qualifier):
    if qualifier == "mixed":
        return None
    return value_range(value, qualifier)


def _progress(target: Target, value: float | None) -> float | None:
    if value is None or target.ceiling:
        return None
    base = target.baseline.value if target.baseline else 0.0
    span = target.value - base
    if span == 0:
        return None
    share = (value - base) / span
    return share if math.isfinite(share) else None


def assess(goal: Goal) -> Assessment:
    """The computed status of a goal, with its working and (if the source gave one) agreement."""
    a = _assess(goal)
    if goal.reported_status in AGREES_WITH and a.status not in NO_VERDICT:
        a.agreement = "agrees" if a.status in AGREES_WITH[goal.reported_status] else "differs"
    return a


# A change target (value = a change from base_year) is assessed as a level target where the
# base value is known, and otherwise on the figures reported as the same kind of change.
CHANGE_UNITS = {"percent": "%", "multiple": "times"}  # "absolute": the level's own unit
_NO_CHANGE = {"absolute": 0.0, "percent": 0.0, "multiple": 1.0}


def level_of(change: str, base: float, value: float) -> float:
    """The level a change from ``base`` reaches: base + v, base x (1 + v/100), or base x v."""
    if change == "absolute":
        return base + value
    if change == "percent":
        return base * (1 + value / 100)
    return base * value


def change_text(target: Target) -> str:
    """"a change of -10% from 2015" for a change target."""
    v = _fmt(target.value)
    shown = {"absolute": amount(f"{'+' if target.value > 0 else ''}{v}", target.unit), "percent": f"{'+' if target.value > 0 else ''}{v}%",
             "multiple": f"{v} times the level"}[target.change]
    return f"{shown} from {target.base_year}"


def _as_level_or_change(target: Target, results: list[Result]):
    """(target, results, why) in one space: levels when the base value is known, else changes of
    the target's kind from its base year. ``why`` prefixes the working."""
    kind, base_year = target.change, target.base_year
    same_kind = [r for r in results if r.change == kind and r.base_year == base_year]
    if target.baseline is not None:
        base = target.baseline.value
        level = level_of(kind, base, target.value)
        as_levels = [r for r in results if r.change is None]
        as_levels += [Result(r.source, r.year, r.start, level_of(kind, base, r.value), target.unit, r.qualifier,
                             aggregate=r.aggregate) for r in same_kind]
        # A stated tolerance on the change becomes one on the level (the conversions are linear).
        tol = None if target.tolerance is None else level_of(kind, base, target.value + target.tolerance) - level
        t = Target(target.metric, target.unit, target.op, level, target.year, target.start, target.baseline,
                   target.binding, target.ceiling, target.aggregate, qualifier=target.qualifier,
                   tolerance=None if tol is None else abs(tol))
        return t, as_levels, (f"target {change_text(target)}, with the {base_year} value {_fmt(base)}: "
                              f"a level of {amount(_fmt(level), target.unit)}; ")
    unit = CHANGE_UNITS.get(kind, target.unit)
    as_changes = [Result(r.source, r.year, r.start, r.value, unit, r.qualifier, aggregate=r.aggregate) for r in same_kind]
    t = Target(target.metric, unit, target.op, target.value, target.year, target.start,
               Baseline(_NO_CHANGE[kind], base_year), target.binding, target.ceiling, target.aggregate,
               qualifier=target.qualifier, tolerance=target.tolerance)
    return t, as_changes, f"target {change_text(target)}, compared with figures reported as changes from {base_year}; "


def _assess(goal: Goal) -> Assessment:
    target = goal.target
    if target is None:
        return Assessment("not_quantified", "no quantified target; the reported verdict speaks alone")
    if target.change is not None:
        usable = [r for r in goal.results if r.use and r.value is not None]
        t, results, why = _as_level_or_change(target, usable)
        if not results and usable:
            return Assessment("indeterminate", f"the target is {change_text(target)}; the data holds no "
                              f"{target.base_year} value to turn the reported levels into a change")
        a = _assess_level(t, [r for r in goal.results if not (r.use and r.value is not None)] + results)
        a.reason = why + a.reason
        return a
    return _assess_level(target, goal.results)


def _assess_level(target: Target, all_results: list[Result]) -> Assessment:
    numeric = [r for r in all_results if r.use and r.value is not None]
    if not numeric:
        if any(r.value is not None for r in all_results):
            return Assessment("indeterminate", "the figures on record are kept but not used for the status "
                              "(they measure something else or are unreliable; see the notes)")
        return Assessment("no_data", "no reported figure for this target")
    results = [r for r in numeric if r.unit == target.unit]
    if not results:
        units = ", ".join(sorted({r.unit or "?" for r in numeric}))
        return Assessment("indeterminate", f"results are in {units}, the target in {target.unit}")
    results.sort(key=lambda r: (r.year, r.start or r.year))
    if target.qualifier == "about" and target.tolerance is None:
        return _approximate(target, results)

    final = _final_value(target, results)
    if final is not None:
        value, qualifier, year, used, why_not = final
        if why_not:
            return Assessment("indeterminate", f"the {target.aggregate} needs every year; there are {why_not}",
                              method="final", used=used)
        rng = _range_for(value, qualifier)
        if rng is None:
            return Assessment("indeterminate", "the yearly figures mix exact and approximate values",
                              method="final", value=value, year=year, used=used)
        status = compare(target, *rng)
        what = {"end": "result", "mean": "mean over the period", "total": "total over the period"}[target.aggregate]
        shown = _fmt(value) if qualifier in ("exact", "mixed") else f"{qualifier.replace('_', ' ')} {_fmt(value)}"
        reason = f"{what} {amount(shown, target.unit)} against target {target_shown(target)}"
        reason += {"surpassed": ": better than the target", "met": ": reaches the target" if not target.ceiling else ": stays within the limit",
                   "not_met": ": falls short" if not target.ceiling else ": outside the limit",
                   "indeterminate": ": the reported figure is too imprecise to tell"}[status]
        return Assessment(status, reason, method="final", value=value, year=year, used=used,
                          progress=_progress(target, value))

    # Interim: only results before the target year.
    latest = results[-1]
    used = [latest]
    low, low_open, high, high_open = value_range(latest.value, latest.qualifier)
    reached = compare(target, low, low_open, high, high_open)
    progress = _progress(target, latest.value)
    if reached in ACHIEVED:
        return Assessment(reached, f"{latest.year} result already {'beyond' if reached == 'surpassed' else 'at'} the {target.year} target",
                          method="early", value=latest.value, year=latest.year, used=used, progress=progress)
    if target.ceiling:
        return Assessment("indeterminate", "an interim result outside a limit does not settle the final status",
                          method="interim", value=latest.value, year=latest.year, used=used, progress=progress)
    if target.baseline is not None:
        base_value, base_year = target.baseline.value, target.baseline.year
        base_label = f"baseline {_fmt(base_value)} ({base_year})"
    elif len(results) >= 2 and results[0].year < latest.year:
        base_value, base_year = results[0].value, results[0].year
        base_label = f"earliest result {_fmt(base_value)} ({base_year}) as baseline"
        used.insert(0, results[0])
    else:
        return Assessment("indeterminate", "one interim result and no baseline: no rate to compare",
                          method="interim", value=latest.value, year=latest.year, used=used, progress=progress)
    if latest.year <= base_year or target.year <= base_year:
        return Assessment("indeterminate", "no years between the baseline and the latest result",
                          method="interim", value=latest.value, year=latest.year, used=used, progress=progress)
    statuses = set()
    first = None
    for end in ((low, high) if (low, high) != (latest.value, latest.value) else (latest.value,)):
        if not math.isfinite(end):
            statuses.add("open")
            continue
        point = _interim_point(target, base_value, base_year, end, latest.year)
        first = first or point
        statuses.add(point[0])
    if len(statuses) != 1 or first is None:
        return Assessment("indeterminate", f"the {latest.year} figure is a range whose ends classify differently",
                          method="interim", value=latest.value, year=latest.year, used=used, progress=progress,
                          baseline=base_label)
    status, required, observed, ratio = first
    kind = "log growth" if base_value > 0 and latest.value > 0 and target.value > 0 else "linear change"
    reason = (f"{kind} per year observed {observed:.4g} vs required {required:.4g} since {base_label}: "
              f"ratio {ratio:.2f} -> {status}")
    return Assessment(status, reason, method="interim", value=latest.value, year=latest.year, used=used,
                      progress=progress, required_rate=required, observed_rate=observed,
                      ratio=ratio if math.isfinite(ratio) else None, baseline=base_label)


def _approximate(target: Target, results: list[Result]) -> Assessment:
    """An approximate target without a stated tolerance: figures exist, but no source says how
    close to "about T" a figure must come, and hrplan does not choose a margin of its own."""
    final = _final_value(target, results)
    if final is not None and final[0] is not None:
        value, _, year, used, _ = final
        method = "final"
    else:
        value, year, used, method = results[-1].value, results[-1].year, [results[-1]], "interim"
    return Assessment("indeterminate", f"the target is approximate (about {_fmt(target.value)}{'' if target.unit.startswith('%') else ' '}"
                      f"{target.unit}) and no source states a tolerance, so whether {_fmt(value)} reaches it "
                      "cannot be settled", method=method, value=value, year=year, used=used,
                      progress=_progress(target, value))
