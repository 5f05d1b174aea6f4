"""Area resolution, filters, search, statistics and the JSON records: pure functions, no I/O.

Every command's answer is built here as plain data (dicts, lists, strings, numbers); the JSON
renderer prints it as it is and the table renderers lay it out.
"""

from __future__ import annotations

from hrplan import model as m
from hrplan.errors import NotFound
from hrplan.progress import Assessment, assess, value_range


def _suggest(word: str, choices) -> list[str]:
    import difflib

    lowered = {c.lower(): c for c in choices}
    word = word.lower()
    scored = []
    for key in lowered:
        m = difflib.SequenceMatcher(None, word, key)
        if m.real_quick_ratio() >= 0.5 and m.quick_ratio() >= 0.5 and m.ratio() >= 0.5:
            scored.append((-m.ratio(), key))
    return [lowered[k] for _, k in sorted(scored)[:3]]


# ------------------------------------------------------------------------------------ plans


def select_plan(plans: list[m.Plan], plan_id: str | None) -> m.Plan:
    """The plan named by ``--plan``; by default the only plan, or the one that ends last."""
    if plan_id is None:
        return max(plans, key=lambda p: (p.end or 0, p.id))
    for p in plans:
        if p.id == plan_id:
            return p
    ids = [p.id for p in plans]
    raise NotFound("plan", plan_id, _suggest(plan_id, ids) or (ids if len(ids) <= 5 else []))


# ------------------------------------------------------------------------------------ areas


class Area:
    """A set of goals a user can name: the plan, a chapter, a section or a theme."""

    __slots__ = ("id", "kind", "title", "title_zh", "definition", "goals", "coverage")

    def __init__(self, id, kind, title, goals, title_zh=None, definition=None, coverage=None):
        self.id, self.kind, self.title, self.goals = id, kind, title, goals
        self.title_zh, self.definition, self.coverage = title_zh, definition, coverage

    def record(self) -> dict:
        rec = {"id": self.id, "kind": self.kind, "title": self.title}
        if self.title_zh:
            rec["title_zh"] = self.title_zh
        if self.definition:
            rec["definition"] = self.definition
        if self.coverage:
            rec["coverage"] = self.coverage
        return rec


def theme_goals(plan: m.Plan, theme: m.Theme) -> list[m.Goal]:
    secs, tags, ids = set(theme.sections), set(theme.tags), set(theme.goals)
    return plan.goals.select(
        gid for gid, chapter, section, gtags in plan.goals.index
        if gid in ids or section in secs or chapter in secs or (tags and not tags.isdisjoint(gtags))
    )


def area_names(plan: m.Plan) -> dict[str, tuple[str, str]]:
    """Every name an area answers to (lower-cased) -> (kind, id)."""
    names: dict[str, tuple[str, str]] = {}
    for kind, table in (("chapter", plan.chapters), ("section", plan.sections), ("theme", plan.themes)):
        for item in table.values():
            for name in (item.id, *item.aliases):
                names.setdefault(name.lower(), (kind, item.id))
    return names


def whole_plan(plan: m.Plan) -> Area:
    return Area(plan.id, "plan", plan.title, list(plan.goals.values()), plan.title_zh)


def resolve_area(plan: m.Plan, name: str | None) -> Area:
    """The area a user named: chapter id or numeral, section id or number, alias or theme."""
    if name is None or name.lower() in ("all", "plan", plan.id.lower()):
        return whole_plan(plan)
    names = area_names(plan)
    hit = names.get(name.strip().lower())
    if hit is None:
        raise NotFound("area", name, _suggest(name, {n for n in names}))
    kind, key = hit
    if kind == "chapter":
        c = plan.chapters[key]
        goals = plan.goals.select(row[0] for row in plan.goals.index if row[1] == key)
        return Area(key, kind, c.title, goals, c.title_zh, coverage=c.coverage)
    if kind == "section":
        s = plan.sections[key]
        goals = plan.goals.select(row[0] for row in plan.goals.index if row[2] == key)
        return Area(key, kind, s.title, goals, s.title_zh, coverage=s.coverage)
    t = plan.themes[key]
    return Area(key, kind, t.title, theme_goals(plan, t), definition=t.definition)


def resolve_goal(plan: m.Plan, goal_id: str) -> m.Goal:
    goal = plan.goals.get(goal_id)
    if goal is None:
        lowered = {k.lower(): k for k in plan.goals}
        key = lowered.get(goal_id.strip().lower())
        if key is None:
            raise NotFound("goal", goal_id, _suggest(goal_id, plan.goals))
        goal = plan.goals[key]
    return goal


