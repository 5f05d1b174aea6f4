"""Which goals a user means: the plan, an area (chapter, section, alias or theme), a goal id,
and filters. Names are matched without regard to case; an unknown name gets the closest
ones. Pure functions, no I/O.
"""

from __future__ import annotations

from hrplan.core import model as m
from hrplan.errors import NotFound


def suggest(word: str, choices) -> list[str]:
    import difflib

    lowered = {c.lower(): c for c in choices}
    word = word.lower()
    scored = []
    for key in lowered:
        m = difflib.SequenceMatcher(None, word, key)
        if m.real_quick_ratio() >= 0.5 and m.quick_ratio() >= 0.5 and m.ratio() >= 0.5:
            scored.append((-m.ratio(), key))
    return [lowered[k] for _, k in sorted(scored)[:3]]


def select_plan(plans: list[m.Plan], plan_id: str | None, assessed: bool = False,
                origin: str | None = "--plan") -> m.Plan:
    """The plan named by ``--plan``; by default the only plan, or the one that ends last (with
    ``assessed``, the one that ends last among those with an assessment, if any has one). An
    unknown plan id is said to come from ``origin`` (None: a command's argument)."""
    if plan_id is None:
        pool = [p for p in plans if p.assessment] if assessed else []
        return max(pool or plans, key=lambda p: (p.end or 0, p.id))
    for p in plans:
        if p.id == plan_id:
            return p
    ids = [p.id for p in plans]
    raise NotFound("plan", plan_id, suggest(plan_id, ids) or (ids if len(ids) <= 5 else []), origin=origin)


class Area:
    """A set of goals a user can name: the plan, a chapter, a section or a theme."""

    __slots__ = ("id", "kind", "title", "title_zh", "definition", "goals", "coverage")

    def __init__(self, id, kind, title, goals, title_zh=None, definition=None, coverage=None):
        self.id, self.kind, self.title, self.goals = id, kind, title, goals
        self.title_zh, self.definition, self.coverage = title_zh, definition, coverage


def theme_ids(plan: m.Plan, theme: m.Theme) -> list[str]:
    """The ids of a theme's goals, in file order, read from the goal index (no goal is built)."""
    secs, tags, ids = set(theme.sections), set(theme.tags), set(theme.goals)
    return [gid for gid, chapter, section, gtags in plan.goals.index
            if gid in ids or section in secs or chapter in secs or (tags and not tags.isdisjoint(gtags))]


def theme_goals(plan: m.Plan, theme: m.Theme) -> list[m.Goal]:
    return plan.goals.select(theme_ids(plan, theme))


def area_ids(plan: m.Plan, name: str | None) -> list[str]:
    """The ids of the goals of the area ``name`` (None: the whole plan), from the goal index."""
    if name is None or name.lower() in ("all", "plan", plan.id.lower()):
        return list(plan.goals)
    kind, key = area_names(plan)[name.strip().lower()]
    if kind == "theme":
        return theme_ids(plan, plan.themes[key])
    column = 1 if kind == "chapter" else 2
    return [row[0] for row in plan.goals.index if row[column] == key]


def area_names(plan: m.Plan) -> dict[str, tuple[str, str]]:
    """Every name an area answers to (lower-cased) -> (kind, id)."""
    names: dict[str, tuple[str, str]] = {}
    for kind, table in (("chapter", plan.chapters), ("section", plan.sections), ("theme", plan.themes)):
        for item in table.values():
            for name in (item.id, *item.aliases):
                names.setdefault(name.lower(), (kind, item.id))
    return names


def display_names(plan: m.Plan) -> set[str]:
    """Every name an area answers to, as the data writes it (for suggestions)."""
    return {n for table in (plan.chapters, plan.sections, plan.themes) for item in table.values()
            for n in (item.id, *item.aliases)}


def whole_plan(plan: m.Plan) -> Area:
    return Area(plan.id, "plan", plan.title, list(plan.goals.values()), plan.title_zh)


def resolve_area(plan: m.Plan, name: str | None) -> Area:
    """The area a user named: chapter id or numeral, section id or number, alias or theme."""
    if name is None or name.lower() in ("all", "plan", plan.id.lower()):
        return whole_plan(plan)
    names = area_names(plan)
    hit = names.get(name.strip().lower())
    if hit is None:
        other = kind_of(plan, name)
        if other is not None:
            raise NotFound("area", name, hint=f"{name} is a {other} of {plan.id}, not an area: "
                                             f"hrplan show {name} --plan {plan.id}")
        raise NotFound("area", name, suggest(name, display_names(plan)), where=plan.id)
    kind, key = hit
    goals = plan.goals.select(area_ids(plan, name))
    if kind == "chapter":
        c = plan.chapters[key]
        return Area(key, kind, c.title, goals, c.title_zh, coverage=c.coverage)
    if kind == "section":
        s = plan.sections[key]
        return Area(key, kind, s.title, goals, s.title_zh, coverage=s.coverage)
    t = plan.themes[key]
    return Area(key, kind, t.title, goals, definition=t.definition)


def _find(table, name: str):
    """The key of ``table`` equal to ``name``, without regard to case, or None."""
    if name in table:
        return name
    lowered = {k.lower(): k for k in table}
    return lowered.get(name.strip().lower())


def kind_of(plan: m.Plan, name: str) -> str | None:
    """"goal", "claim" or "source" when ``name`` is the id of one in ``plan``."""
    if _find(plan.goals, name) is not None:
        return "goal"
    if _find({c.id: c for c in plan.claims}, name) is not None:
        return "claim"
    if _find(plan.sources, name) is not None:
        return "source"
    return None


