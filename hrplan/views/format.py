"""Numbers, units, periods, targets and results as words: the one way every view writes them."""

from __future__ import annotations

from hrplan.core import statuses
from hrplan.core.units import amount


QUALIFIER_WORDS = {
    "exact": "", "more_than": "more than ", "at_least": "at least ", "less_than": "less than ",
    "at_most": "at most ", "about": "about ", "nearly": "nearly ",
}


LEGEND = statuses.LEGEND


def num(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return f"{v:,}" if isinstance(v, int) else format(v, ",.10g")


def unit(value: str, u: str | None) -> str:
    """A number as written and its unit, agreeing in number ("1 year", "95%")."""
    return amount(value, u)


def period(start, year) -> str:
    if year is None:
        return ""
    return f"{start}-{year}" if start is not None else str(year)


def target_text(t: dict | None) -> str:
    if not t:
        return ""
    about = "about " if t.get("qualifier") == "about" else ""
    if t.get("change"):
        sign = "+" if t["value"] > 0 and t["change"] != "multiple" else ""
        shown = {"percent": f"{sign}{num(t['value'])}%", "multiple": f"{num(t['value'])} times the level"}.get(
            t["change"], sign + unit(num(t["value"]), t["unit"]))
        text = f"{t['op']} {about}{shown} from {t['base_year']}"
    else:
        text = f"{t['op']} {about}{unit(num(t['value']), t['unit'])}"
    if about and t.get("tolerance") is not None:
        text += f" (+/-{num(t['tolerance'])})"
    if t["aggregate"] == "mean":
        text += f" on average over {period(t['start_year'], t['year'])}"
    elif t["aggregate"] == "total":
        text += f" in total over {period(t['start_year'], t['year'])}"
    else:
        text += f" by {t['year']}"
    if t["ceiling"]:
        text += " (a limit)"
    return text


def result_text(r: dict | None) -> str:
    if not r:
        return ""
    if r["value"] is None:
        return r.get("text") or ""
    text = QUALIFIER_WORDS.get(r["qualifier"], r["qualifier"] + " ") + unit(num(r["value"]), r["unit"])
    if r.get("change"):
        text += f" from {r['base_year']}"
    return f"{text} ({period(r.get('start_year'), r['year'])})" if r["year"] else text


NOT_USED = ("[not used]: a figure kept for the record but not used for the status (it measures something else "
            "or is unreliable); `hrplan show ID` says why.")


def latest_text(r: dict | None) -> str:
    """A goal's latest figure, marked when the status method does not use it."""
    text = result_text(r)
    return f"{text} [not used]" if r and not r["used"] else text


def baseline_text(t: dict | None) -> str:
    if not t or not t["baseline"]:
        return ""
    b = t["baseline"]
    return f"{unit(num(b['value']), t['unit'])} ({b['year']})"


def _where(a: dict) -> str:
    """The plan and area an answer covers: "nhrap-2012-2015" or "nhrap-2012-2015, section I.1: Right to work";
    across plans (``--plan all``), their ids and the AREA given."""
    if "plans" in a:
        return ", ".join(a["plans"]) + (f", area {a['area_id']}" if a.get("area_id") else "")
    area, plan = a["area"], a["plan"]["id"]
    return plan if area["kind"] == "plan" else f"{plan}, {area['kind']} {area['id']}: {area['title']}"


def counts_text(counts: dict) -> str:
    return ", ".join(f"{k} {v}" for k, v in counts.items() if v) or "none"


def title_with_zh(title, zh, show_zh=True) -> str:
    return f"{title} ({zh})" if zh and show_zh else title