# ------------------------------------------------------------------------------------ records


class Assessed:
    """Memo of one call: the status method per goal, computed once, and source records."""

    def __init__(self):
        self._memo: dict[int, Assessment] = {}
        self._sources: dict[str, dict] = {}

    def source(self, plan: m.Plan, sid: str) -> dict:
        rec = self._sources.get(sid)
        if rec is None:
            rec = self._sources[sid] = source_record(plan.sources[sid])
        return rec

    def __call__(self, goal: m.Goal) -> Assessment:
        a = self._memo.get(id(goal))
        if a is None:
            a = self._memo[id(goal)] = assess(goal)
        return a


def source_record(s: m.Source) -> dict:
    return {
        "id": s.id, "title": s.title, "publisher": s.publisher, "date": s.date, "url": s.url,
        "kind": s.kind, "document": s.document, "language": s.language, "mirror": s.mirror,
        "note": s.note,
    }


def result_record(plan: m.Plan, r: m.Result) -> dict:
    src = plan.sources.get(r.source)
    return {
        "year": r.year,
        "start_year": r.start,
        "value": r.value,
        "unit": r.unit,
        "qualifier": r.qualifier,
        "text": r.text,
        "source": r.source,
        "url": src.url if src else None,
        "origin": _origin(src),
        "locator": r.locator,
        "see_also": r.see_also,
        "note": r.note,
        "used": r.use,
    }


def _origin(src: m.Source | None) -> str | None:
    """'assessment' when the figure was read in the assessment report (or a copy or summary of it)."""
    if src is None:
        return None
    return {"assessment": "assessment", "plan": "plan"}.get(src.document, "other_official")


def note_record(n: m.Note) -> dict:
    return {"kind": n.kind, "text": n.text, "sources": n.sources}


def target_record(t: m.Target | None) -> dict | None:
    if t is None:
        return None
    return {
        "metric": t.metric, "unit": t.unit, "op": t.op, "value": t.value, "year": t.year,
        "start_year": t.start,
        "baseline": {"value": t.baseline.value, "year": t.baseline.year} if t.baseline else None,
        "binding": t.binding, "ceiling": t.ceiling, "aggregate": t.aggregate, "wording": t.wording,
    }


def goal_sources(goal: m.Goal) -> list[str]:
    """Every source a goal cites, in order of first mention, each once."""
    ids = list(goal.plan_sources)
    for r in goal.results:
        ids.append(r.source)
        ids.extend(r.see_also)
    for n in goal.notes:
        ids.extend(n.sources)
    return list(dict.fromkeys(ids))


def goal_record(plan: m.Plan, goal: m.Goal, assessed, working: bool = False) -> dict:
    a = assessed(goal)
    results = [result_record(plan, r) for r in goal.results]
    latest = latest_result(goal)
    rec = {
        "id": goal.id,
        "plan": goal.plan,
        "chapter": goal.chapter,
        "section": goal.section,
        "kind": goal.kind,
        "text": goal.text,
        "tags": goal.tags,
        "target": target_record(goal.target),
        "results": results,
        "latest": None if latest is None else results[goal.results.index(latest)],
        "status": a.status,
        "progress": a.progress,
        "agreement": a.agreement,
        "reported_status": goal.reported_status,
        "reported_wording": goal.reported_wording,
        "sources": [assessed.source(plan, s) for s in goal_sources(goal) if s in plan.sources],
        "plan_sources": goal.plan_sources,
        "notes": [note_record(n) for n in goal.notes],
    }
    if working:
        rec["working"] = a.working()
    return rec


def latest_result(goal: m.Goal) -> m.Result | None:
    """The latest result with a value (used ones first), for tables."""
    rs = [r for r in goal.results if r.value is not None]
    if not rs:
        return None
    return max(rs, key=lambda r: (r.use, r.year or 0))


# ------------------------------------------------------------------------------------ filters


def filter_goals(goals, assessed, status=None, tag=None, binding=None, quantified=False,
                 reported=None, origin=None, plan=None):
    out = []
    for g in goals:
        if quantified and g.target is None:
            continue
        if status and assessed(g).status not in status:
            continue
        if reported and (g.reported_status or "none") not in reported:
            continue
        if tag and not set(tag).intersection(g.tags):
            continue
        if binding and (g.target is None or g.target.binding != binding):
            continue
        if origin and not any(_origin(plan.sources.get(r.source)) == origin for r in g.results):
            continue
        out.append(g)
    return out


