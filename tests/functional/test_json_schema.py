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
    "compare": ["nhrap-2012-2015", "nhrap-2016-2020"], "tags": [],
}
BUNDLED = dict(ARGS, show=["I.7.c"], search=["妇女"])
SERIES = ("methodology", "validate", "plans", "indicators", "trend", "compare")  # no --plan


def _validator(name):
    schema = json_schema.schema(name)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_every_command_with_json_has_a_schema():
    assert set(json_schema.NAMES) == set(ARGS)


@pytest.mark.parametrize("name", sorted(set(ARGS) - {"compare"}))  # compare needs two plans
def test_output_validates_on_the_test_plan(run, plan_file, name):
    extra = [] if name == "methodology" else ["--data", plan_file()]
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
    assert d["properties"]["goals"] == {"type": "array", "items": {"$ref": "#/$defs/GoalRecord"}}
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
