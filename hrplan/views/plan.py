"""Lay the answers about one plan out as blocks for the renderers: headings, fields, tables, text.

A view only arranges and formats what ``hrplan.answers`` computed (numbers to strings, which
columns to show); it computes nothing and imports neither Click nor Rich. The terminal renderer
draws the blocks with Rich; the plain renderer prints them as tab-separated text for pipes.
"""

from __future__ import annotations

from hrplan.core.coverage import line as coverage_line, nothing_found
from hrplan.views.blocks import Bar, Fields, Lines, Mark, Markdown, Status, Table, Text
from hrplan.views.format import (LEGEND, NOT_USED, QUALIFIER_WORDS, _where, baseline_text, counts_text, latest_text,
                                 num, period, result_text, target_text, title_with_zh)


# ------------------------------------------------------------------------------------ views


def claim_blocks(claims: list[dict]) -> list:
    if not claims:
        return []
    rows = []
    for c in claims:
        d = c["data"]
        if d is None:
            data = "; ".join(result_text(r) for r in c["results"]) or "not a share: nothing to compare"
            agree = ""
        elif d["share"] is None:
            data = "no quantified goals in this set"
            agree = ""
        else:
            data = (f"hrplan: {d['counted_count']} of {d['quantified_count']} quantified goals "
                    f"{'/'.join(c['counted_statuses'])}, {d['share']:.0f}%")
            agree = d["agreement"] or ""
            if d["unknown_count"] and d["share_known"] is not None:
                data += f"; {d['counted_count']} of the {d['known_count']} with a computable status, {d['share_known']:.0f}%"
                agree += f" ({d['agreement_known']} among the {d['known_count']})"
            if d["caveats"]:
                data += "; caveats: " + "; ".join(d["caveats"])
        claim = c["text"]
        if c["share"] is not None:
            claim += f" [{QUALIFIER_WORDS[c['qualifier']]}{num(c['share'])}%]"
        rows.append([c["id"], claim, data, agree, ", ".join(c["source_ids"])])
    return [Table("Claims of the assessment, beside the data", ["claim", "the source says", "the data shows", "agreement", "sources"],
                  rows, wrap=("the source says", "the data shows"))]


def fields_view(items: str):
    """The view of a list answer cut to some fields (``--fields``): one column a field."""

    def view(a: dict, show_zh=True) -> list:
        names = a["fields"]
        rows = [[_field_text(r[n]) for n in names] for r in a[items]]
        return [Table(f"{items.capitalize()} ({len(rows)})", names, rows, wrap=names)]

    return view


def _field_text(v) -> str:
    if isinstance(v, dict):
        return target_text(v) if "op" in v else result_text(v) if "qualifier" in v else str(v)
    if isinstance(v, list):
        return ", ".join(str(x.get("id", x)) if isinstance(x, dict) else str(x) for x in v)
    if isinstance(v, float):
        return num(v)
    return "" if v is None else str(v)


def summary_view(a: dict, show_zh=True) -> list:
    p = a["plan"]
    blocks = [Fields(title_with_zh(p["title"], p["title_zh"], show_zh), [
        ("id", p["id"]), ("issuer", p["issuer"]), ("published", p["published"]),
        ("period", period(*p["period"]) + (f" ({a['period_state'].removeprefix('period ')})" if a["period_state"] else "")),
        ("predecessor", p["predecessor"]), ("successor", p["successor"]),
        ("goals", f"{a['goal_count']} ({a['commitment_count']} commitments, {a['finding_count']} findings: "
                  f"reported results that match no commitment; {a['quantified_count']} with a quantified "
                  f"target, {a['with_results_count']} with reported results)"),
        ("the file holds", a["coverage_note"]),
        ("plan text read", coverage_line(a["coverage_by_section"])),
        ("computed status", counts_text(a["status_counts"])),
        ("reported status", counts_text(a["reported_status_counts"])),
    ])]
    rows = [[c["id"], title_with_zh(c["title"], c["title_zh"], show_zh), num(c["goal_count"]), num(c["quantified_count"]),
             num(c["with_results_count"]), c["coverage"] or "", counts_text(c["status_counts"])] for c in a["chapters"]]
    blocks.append(Table("Chapters", ["chapter", "title", "goals", "quantified", "with results", "plan text read", "status"],
                        rows, wrap=("title", "status")))
    cov = [[r["section"], r["title"], r["coverage"] or "", r["coverage_note"] or ""] for r in a["coverage_by_section"]]
    if cov:
        blocks.append(Table("How much of each section's plan text was read", ["section", "title", "coverage", "note"],
                            cov, wrap=("title", "note")))
    blocks += claim_blocks(a["claims"])
    if a["differing"]:
        blocks.append(Text("Reported verdict differs from the computed status: "
                           + ", ".join(d["goal_id"] for d in a["differing"])))
    return blocks