def count_statuses(goals, assessed) -> dict[str, int]:
    counts = dict.fromkeys(m.STATUSES, 0)
    for g in goals:
        counts[assessed(g).status] += 1
    return counts


# ------------------------------------------------------------------------------------ claims


def claim_check(plan: m.Plan, claim: m.Claim, assessed, area: Area | None = None) -> dict:
    """An assessment claim beside what hrplan's data shows for the same set of targets.

    ``area`` may pass the claim's area when the caller has it resolved already."""
    if area is None or area.id != (claim.area or plan.id):
        area = resolve_area(plan, claim.area) if claim.area else whole_plan(plan)
    quantified = [g for g in area.goals if g.target is not None
                  and (claim.binding is None or g.target.binding == claim.binding)]
    rec = {
        "id": claim.id,
        "text": claim.text,
        "area": claim.area,
        "binding": claim.binding,
        "share": claim.share,
        "qualifier": claim.qualifier,
        "counts": claim.counts,
        "reported_status": claim.reported_status,
        "sources": claim.sources,
        "urls": [plan.sources[s].url for s in claim.sources if s in plan.sources and plan.sources[s].url],
        "results": [result_record(plan, r) for r in claim.results],
        "notes": [note_record(n) for n in claim.notes],
        "data": None,
    }
    if claim.share is None or not claim.counts:
        return rec
    statuses = [assessed(g).status for g in quantified]
    counted = sum(1 for s in statuses if s in claim.counts)
    unknown = sum(1 for s in statuses if s in ("indeterminate", "no_data"))
    total = len(quantified)
    known = total - unknown
    share = 100.0 * counted / total if total else None
    share_known = 100.0 * counted / known if known else None
    low, low_open, high, high_open = value_range(claim.share, claim.qualifier)

    def agreement(x):
        if x is None:
            return None
        inside = (low < x or (low == x and not low_open)) and (x < high or (x == high and not high_open))
        return "consistent" if inside else "differs"

    area_sections = {g.section for g in area.goals}
    partial = [s.id for s in plan.sections.values() if s.coverage not in (None, "full") and s.id in area_sections]
    caveats = []
    if partial:
        caveats.append(f"the plan text of {len(partial)} section(s) in this area was not read whole, "
                       "so the data may not hold every target the claim counted")
    if unknown:
        caveats.append(f"{unknown} of the {total} quantified goals have no computable status")
    rec["data"] = {
        "quantified": total,
        "counted": counted,
        "share": share,
        "agreement": agreement(share),
        "unknown": unknown,
        "known": known,
        "share_known": share_known,
        "agreement_known": agreement(share_known),
        "caveats": caveats,
    }
    return rec


def claims_for(plan: m.Plan, area: Area) -> list[m.Claim]:
    if area.kind == "plan":
        return list(plan.claims)
    return [c for c in plan.claims if c.area == area.id]


# ------------------------------------------------------------------------------------ answers


def plan_record(plan: m.Plan) -> dict:
    return {
        "id": plan.id, "title": plan.title, "title_zh": plan.title_zh, "issuer": plan.issuer,
        "published": plan.published, "period": [plan.start, plan.end],
        "predecessor": plan.predecessor, "successor": plan.successor,
        "assessment": plan.assessment, "sources": plan.cited, "file": plan.file,
    }


def chapter_rows(plan: m.Plan, assessed) -> list[dict]:
    rows = []
    for c in plan.chapters.values():
        goals = [g for g in plan.goals.values() if g.chapter == c.id]
        secs = [s for s in plan.sections.values() if s.chapter == c.id]
        rows.append({
            "id": c.id, "title": c.title, "title_zh": c.title_zh, "aliases": c.aliases,
            "goals": len(goals), "quantified": sum(1 for g in goals if g.target),
            "with_results": sum(1 for g in goals if g.results),
            "coverage": c.coverage or _coverage_of(secs),
            "statuses": {k: v for k, v in count_statuses(goals, assessed).items() if v},
        })
    return rows


def _coverage_of(sections: list[m.Section]) -> str | None:
    values = {s.coverage for s in sections if s.coverage}
    if not values:
        return None
    return values.pop() if len(values) == 1 else "mixed"


