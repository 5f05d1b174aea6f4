"""normalise and build: the canonical document, and records built from any sequence of goals."""

from hrplan.planfile import files
from hrplan.planfile.build import build, normalise
from tests.conftest import MINIMAL

STRING_NOTES = MINIMAL.replace('reported_status = "met"\n', 'reported_status = "met"\nnotes = ["A plain note."]\n', 1)


def test_normalise_fills_in_chapters_writes_notes_as_tables_and_indexes_the_goals():
    canonical = normalise(files.parse(STRING_NOTES, "x"))
    g2 = canonical["goals"][1]
    assert g2["chapter"] == "I"
    assert g2["notes"] == [{"text": "A plain note.", "kind": "note", "sources": []}]
    assert canonical["index"] == [["G1", "G2", "G3"], ["I", "I", "II"], ["I.1", "I.2", None], [["jobs"], (), ()]]


class Counted:
    """A sequence of goal tables that counts its reads, as the parse cache's decodes on reading."""

    def __init__(self, goals):
        self.goals, self.reads = goals, []

    def __len__(self):
        return len(self.goals)

    def __getitem__(self, i):
        self.reads.append(i)
        return self.goals[i]


def test_build_reads_a_goal_from_its_sequence_only_when_the_goal_is_used():
    doc = normalise(files.parse(MINIMAL, "x"))
    goals = doc["goals"] = Counted(doc["goals"])
    plan = build(doc, "x")
    assert goals.reads == [] and list(plan.goals) == ["G1", "G2", "G3"] and "G2" in plan.goals
    assert plan.goals["G2"].chapter == "I" and plan.goals["G2"].target.ceiling is True
    assert goals.reads == [1]
