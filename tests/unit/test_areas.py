"""Area and goal resolution, search and the claim comparison, on the core directly (no CLI)."""

import pytest

from hrplan.errors import NotFound
from hrplan.planfile.load import load_plans
from hrplan.core.areas import resolve_area, resolve_goal
from hrplan.answers.search import search
from hrplan.answers.records import Assessed, claim_record


@pytest.fixture
def plan(plan_file):
    return load_plans(plan_file())[0]


@pytest.mark.parametrize("name,kind,id,goals", [
    ("I", "chapter", "I", ["G1", "G2"]),
    ("ii", "chapter", "II", ["G3"]),
    ("one", "chapter", "I", ["G1", "G2"]),
    ("I.1", "section", "I.1", ["G1"]),
    ("JOBS", "section", "I.1", ["G1"]),
    ("livelihood", "theme", "livelihood", ["G1", "G2"]),
    ("all", "plan", "test-plan", ["G1", "G2", "G3"]),
    (None, "plan", "test-plan", ["G1", "G2", "G3"]),
])
def test_resolve_area(plan, name, kind, id, goals):
    area = resolve_area(plan, name)
    assert (area.kind, area.id, [g.id for g in area.goals]) == (kind, id, goals)


def test_unknown_area_suggests(plan):
    with pytest.raises(NotFound) as err:
        resolve_area(plan, "livelyhood")
    assert err.value.suggestions == ["livelihood"] and err.value.exit_code == 2
    with pytest.raises(NotFound, match="unknown area 'qqqq' in test-plan$"):
        resolve_area(plan, "qqqq")


def test_resolve_goal_case_insensitive(plan):
    assert resolve_goal(plan, "g2").id == "G2"


def test_search_fields(plan):
    hits = {rec.id: fields for kind, _, rec, _, fields, _, _ in search([plan], "work")}
    assert hits == {"G1": ["section"]}
    assert search([plan], "   ") == []


def test_claim_check_against_data(plan):
    rec = claim_record(plan, plan.claims[0], Assessed())
    assert rec["data"]["counted_count"] == 1 and rec["data"]["quantified_count"] == 2
    assert rec["data"]["agreement"] == "differs"  # 50% is not "more than 50%"

