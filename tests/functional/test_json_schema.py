"""Every command's --json output validates against `hrplan schema COMMAND`, which is generated
from the typed answers; one name and one shape per thing across commands."""

import json

import jsonschema
import pytest

from hrplan.contract import jsonschema as json_schema

PLAN = "nhrap-2012-2015"

# command -> its arguments, on the test plan and on the bundled plan
ARGS = {
    "summary": [], "areas": [], "sources": [], "stats": ["livelihood"], "progress": [], "goals": [],
    "quotas": [], "show": ["G1"], "search": ["jobs"], "notes": [], "export": [], "validate": [],
    "methodology": [], "plans": [], "indicators": [], "trend": ["life-expectancy"],
    "compare": ["nhrap-2012-2015", "nhrap-2016-2020"], "tags": [], "help": ["statuses"],
}
BUNDLED = dict(ARGS, show=["I.7.c"], search=["妇女"])
SERIES = ("methodology", "validate", "plans", "indicators", "trend", "compare", "help")  # no --plan


def _validator(name):
    schema = json_schema.schema(name)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_every_command_with_json_has_a_schema():
    assert set(json_schema.NAMES) == set(ARGS)


@pytest.mark.parametrize("name", sorted(set(ARGS) - {"compare"}))  # compare needs two plans
def test_output_validates_on_the_test_plan(run, plan_file, name):
    extra = [] if name in ("methodology", "help") else ["--data", plan_file()]
    r = run(name, *ARGS[name], "--json", *extra)
    assert r.exit_code == 0, r.stderr
    _validator(name).validate(r.json())


@pytest.mark.parametrize("name", sorted(BUNDLED))
def test_output_validates_on_the_bundled_plan(run, name):
    pin = [] if name in SERIES else ["--plan", PLAN]
    r = run(name, *BUNDLED[name], "--json", *pin)
    assert r.exit_code == 0, r.stderr
    errors = sorted(_validator(name).iter_errors(r.json()), key=str)
    assert not errors, errors[0]


def test_a_wrong_key_fails_validation(run, plan_file):
    d = run("summary", "--json", "--data", plan_file()).json()
    d["statuses"] = d.pop("status_counts")
    with pytest.raises(jsonschema.ValidationError):
        _validator("summary").validate(d)