def summary(plan: m.Plan) -> dict:
    assessed = Assessed()
    goals = list(plan.goals.values())
    return {
        "plan": plan_record(plan),
        "goals": len(goals),
        "quantified": sum(1 for g in goals if g.target),
        "with_results": sum(1 for g in goals if g.results),
        "chapters": chapter_rows(plan, assessed),
        "coverage": coverage_rows(plan),
        "statuses": count_statuses(goals, assessed),
        "reported_statuses": _count_reported(goals),
        "claims": [claim_check(plan, c, assessed) for c in plan.claims],
        "differing": [g.id for g in goals if assessed(g).agreement == "differs"],
    }


def _count_reported(goals) -> dict[str, int]:
    counts = dict.fromkeys((*m.REPORTED_STATUSES, "none"), 0)
    for g in goals:
        counts[g.reported_status or "none"] += 1
    return counts


def coverage_rows(plan: m.Plan) -> list[dict]:
    return [
        {"section": s.id, "title": s.title, "coverage": s.coverage, "note": s.coverage_note}
        for s in plan.sections.values()
    ]


def areas(plan: m.Plan) -> dict:
    assessed = Assessed()
    by_section: dict[str | None, list[m.Goal]] = {}
    for g in plan.goals.values():
        by_section.setdefault(g.section, []).append(g)
    sections = []
    for s in plan.sections.values():
        goals = by_section.get(s.id, [])
        sections.append({
            "id": s.id, "chapter": s.chapter, "title": s.title, "title_zh": s.title_zh,
            "aliases": s.aliases, "goals": len(goals), "quantified": sum(1 for g in goals if g.target),
            "coverage": s.coverage, "coverage_note": s.coverage_note,
        })
    themes = []
    for t in plan.themes.values():
        goals = theme_goals(plan, t)
        themes.append({
            "id": t.id, "title": t.title, "aliases": t.aliases, "definition": t.definition,
            "sections": t.sections, "tags": t.tags, "goals": len(goals),
            "quantified": sum(1 for g in goals if g.target),
        })
    return {"plan": plan.id, "chapters": chapter_rows(plan, assessed), "sections": sections, "themes": themes}


def goals_answer(plan: m.Plan, area: Area, goals, assessed) -> dict:
    return {"plan": plan.id, "area": area.record(), "count": len(goals),
            "goals": [goal_record(plan, g, assessed) for g in goals]}


def stats(plan: m.Plan, area: Area) -> dict:
    assessed = Assessed()
    goals = area.goals
    records = [goal_record(plan, g, assessed) for g in goals]
    quantified = [g for g in goals if g.target is not None]
    key_figures = [{  # the goal records' own target and latest result (the same objects)
        "id": rec["id"], "metric": rec["target"]["metric"], "target": rec["target"], "latest": rec["latest"],
        "status": rec["status"], "progress": rec["progress"], "reported_status": rec["reported_status"],
    } for rec in records if rec["target"] is not None]
    sections = sorted({g.section for g in goals if g.section})
    return {
        "plan": plan.id,
        "area": area.record(),
        "goals_total": len(goals),
        "quantified_total": len(quantified),
        "with_results": sum(1 for g in goals if g.results),
        "counts": count_statuses(goals, assessed),
        "quota_counts": count_statuses(quantified, assessed),
        "reported_counts": _count_reported(goals),
        "claims": [claim_check(plan, c, assessed, area) for c in claims_for(plan, area)],
        "key_figures": key_figures,
        "differing": [{"id": g.id, "status": assessed(g).status, "reported_status": g.reported_status}
                      for g in goals if assessed(g).agreement == "differs"],
        "coverage": [{"section": s, "coverage": plan.sections[s].coverage} for s in sections
                     if plan.sections[s].coverage not in (None, "full")],
        "goals": records,
    }


def search(plan: m.Plan, text: str, goals=None) -> list[tuple[m.Goal, list[str]]]:
    """Goals whose texts mention ``text`` (case-insensitive), each with the fields that matched."""
    needle = text.casefold().strip()
    if not needle:
        return []
    hits = []
    for g in (plan.goals.values() if goals is None else goals):
        fields = []
        sec = plan.sections.get(g.section) if g.section else None
        chap = plan.chapters.get(g.chapter)
        haystacks = {
            "id": g.id,
            "text": g.text,
            "tags": " ".join(g.tags),
            "metric": g.target.metric if g.target else "",
            "target": g.target.wording or "" if g.target else "",
            "results": " ".join(filter(None, (f"{r.text or ''} {r.note or ''}" for r in g.results))),
            "notes": " ".join(n.text for n in g.notes),
            "reported": g.reported_wording or "",
            "title": " ".join(filter(None, (sec and sec.title, sec and sec.title_zh,
                                            chap and chap.title, chap and chap.title_zh))),
        }
        for name, hay in haystacks.items():
            if hay and needle in hay.casefold():
                fields.append(name)
        if fields:
            hits.append((g, fields))
    return hits