def areas_view(a: dict, show_zh=True) -> list:
    ch = [[c["id"], title_with_zh(c["title"], c["title_zh"], show_zh), ", ".join(c["aliases"]), num(c["goal_count"]),
           c["coverage"] or ""] for c in a["chapters"]]
    se = [[s["id"], s["chapter"], title_with_zh(s["title"], s["title_zh"], show_zh), ", ".join(s["aliases"]),
           num(s["goal_count"]), num(s["quantified_count"]), s["coverage"] or ""] for s in a["sections"]]
    th = [[t["id"], t["title"], ", ".join(t["aliases"]), num(t["goal_count"]), num(t["quantified_count"]), t["definition"]]
          for t in a["themes"]]
    return [
        Table(f"Chapters of {a['plan']['id']}", ["id", "title", "aliases", "goals", "plan text read"], ch, wrap=("title",)),
        Table("Sections", ["id", "chapter", "title", "aliases", "goals", "quantified", "plan text read"], se, wrap=("title",)),
        Table("Themes", ["id", "title", "aliases", "goals", "quantified", "definition"], th, wrap=("definition",)),
        coverage_text(a),
    ]


def _plan_column(a: dict, columns: list, rows: list, records: list, meaning: tuple = ()) -> tuple[list, list, tuple]:
    """Across plans (``--plan all``), a first column naming each row's plan, one of the columns
    that carry the rows' meaning (``meaning``)."""
    if "plans" not in a:
        return columns, rows, meaning
    return ["plan", *columns], [[r["plan_id"], *row] for r, row in zip(records, rows)], ("plan", *meaning)


def coverage_text(a: dict, style: str = "") -> Text:
    """The line a person reads about how much of an answer's plan text was read."""
    return Text(f"Plan text read: {coverage_line(a['coverage_by_section'])}.", style)


def coverage_lines(a: dict) -> list:
    """The coverage line of an answer about one plan; across plans (``--plan all``), one per plan."""
    if "coverage_by_section" in a:
        return [coverage_text(a, "dim")]
    lines = [f"Plan text read, {p}: {coverage_line(c)}." for p, c in a.get("coverage_by_plan", {}).items()]
    return [Text("\n".join(lines), "dim")] if lines else []


def goals_view(a: dict, show_zh=True) -> list:
    rows = [[g["id"], g["text"] if g["kind"] == "commitment" else f"[finding] {g['text']}", target_text(g["target"]),
             Status(g["status"]), g["reported_status"] or ""] for g in a["goals"]]
    columns, rows, meaning = _plan_column(a, ["id", "commitment", "target", "status", "reported"], rows, a["goals"],
                                          ("id", "commitment", "target", "status", "reported"))
    blocks = [Table(f"Goals of {_where(a)} ({a['goal_count']})", columns, rows, wrap=("commitment", "target"),
                    meaning=meaning), *coverage_lines(a)]
    if any(g["kind"] == "finding" for g in a["goals"]):
        blocks.append(Text("[finding]: a result a source reported that matches no commitment of the plan "
                           "(`--kind commitment` leaves them out).", "dim"))
    return blocks


def quotas_view(a: dict, show_zh=True) -> list:
    rows = []
    for g in a["goals"]:
        rows.append([g["id"], g["target"]["metric"], target_text(g["target"]), baseline_text(g["target"]),
                     latest_text(g["latest"]), Status(g["status"]), g["reported_status"] or ""])
    columns, rows, meaning = _plan_column(
        a, ["id", "metric", "target", "baseline", "latest result", "status", "reported"], rows, a["goals"],
        ("id", "metric", "target", "latest result", "status", "reported"))
    blocks = [Table(f"Quantified targets of {_where(a)} ({a['goal_count']})", columns, rows,
                    wrap=("metric", "target", "latest result"), meaning=meaning), *coverage_lines(a)]
    if any(g["latest"] and not g["latest"]["used"] for g in a["goals"]):
        blocks.append(Text(NOT_USED, "dim"))
    return blocks