def test_schema_command(run):
    r = run("schema")
    assert r.exit_code == 0 and r.stdout.split() == sorted((*json_schema.NAMES, "plan-file", "indicators-file",
                                                            "glossary-file"))  # and the data files'
    d = run("schema", "goals").json()
    assert d["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert [v["$ref"] for v in d["anyOf"]] == ["#/$defs/GoalsAnswer", "#/$defs/GoalsAcrossAnswer"]  # --plan all
    for shape in ("GoalsAnswer", "GoalsAcrossAnswer"):
        one = d["$defs"][shape]
        assert one["else"]["properties"]["goals"] == {"type": "array", "items": {"$ref": "#/$defs/GoalRecord"}}
        assert one["then"]["properties"]["goals"] == {"type": "array", "items": {"$ref": "#/$defs/GoalRecordFields"}}
        assert one["if"] == {"required": ["fields"]} and "fields" not in one["required"]  # --fields projects the goals
    r = run("schema", "goal")
    assert r.exit_code == 2 and r.stderr == "hrplan: unknown schema 'goal'; did you mean goals?\n"


def _keys(value, path="", out=None):
    """Every key in a JSON document, with the JSON type of its values."""
    out = {} if out is None else out
    if isinstance(value, dict):
        for k, v in value.items():
            if isinstance(v, list):
                if v:  # an empty list says nothing of its elements
                    out.setdefault(k, set()).add("list of " + type(v[0]).__name__)
            elif v is not None:
                out.setdefault(k, set()).add(type(v).__name__)
            _keys(v, f"{path}.{k}", out)
    elif isinstance(value, list):
        for v in value:
            _keys(v, path, out)
    return out


def test_one_shape_per_name_across_commands(run):
    """A key means one kind of value in every command's JSON (e.g. `plan` is always an object,
    `goals` always a list of goal objects, `goal_id` always an id)."""
    seen = {}
    for name, args in BUNDLED.items():
        pin = [] if name in SERIES else ["--plan", PLAN]
        for key, kinds in _keys(run(name, *args, "--json", *pin).json()).items():
            seen.setdefault(key, set()).update(kinds)
    # a number may be written as an integer or a float
    mixed = {k: v for k, v in seen.items() if len(v - {"int"} if v >= {"int", "float"} else v) > 1}
    assert mixed == {}
    assert seen["plan"] == {"dict"} and seen["goals"] == {"list of dict"} and seen["goal"] == {"dict"}
    assert seen["sources"] == {"list of dict"} and seen["source_ids"] == {"list of str"}
    assert seen["goal_id"] == {"str"} and seen["plan_id"] == {"str"}
    assert seen["year"] == {"int"}


# ------------------------------------------------ the contract under --fields, --sort, --limit, filters
from hrplan.core.statuses import REPORTED_NONE, REPORTED_STATUSES, STATUSES  # noqa: E402
from hrplan.cli.options import SORTS  # noqa: E402

FILTERS = ([["--status", s] for s in STATUSES] + [["--reported", s] for s in (*REPORTED_STATUSES, REPORTED_NONE)]
           + [["--tag", "women"], ["--tag", "WOMEN", "--tag", "health"], ["--binding", "binding"],
              ["--binding", "expected"], ["--origin", "assessment"], ["--origin", "other_official"],
              ["--kind", "commitment"], ["--kind", "finding"], ["--agreement", "agrees"], ["--agreement", "differs"],
              ["--status", "no_data", "--agreement", "differs"]]
           + [["--sort", s] for s in SORTS] + [["--limit", "1"], ["--sort", "progress", "--limit", "3"]])
PICKS = ["id", "id,status", "status,id,progress", "target,latest", "results,sources,notes", "tags,indicator_id,text"]
LISTS = ("goals", "quotas", "export")
CASES = [[], *FILTERS, ["--quantified"], ["I.1"], ["health", "--status", "surpassed"]]


# export, whose answer is the whole plan (slow to validate), under every fourth case
@pytest.mark.parametrize("name,options", [(n, c) for n in LISTS for i, c in enumerate(CASES)
                                          if (n != "export" or i % 4 == 0) and (n, c) != ("quotas", ["--quantified"])],
                         ids=lambda v: " ".join(v) if isinstance(v, list) else v)
def test_output_validates_under_every_filter_and_sort(run, name, options):
    r = run(name, *options, "--plan", PLAN, "--json")
    assert r.exit_code == 0, r.stderr
    errors = sorted(_validator(name).iter_errors(r.json()), key=str)
    assert not errors, errors[0]


@pytest.mark.parametrize("name,options", [("goals", []), ("quotas", ["--status", "surpassed", "--sort", "progress",
                                                                     "--limit", "2"]),
                                          ("goals", ["--status", "not_quantified"]), ("export", ["--limit", "3"])],
                         ids=lambda v: " ".join(v) if isinstance(v, list) else v)
@pytest.mark.parametrize("picked", PICKS)
def test_output_under_fields_validates_against_both_schemas(run, name, picked, options):
    """`hrplan schema NAME` allows any projection; `hrplan schema NAME --fields F` is exactly this one."""
    r = run(name, "--fields", picked, *options, "--plan", PLAN, "--json")
    assert r.exit_code == 0, r.stderr
    d = r.json()
    assert d["fields"] == picked.split(",") and all(list(g) == d["fields"] for g in d["goals"])
    errors = sorted(_validator(name).iter_errors(d), key=str)
    assert not errors, errors[0]
    exact = run("schema", name, "--fields", picked).json()
    jsonschema.Draft202012Validator.check_schema(exact)
    errors = sorted(jsonschema.Draft202012Validator(exact).iter_errors(d), key=str)
    assert not errors, errors[0]


def test_a_projection_fails_the_schema_of_another(run):
    d = run("goals", "--fields", "id,status", "--plan", PLAN, "--json").json()
    for other in ("id", "status,id", "id,status,progress"):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.Draft202012Validator(run("schema", "goals", "--fields", other).json()).validate(d)
    whole = run("goals", "--plan", PLAN, "--json").json()
    with pytest.raises(jsonschema.ValidationError):  # the whole answer is not a projection
        jsonschema.Draft202012Validator(run("schema", "goals", "--fields", "id,status").json()).validate(whole)
    plain = _validator("goals")
    with pytest.raises(jsonschema.ValidationError):  # a projected goal with a key the contract lacks
        plain.validate(dict(d, goals=[{"id": "I.1.a", "colour": "red"}]))
    with pytest.raises(jsonschema.ValidationError):  # records cut down without saying which fields
        plain.validate({k: v for k, v in d.items() if k != "fields"})


from hrplan.answers.search import FIELDS as SEARCH_FIELDS  # noqa: E402
from hrplan.core.model import NOTE_KINDS  # noqa: E402


@pytest.mark.parametrize("name,options", [
    *[("notes", ["--kind", k]) for k in NOTE_KINDS], ("notes", ["health"]),
    *[("search", ["women", "--in", f]) for f in SEARCH_FIELDS], ("search", ["66.63"]), ("indicators", ["health"]), ("sources", ["assess-en-chinadaily-summary"]),
    ("stats", ["health"]), ("progress", ["I.1"]), ("compare", ["nhrap-2012-2015", "nhrap-2016-2020", "health"]),
    ("plans", ["--plan", "nhrap-2009-2010"]), ("trend", ["urban-jobs"]),
])
def test_output_validates_with_the_other_commands_options(run, name, options):
    pin = [] if name in SERIES else ["--plan", PLAN]
    r = run(name, *options, "--json", *pin)
    assert r.exit_code == 0, r.stderr
    errors = sorted(_validator(name).iter_errors(r.json()), key=str)
    assert not errors, errors[0]


def test_schema_fields_errors(run):
    r = run("schema", "trend", "--fields", "id")
    assert r.exit_code == 2 and "trend takes no --fields" in r.stderr
    r = run("schema", "goals", "--fields", "id,nope")
    assert r.exit_code == 2 and "unknown field 'nope'" in r.stderr
    r = run("goals", "--fields", ",", "--plan", PLAN)
    assert r.exit_code == 2 and "unknown field ','" in r.stderr