KINDS = ("goal", "claim", "source", "plan")


def _split(plans: list[m.Plan], name: str) -> tuple[str | None, str]:
    """(plan id, id) of ``PLAN:ID``; (None, name) for a bare id."""
    ids = {p.id for p in plans}
    if ":" in name and name.split(":", 1)[0] in ids:
        plan_id, name = name.split(":", 1)
        return plan_id, name
    return None, name


def resolve_id(plans: list[m.Plan], name: str, plan_id: str | None = None, kinds=KINDS):
    """(kind, plan, record) for an id of a goal, claim, source or plan (or only of ``kinds``).
    Without ``plan_id``, the latest plan that holds the id; ``PLAN:ID`` names the plan in the id
    itself. An unknown id is said to be unknown in the plans searched."""
    by_id = {p.id: p for p in plans}
    named, name = _split(plans, name)
    plan_id = named or plan_id
    if plan_id is None and "plan" in kinds and _find(by_id, name) is not None:
        plan = by_id[_find(by_id, name)]
        return "plan", plan, plan
    candidates = [select_plan(plans, plan_id, origin=None)] if plan_id else sorted(plans, key=lambda p: (p.end or 0, p.id), reverse=True)
    for plan in candidates:
        kind = kind_of(plan, name)
        if kind not in kinds:
            continue
        if kind == "goal":
            return kind, plan, plan.goals[_find(plan.goals, name)]
        if kind == "claim":
            claims = {c.id: c for c in plan.claims}
            return kind, plan, claims[_find(claims, name)]
        if kind == "source":
            return kind, plan, plan.sources[_find(plan.sources, name)]
    tables = {"goal": lambda p: p.goals, "claim": lambda p: [c.id for c in p.claims], "source": lambda p: p.sources}
    names = {n for p in candidates for k in kinds if k in tables for n in tables[k](p)}
    if not plan_id and "plan" in kinds:
        names.update(by_id)
    noun = kinds[0] if len(kinds) == 1 else ", ".join(kinds[:-1]) + " or " + kinds[-1]
    raise NotFound(noun, name, suggest(name, names), where=searched(candidates))


def searched(plans: list[m.Plan]) -> str:
    """The plans an id was looked for in, as an error names them."""
    return ", ".join(p.id for p in by_period(plans))


def also_in(plans: list[m.Plan], plan: m.Plan, kind: str, name: str) -> list[str]:
    """The other plans, in period order, that hold an id of the same kind as ``name`` (bare or
    ``PLAN:ID``) has in ``plan``: the plans ``--plan`` could choose instead."""
    if kind == "plan":
        return []
    name = _split(plans, name)[1]
    return [p.id for p in by_period(plans) if p.id != plan.id and kind_of(p, name) == kind]


def open_id(plans: list[m.Plan], name: str, plan_id: str | None = None, kinds=KINDS):
    """(kind, plan, record, the other plans holding the id) for an id that ``show`` (or the command
    of its kind, or ``hrplan.api``) opens: in ``plan_id`` (or ``PLAN:ID``), else in the latest plan
    that holds it. An unknown ``plan_id`` is said to be an unknown plan, not an unknown id."""
    if plan_id:
        select_plan(plans, plan_id)
    kind, plan, record = resolve_id(plans, name, plan_id, kinds)
    return kind, plan, record, also_in(plans, plan, kind, name)


def resolve_goal(plan: m.Plan, goal_id: str) -> m.Goal:
    """A goal by id, without regard to case; the closest ids for a typo."""
    key = _find(plan.goals, goal_id)
    if key is None:
        raise NotFound("goal", goal_id, suggest(goal_id, plan.goals), where=plan.id)
    return plan.goals[key]


def resolve_source(plan: m.Plan, source_id: str) -> m.Source:
    """A source by id, without regard to case; the closest ids for a typo."""
    key = _find(plan.sources, source_id)
    if key is None:
        raise NotFound("source", source_id, suggest(source_id, plan.sources), where=plan.id)
    return plan.sources[key]


def tag_counts(plan: m.Plan) -> dict[str, int]:
    """Every tag of the plan's goals with the number of goals that carry it, as the data writes it."""
    counts: dict[str, int] = {}
    for _, _, _, tags in plan.goals.index:
        for t in tags:
            counts[t] = counts.get(t, 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: kv[0].lower()))


def filter_goals(goals, assessed, status=None, tag=None, binding=None, quantified=False,
                 reported=None, origin=None, plan=None, kind=None, agreement=None):
    """The goals that pass every filter given; a repeated filter keeps goals with any of its values."""
    tag = {t.lower() for t in tag} if tag else None
    out = []
    for g in goals:
        if quantified and g.target is None:
            continue
        if kind and g.kind != kind:
            continue
        if agreement and assessed(g).agreement != agreement:
            continue
        if status and assessed(g).status not in status:
            continue
        if reported and (g.reported_status or "none") not in reported:
            continue
        if tag and not tag.intersection(t.lower() for t in g.tags):
            continue
        if binding and (g.target is None or g.target.binding != binding):
            continue
        if origin and not any(r.source in plan.sources and plan.sources[r.source].origin == origin for r in g.results):
            continue
        out.append(g)
    return out


def by_period(plans: list[m.Plan]) -> list[m.Plan]:
    return sorted(plans, key=lambda p: (p.start or 0, p.end or 0, p.id))
