"""From a valid parsed document to records: ``normalise`` gives the canonical, JSON-safe document
(what the parse cache keeps) and ``build`` the ``hrplan.core.model`` records.
"""

from __future__ import annotations

from hrplan.core import model as m


def _date(v):
    return None if v is None else (v if isinstance(v, str) else v.isoformat())


def _note(n):
    return {"text": n, "kind": "note", "sources": []} if isinstance(n, str) else {
        "text": n["text"], "kind": n.get("kind", "note"), "sources": n.get("sources", [])}


def _span(d):
    if "period" in d:
        return d["period"][0], d["period"][1]
    return None, d.get("year")


def normalise(doc: dict) -> dict:
    """The canonical, JSON-safe form of a valid parsed document: what ``build`` and the cache take.

    Dates become strings, notes become tables, each goal gets its chapter (from its section, if
    it names one), and ``index`` holds the goals' index by column: ids, chapters, sections and
    tags, one entry per goal, which area filters read without building goals.

    The parsed document is taken over, not copied: its goal tables are completed in place and
    become the canonical ones. (Copying 10,000 goal tables, and freeing the parsed ones, measured
    about 5 ms of a cold start.) Check it (``hrplan.planfile.validate``) before, not after.
    """
    out = {k: v for k, v in doc.items() if k not in ("plan",)}
    plan = dict(doc["plan"])
    plan["published"] = _date(plan.get("published"))
    plan["notes"] = [_note(n) for n in plan.get("notes", [])]
    out["plan"] = plan
    out["sources"] = [dict(s, date=_date(s.get("date"))) for s in doc.get("sources", [])]
    # A section's own id string goes into the index: shared, it is stored once in the cache.
    section_of = {sec["id"]: (sec["id"], sec["chapter"]) for sec in doc.get("sections", [])}
    goals = doc.get("goals", [])
    ids, chapters, sections, tags = index = [[], [], [], []]
    for goal in goals:
        sec = goal.get("section")
        if sec is not None:
            sec, goal["chapter"] = section_of[sec]
        if "notes" in goal:
            goal["notes"] = [_note(n) for n in goal["notes"]]
        ids.append(goal["id"])
        chapters.append(goal["chapter"])
        sections.append(sec)
        tags.append(goal.get("tags", ()))
    out["goals"] = goals
    out["index"] = index
    claims = []
    for c in doc.get("claims", []):
        c = dict(c)
        c["notes"] = [_note(n) for n in c.get("notes", [])]
        claims.append(c)
    out["claims"] = claims
    return out


def _result(r) -> m.Result:
    start, year = _span(r)
    return m.Result(r["source"], year, start, r.get("value"), r.get("unit"), r.get("qualifier", "exact"),
                    r.get("text"), r.get("locator"), r.get("note"), r.get("see_also"), r.get("use", True),
                    r.get("aggregate"), r.get("change"), r.get("base_year"))


def _notes(ns) -> list[m.Note]:
    return [m.Note(n["text"], n["kind"], n["sources"]) for n in ns]


def _goal(g: dict, plan_id: str) -> m.Goal:
    target = None
    t = g.get("target")
    if t is not None:
        start, year = _span(t)
        base = t.get("baseline")
        target = m.Target(
            metric=t["metric"], unit=t["unit"], op=t["op"], value=t["value"], year=year,
            start=start, baseline=m.Baseline(base["value"], base["year"]) if base else None,
            binding=t.get("binding"), ceiling=t.get("ceiling", False),
            aggregate=t.get("aggregate", "end"), wording=t.get("wording"),
            change=t.get("change"), base_year=t.get("base_year"),
            qualifier=t.get("qualifier", "exact"), tolerance=t.get("tolerance"),
        )
    return m.Goal(g["id"], plan_id, g["chapter"], g.get("section"), g["text"], g.get("kind", "commitment"),
                  g.get("tags"), target, [_result(r) for r in g.get("results", ())], g.get("reported_status"),
                  g.get("reported_wording"), g.get("plan_sources"), _notes(g.get("notes", ())), g.get("indicator"))


def build(doc, file: str) -> m.Plan:
    """Records from a canonical document (see ``normalise``).

    Goals are built when first used, from ``doc["goals"]``: any sequence of goal tables in index
    order, read by position (a list for a fresh document; the parse cache gives one that decodes
    a goal when it is read).
    """
    p = doc["plan"]
    plan = m.Plan(
        id=p["id"], title=p["title"], file=file, title_zh=p.get("title_zh"), issuer=p.get("issuer"),
        published=p.get("published"), start=p["period"][0], end=p["period"][1],
        predecessor=p.get("predecessor"), successor=p.get("successor"),
        assessment=p.get("assessment"), notes=_notes(p.get("notes", [])), cited=p.get("sources", []),
        stated_size=m.StatedSize(**p["stated_size"]) if "stated_size" in p else None,
    )
    for s in doc.get("sources", []):
        plan.sources[s["id"]] = m.Source(**s)
    for c in doc["chapters"]:
        plan.chapters[c["id"]] = m.Chapter(**c)
    for s in doc.get("sections", []):
        plan.sections[s["id"]] = m.Section(**s)
    for t in doc.get("themes", []):
        plan.themes[t["id"]] = m.Theme(**t)
    plan_id = plan.id
    plan.goals = m.Goals(doc["index"], doc.get("goals", []), lambda g: _goal(g, plan_id))
    for c in doc.get("claims", []):
        plan.claims.append(m.Claim(
            id=c["id"], text=c["text"], area=c.get("area"), binding=c.get("binding"), share=c.get("share"),
            qualifier=c.get("qualifier", "exact"), counts=c.get("counts", []),
            reported_status=c.get("reported_status"), sources=c.get("sources", []),
            results=[_result(r) for r in c.get("results", [])], notes=_notes(c["notes"]),
        ))
    return plan