def show_view(a: dict, show_zh=True) -> list:
    """``show``: a goal, a claim, a source or a plan, and the other plans that hold its id."""
    return _also_in(a, _shown(a, show_zh))


def _also_in(a: dict, blocks: list) -> list:
    """First under the title, the other plans that hold the id shown, and how to open it there."""
    if a.get("also_in") and isinstance(blocks[0], Fields):
        shown = a[a["kind"]]["id"]
        blocks[0].pairs.insert(0, ("also in", f"{', '.join(a['also_in'])} (--plan PLAN, or PLAN:{shown}, opens it there; "
                                              "without, the latest plan that holds it)"))
    return blocks


def _shown(a: dict, show_zh=True) -> list:
    if a["kind"] == "claim":
        c = a["claim"]
        head = Fields(f"Claim {c['id']} of {a['plan']['id']}", [
            ("the source says", c["text"]), ("area", c["area_id"]), ("reported status", c["reported_status"]),
            ("sources", ", ".join(c["source_ids"])), ("addresses", " ".join(c["urls"]))])
        return [head] + claim_blocks([c]) + (
            [Table("Notes", ["kind", "note", "sources"], [[n["kind"], n["text"], ", ".join(n["source_ids"])]
                                                          for n in a["claim"]["notes"]], wrap=("note",))]
            if a["claim"]["notes"] else [])
    if a["kind"] == "source":
        return source_view(a)
    if a["kind"] == "plan":
        p = a["plan"]
        return [Fields(f"Plan {p['id']}: {title_with_zh(p['title'], p['title_zh'], show_zh)}", [
            ("period", period(*p["period"])), ("published", p["published"]), ("issuer", p["issuer"]),
            ("assessment", p["assessment"] or "none on record"), ("the file holds", a["coverage_note"]),
            ("plan text read", coverage_line(a["coverage_by_section"])),
            ("computed status", counts_text(a["status_counts"])),
        ])] + claim_blocks(a["claims"])
    return goal_view(a, show_zh)


def source_view(a: dict, show_zh=True) -> list:
    """One source and everything that cites it (``show SOURCE_ID``, ``sources SOURCE_ID``)."""
    s = a["source"]
    rows = [[c["goal_id"] or c["claim_id"] or a["plan"]["id"], c["role"], period(c["start_year"], c["year"]),
             result_text(dict(c, qualifier="exact", year=None, start_year=None)) if c["value"] is not None
             else (c["text"] or "")] for c in a["citations"]]
    return [Fields(f"Source {s['id']} of {a['plan']['id']}", [
        ("title", s["title"]), ("publisher", s["publisher"]), ("date", s["date"]), ("kind", _source_kind(s)),
        ("carries", s["document"]), ("language", s["language"]), ("note", s["note"]),
        ("address", s["url"] or "(no address)"),
    ]), Table(f"Cited by ({a['citation_count']})", ["id", "as", "year", "figure or text"], rows,
              wrap=("figure or text",))]