def search_answer(plan: m.Plan, text: str) -> dict:
    assessed = Assessed()
    hits = search(plan, text)
    return {"plan": plan.id, "query": text, "count": len(hits),
            "goals": [dict(goal_record(plan, g, assessed), matched=f) for g, f in hits]}


def sources_answer(plan: m.Plan) -> dict:
    used: dict[str, int] = dict.fromkeys(plan.sources, 0)
    for g in plan.goals.values():
        for s in goal_sources(g):
            if s in used:
                used[s] += 1
    for c in plan.claims:
        for s in (*c.sources, *(r.source for r in c.results), *(x for r in c.results for x in r.see_also),
                  *(x for n in c.notes for x in n.sources)):
            if s in used:
                used[s] += 1
    for s in (*plan.cited, plan.assessment, *(x for n in plan.notes for x in n.sources)):
        if s in used:
            used[s] += 1
    return {"plan": plan.id, "count": len(plan.sources),
            "sources": [dict(source_record(s), cited_by=used[s.id]) for s in plan.sources.values()]}


def notes_answer(plan: m.Plan, area: Area, kinds=None) -> dict:
    rows = []
    for g in area.goals:
        for n in g.notes:
            if not kinds or n.kind in kinds:
                rows.append(dict(note_record(n), goal=g.id))
    if area.kind == "plan":
        for c in plan.claims:
            for n in c.notes:
                if not kinds or n.kind in kinds:
                    rows.append(dict(note_record(n), goal=None, claim=c.id))
        for n in plan.notes:
            if not kinds or n.kind in kinds:
                rows.append(dict(note_record(n), goal=None))
    for row in rows:
        row["urls"] = [plan.sources[s].url for s in row["sources"] if s in plan.sources and plan.sources[s].url]
    return {"plan": plan.id, "area": area.record(), "count": len(rows), "notes": rows}


def export(plan: m.Plan) -> dict:
    assessed = Assessed()
    return {
        "plan": plan_record(plan),
        "sources": [source_record(s) for s in plan.sources.values()],
        "chapters": [{"id": c.id, "title": c.title, "title_zh": c.title_zh, "aliases": c.aliases,
                      "coverage": c.coverage, "coverage_note": c.coverage_note} for c in plan.chapters.values()],
        "sections": [{"id": s.id, "chapter": s.chapter, "title": s.title, "title_zh": s.title_zh,
                      "aliases": s.aliases, "coverage": s.coverage, "coverage_note": s.coverage_note}
                     for s in plan.sections.values()],
        "themes": [{"id": t.id, "title": t.title, "definition": t.definition, "sections": t.sections,
                    "tags": t.tags, "goals": t.goals, "aliases": t.aliases} for t in plan.themes.values()],
        "goals": [goal_record(plan, g, assessed) for g in plan.goals.values()],
        "claims": [claim_check(plan, c, assessed) for c in plan.claims],
        "notes": [note_record(n) for n in plan.notes],
    }


def progress_answer(plan: m.Plan, area: Area) -> dict:
    assessed = Assessed()
    rows = []
    for g in area.goals:
        if g.target is None:
            continue
        a = assessed(g)
        r = latest_result(g)
        sec = plan.sections.get(g.section) if g.section else None
        rows.append({
            "id": g.id, "section": g.section, "chapter": g.chapter,
            "section_title": sec.title if sec else plan.chapters[g.chapter].title, "metric": g.target.metric,
            "target": target_record(g.target),
            "latest": None if r is None else result_record(plan, r),
            "value": a.value, "status": a.status, "progress": a.progress,
            "reported_status": g.reported_status, "agreement": a.agreement,
        })
    return {"plan": plan.id, "area": area.record(), "count": len(rows), "goals": rows}


def show(plan: m.Plan, goal: m.Goal) -> dict:
    rec = goal_record(plan, goal, Assessed(), working=True)
    sec = plan.sections.get(goal.section) if goal.section else None
    rec["section_title"] = sec.title if sec else None
    rec["section_coverage"] = sec.coverage if sec else None
    rec["chapter_title"] = plan.chapters[goal.chapter].title
    return rec
