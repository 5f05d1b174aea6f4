"""The final comparison of the status method (``hrplan.core.method``): a reported figure, read
as a range of values by its qualifier, against a target, exact or approximate. Pure functions."""

from __future__ import annotations

import math

from hrplan.core.model import Target

APPROX = 0.05  # "about v" is read as v +/- 5%; "nearly v" as [v - 5%, v]
INF = math.inf


def value_range(value: float, qualifier: str):
    """(low, low_open, high, high_open): the values a reported figure may stand for."""
    if qualifier == "more_than":
        return value, True, INF, True
    if qualifier == "at_least":
        return value, False, INF, True
    if qualifier == "less_than":
        return -INF, True, value, True
    if qualifier == "at_most":
        return -INF, True, value, False
    if qualifier in ("about", "nearly"):
        spread = abs(value) * APPROX
        return value - spread, False, (value if qualifier == "nearly" else value + spread), False
    return value, False, value, False


# How close two figures must be to count as equal: relative, so that float noise in a figure
# like 0.1 + 0.2 does not decide a status, whatever the scale of the target.
REL_TOL = 1e-9


def _tolerance(t: float) -> float:
    """How far from a target a difference still counts as none (``REL_TOL`` of the target)."""
    return REL_TOL * abs(t) if t else 1e-12


def _eq(a: float, b: float) -> bool:
    return a == b or abs(a - b) <= REL_TOL * max(abs(a), abs(b))


def compare(target: Target, low, low_open, high, high_open) -> str:
    """Final status of a value range against a target: surpassed, met, not_met or indeterminate."""
    if target.qualifier == "about":
        if target.tolerance is None:
            return "indeterminate"  # no stated tolerance: nothing says how close is close enough
        return compare_about(target, low, low_open, high, high_open)
    op, t = target.op, target.value
    if op == "==":
        if low == high and _eq(low, t):
            return "met"
        above = low > t or (low_open and low >= t)
        below = high < t or (high_open and high <= t)
        return "not_met" if above or below else "indeterminate"
    sign = 1 if op in (">=", ">") else -1
    # Goodness: positive is better. For a reduction target the range flips.
    if sign > 0:
        glo, glo_open, ghi, ghi_open = low - t, low_open, high - t, high_open
    else:
        glo, glo_open, ghi, ghi_open = t - high, high_open, t - low, low_open
    strict = op in (">", "<")
    tol = _tolerance(t)
    if abs(glo) < tol:
        glo = 0.0
    if abs(ghi) < tol:
        ghi = 0.0
    all_better = glo > 0 or (glo == 0 and glo_open)
    all_reach = all_better or (glo == 0 and not strict)
    all_short = ghi < 0 or (ghi == 0 and (ghi_open or strict))
    if target.ceiling:
        if all_reach:
            return "met"
        return "not_met" if all_short else "indeterminate"
    if all_better:
        return "surpassed"
    if all_reach:
        return "met"
    if all_short:
        return "not_met"
    return "indeterminate"


def compare_about(target: Target, low, low_open, high, high_open) -> str:
    """An approximate target "about T" with a stated tolerance d reads as the band [T - d, T + d].

    ``==``: met when the whole range lies in the band, not_met when it lies wholly outside.
    ``>=`` (or ``>``: "about" leaves no strict bound): met when every value is T - d or above,
    surpassed when every value is beyond T + d, not_met when every value is below T - d;
    ``<=`` and ``<`` the other way. A ceiling is met inside its limit (T + d) and not_met outside.
    """
    t, d = target.value, target.tolerance
    lo, hi = t - d, t + d
    lo -= _tolerance(lo)  # float noise never decides a status (see REL_TOL)
    hi += _tolerance(hi)
    above_hi = low > hi or (low_open and low >= hi)  # every value beyond the band's top
    below_lo = high < lo or (high_open and high <= lo)  # every value under the band's bottom
    if target.op == "==":
        if low >= lo and high <= hi:
            return "met"
        return "not_met" if above_hi or below_lo else "indeterminate"
    if target.op in (">=", ">"):
        better, reach, short = above_hi, low >= lo, below_lo
    else:
        better, reach, short = below_lo, high <= hi, above_hi
    if target.ceiling:
        return "met" if reach else "not_met" if short else "indeterminate"
    if better:
        return "surpassed"
    if reach:
        return "met"
    return "not_met" if short else "indeterminate"