def goal_view(a: dict, show_zh=True) -> list:
    g = a["goal"]
    blocks = [Fields(f"Goal {g['id']} of {a['plan']['id']}", [
        ("commitment", g["text"]),
        ("chapter", f"{g['chapter']} {a['chapter_title']}"),
        ("section", f"{g['section']} {a['section_title']}" if g["section"] else None),
        ("plan text read", coverage_line(a["coverage_by_section"])),
        ("kind", g["kind"] if g["kind"] != "commitment" else None),
        ("tags", ", ".join(g["tags"])),
        ("target", target_text(g["target"])),
        ("metric", g["target"]["metric"] if g["target"] else None),
        ("baseline", baseline_text(g["target"])),
        ("binding", g["target"]["binding"] if g["target"] else None),
        ("target wording", g["target"]["wording"] if g["target"] else None),
        ("status (computed)", Status(g["status"])),
        ("progress", str(Bar(g["progress"])) if g["progress"] is not None else None),
        ("reported status", g["reported_status"]),
        ("reported wording", g["reported_wording"]),
        ("agreement", g["agreement"]),
        ("plan text from", ", ".join(g["plan_source_ids"])),
    ])]
    w = a["working"]
    blocks.append(Fields("How the status was computed", [
        ("method", w["method"]), ("value used", num(w["value"])), ("year", w["year"]),
        ("baseline", w["baseline"]), ("required rate", _rate(w["required_rate"])),
        ("observed rate", _rate(w["observed_rate"])),
        ("ratio", f"{w['ratio']:.2f}" if w["ratio"] is not None else None),
        ("results used", ", ".join(period(u["start_year"], u["year"]) for u in w["results_used"])),
        ("why", w["reason"]),
    ]))
    if g["results"]:
        rows = [[period(r["start_year"], r["year"]), _measured(r), r["origin"] or "",
                 "yes" if r["used"] else "no", r["source"], r["locator"] or "", r["note"] or ""] for r in g["results"]]
        blocks.append(Table("Results", ["year", "result", "origin", "used", "source", "where", "note"], rows,
                            optional=("where", "origin", "note"),
                            wrap=("result", "note", "where")))
    if g["notes"]:
        rows = [[n["kind"], n["text"], ", ".join(n["source_ids"])] for n in g["notes"]]
        blocks.append(Table("Notes", ["kind", "note", "sources"], rows, wrap=("note",)))
    if g["sources"]:
        rows = [[s["id"], s["title"], s["publisher"], s["date"] or "", _source_kind(s), s["url"] or "(no address)"] for s in g["sources"]]
        blocks.append(Table("Sources", ["id", "title", "publisher", "date", "kind", "address"], rows,
                            wrap=("title",), links=("address",)))
    return blocks


def _measured(r: dict) -> str:
    """A result's figure with what it measures (its own text), or its text alone."""
    figure = result_text(dict(r, year=None))
    return f"{figure}: {r['text']}" if r["value"] is not None and r["text"] else figure


def _rate(x) -> str | None:
    return None if x is None else f"{x:.4g} a year"


def _source_kind(s: dict) -> str:
    return s["kind"] + (", mirror" if s["mirror"] else "")


def stats_view(a: dict, show_zh=True) -> list:
    area = a["area"]
    cov = a["coverage_by_section"]
    head = _where(a)
    blocks = [Fields(head, [
        ("definition", area.get("definition")),
        ("assessment", None if a["plan"]["assessment"] else
         "none on record for this plan; `hrplan plans` shows which plans have one"),
        ("goals", f"{a['goal_count']} ({a['quantified_count']} quantified, {a['with_results_count']} with reported results)"
                  if a["goal_count"] else nothing_found(cov)),
        ("computed status, all goals", counts_text(a["status_counts"]) if a["goal_count"] else None),
        ("computed status, quantified", counts_text(a["quantified_status_counts"]) if a["quantified_count"]
         else nothing_found(cov, "quantified goal")),
        ("reported status", counts_text(a["reported_status_counts"]) if a["goal_count"] else None),
        ("plan text read", coverage_line(a["coverage_by_section"])),
    ])]
    blocks += claim_blocks(a["claims"])
    if a["key_figures"]:
        rows = []
        for k in a["key_figures"]:
            latest = k["latest"]
            rows.append([k["goal_id"], k["metric"], target_text(k["target"]), latest_text(latest), Bar(k["progress"]), Status(k["status"]), k["reported_status"] or ""])
        blocks.append(Table("Key figures", ["id", "metric", "target", "latest result", "progress", "status", "reported"],
                            rows, wrap=("metric", "target", "latest result"), optional=("target", "progress"),
                            meaning=("id", "metric", "latest result", "status", "reported")))
    if a["differing"]:
        rows = [[d["goal_id"], Status(d["status"]), d["reported_status"]] for d in a["differing"]]
        blocks.append(Table("Reported verdict differs from computed status", ["id", "computed", "reported"], rows))
    blocks.append(Text(LEGEND, "dim"))
    return blocks


def tags_view(a: dict, show_zh=True) -> list:
    rows = [[t["tag"], num(t["goal_count"])] for t in a["tag_counts"]]
    return [Table(f"Tags of {a['plan']['id']} ({a['tag_count']})", ["tag", "goals"], rows)]


def search_view(a: dict, show_zh=True) -> list:
    status = {(g["plan_id"], g["id"]): g["status"] for g in a["goals"]}
    term = a["terms"][0] if a["terms"] else a["query"]
    rows = [[m["plan_id"], m["goal_id"] or m["claim_id"] or m["indicator_id"] or "(plan note)", m["kind"], ", ".join(m["fields"]),
             Mark(m["snippet"], term), Status(status.get((m["plan_id"], m["goal_id"]), ""))] for m in a["matches"]]
    where = f" in {a['field']}" if a["field"] else ""
    blocks = [Table(f"Matches of {a['query']!r}{where} in {', '.join(a['plans'])} ({len(rows)})",
                    ["plan", "id", "kind", "matched in", "where", "status"], rows, wrap=("where",),
                    optional=("matched in", "status"), meaning=("plan", "id", "kind", "where"))]
    notes = []
    if len(a["terms"]) > 1:
        notes.append("Also searched, from hrplan's bilingual search vocabulary (a search aid, not a source's "
                     "wording): " + ", ".join(a["terms"][1:]) + ".")
    if a["only_titles"]:
        notes.append("Only section titles matched: no goal text, figure or note mentions it.")
    if notes:
        blocks.append(Text(" ".join(notes), "dim"))
    return blocks


def sources_view(a: dict, show_zh=True) -> list:
    if a.get("kind") == "source":
        return _also_in(a, source_view(a, show_zh))
    rows = [[s["id"], s["title"], s["publisher"], s["date"] or "", _source_kind(s), s["document"], s["language"] or "",
             num(s["cited_by"] if "plans" in a else a["cited_by"][s["id"]]), s["url"] or "(no address)"]
            for s in a["sources"]]
    columns, rows, meaning = _plan_column(
        a, ["id", "title", "publisher", "date", "kind", "carries", "lang", "cited by", "address"], rows, a["sources"],
        ("id", "title") if "plans" in a else ())
    where = ", ".join(a["plans"]) if "plans" in a else a["plan"]["id"]
    return [Table(f"Sources of {where} ({a['source_count']})", columns, rows, wrap=("title", "publisher"),
                  links=("address",), meaning=meaning)]


def notes_view(a: dict, show_zh=True) -> list:
    rows = [[n["goal_id"] or n["claim_id"] or n.get("plan_id") or a["plan"]["id"], n["kind"], n["text"],
             ", ".join(n["source_ids"])] for n in a["notes"]]
    columns, rows, meaning = _plan_column(a, ["goal", "kind", "note", "sources"], rows, a["notes"],
                                          ("goal", "note") if "plans" in a else ())
    return [Table(f"Notes on {_where(a)} ({a['note_count']})", columns, rows, wrap=("note",), meaning=meaning)]


def progress_view(a: dict, show_zh=True) -> list:
    columns = ["id", "metric", "progress", "target", "latest result", "status", "reported"]
    blocks, groups = [], {}
    for g in a["key_figures"]:
        groups.setdefault((g["plan_id"], g["section"] or g["chapter"], g["section_title"]), []).append(g)
    for (plan, where, title), goals in groups.items():
        rows = [[g["goal_id"], g["metric"], Bar(g["progress"]), target_text(g["target"]), latest_text(g["latest"]),
                 Status(g["status"]), g["reported_status"] or ""] for g in goals]
        blocks.append(Table(f"{plan} {where} {title}", columns, rows, wrap=("metric", "target", "latest result"),
                            optional=("latest result", "target"),
                            meaning=("id", "metric", "progress", "status", "reported")))
    if not blocks:
        blocks.append(Table(f"Progress of {_where(a)}", columns, []))
    blocks.extend(coverage_lines(a))
    scope = _where(a) if "plans" in a else f"{a['area']['kind']} {a['area']['id']}"
    blocks.append(Text(f"{a['quantified_count']} quantified targets in {scope}. Progress: share of the way "
                       "from baseline (or zero) to target covered by the value used; none for limits. " + LEGEND,
                       "dim"))
    return blocks


def validate_view(a: dict, show_zh=True) -> list:
    lines = [p["text"] for p in a["problems"]]
    lines += [f"skipped {f}: not a plan file (no [plan] table)" for f in a.get("skipped", ())]
    if a["ok"]:
        lines.append(f"{a['file_count']} file(s) checked: no problems")
    else:
        lines.append(f"{a['file_count']} file(s) checked: {a['error_count']} error(s), {a['warning_count']} warning(s)")
    return [Lines("\n".join(lines))]


def methodology_view(a: dict, show_zh=True) -> list:
    return [Markdown(a["text"])]
