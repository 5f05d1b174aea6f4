"""The JSON Schema of a plan file: generated from hrplan/planfile/rules.py, shipped beside the bundled plans,
named by their first line, and as strict as an editor can be about keys (taplo and jsonschema)."""

import datetime
import glob
import json
import os
import shutil
import subprocess
import sys

import jsonschema
import pytest
import tomli

from hrplan.planfile import jsonschema as plan_schema, rules as schema
from tests.conftest import MINIMAL, ROOT

DATA = os.path.join(ROOT, "data")
PLAN_FILES = sorted(glob.glob(os.path.join(DATA, "nhrap-*.toml")))
DIRECTIVE = f"#:schema ./{plan_schema.FILE}"


def jsonable(value):
    """A parsed TOML document as an editor's schema sees it: dates and times as ISO strings."""
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [jsonable(v) for v in value]
    if isinstance(value, (datetime.date, datetime.time)):  # datetime is a date
        return value.isoformat()
    return value


def validator():
    return jsonschema.Draft7Validator(plan_schema.plan_file_schema())


def errors(doc):
    return sorted(validator().iter_errors(jsonable(doc)), key=lambda e: list(e.absolute_path))


def test_the_schema_is_valid_draft_07():
    jsonschema.Draft7Validator.check_schema(plan_schema.plan_file_schema())


def test_the_shipped_file_is_the_generators_output():
    r = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "plan_schema.py"), "--check"],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    with open(os.path.join(DATA, plan_schema.FILE), encoding="utf-8") as fh:
        assert json.load(fh) == plan_schema.plan_file_schema()


def test_hrplan_schema_plan_file_prints_it_and_the_list_names_it(run):
    r = run("schema", "plan-file")
    assert r.exit_code == 0 and json.loads(r.stdout) == plan_schema.plan_file_schema()
    assert "plan-file" in run("schema").stdout.split()


@pytest.mark.parametrize("path", PLAN_FILES, ids=os.path.basename)
def test_every_bundled_plan_file_names_the_schema_and_passes_it(path):
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    assert text.splitlines()[0] == DIRECTIVE
    assert os.path.isfile(os.path.join(os.path.dirname(path), DIRECTIVE.split("./", 1)[1]))
    found = errors(tomli.loads(text))
    assert not found, found[0]


def test_the_test_plan_passes():
    assert errors(tomli.loads(MINIMAL)) == []


@pytest.mark.parametrize("edit,where", [
    (lambda d: d["plan"].update(titel="x"), ["plan"]),
    (lambda d: d.update(goal=[]), []),
    (lambda d: d["goals"][0]["target"].update(vaule=9), ["goals", 0, "target"]),
    (lambda d: d["goals"][0]["results"][0].update(sorce="rep"), ["goals", 0, "results", 0]),
    (lambda d: d["goals"][0]["notes"][0].update(txt="x"), ["goals", 0, "notes", 0]),
])
def test_an_unknown_key_fails(edit, where):
    doc = tomli.loads(MINIMAL)
    edit(doc)
    found = errors(doc)
    assert found and list(found[0].absolute_path) == where and "Additional properties" in found[0].message


@pytest.mark.parametrize("edit", [
    lambda d: d["plan"].pop("title"),  # required
    lambda d: d["goals"][0].update(kind="promise"),  # not one of the kinds
    lambda d: d["goals"][0]["target"].update(op="=>"),
    lambda d: d["goals"][0]["results"][0].update(year=1900),  # out of range
    lambda d: d["sources"][0].update(url="example.org"),
    lambda d: d["goals"][0].update(id="a b"),
    lambda d: d["goals"][0].update(tags="jobs"),  # not a list
    lambda d: d.update(format=2),
])
def test_a_wrong_value_fails(edit):
    doc = tomli.loads(MINIMAL)
    edit(doc)
    assert errors(doc)


# Each type's Python test (what hrplan validate applies) and its JSON form (what an editor
# checks) agree on these values. Left out, where they differ by design (the JSON forms say less):
# a period's years out of order, a date's year out of range, NaN and infinity (JSON has none),
# 1.0 as a whole number (JSON does not tell it from 1), a trailing newline after an id (Python's
# "$" matches before it; an editor's regex does not).
SAMPLES = {
    "str": ["a", " a ", "", " ", "\t", 1, None, ["a"], True],
    "text": ["a", " a ", "", " ", "\t", 1, None],
    "label": ["a", " ", "", 1, None],
    "id": ["I.1", "nhrap-2012-2015", "a:b_c", "9", "-a", ".a", "", "a b", "中", 1],
    "url": ["http://x.org", "https://x.org/a?b=1", "ftp://x.org", "http://", "http:// x", "x.org", 1],
    "num": [1, -3, 1.5, 0, True, "1", None],
    "int": [1, -1, 0, 1.5, True, "1"],
    "year": [1949, 2100, 2000, 1948, 2101, 2000.5, "2000", True],
    "period": [[2012, 2015], [2012, 2012], [2012], [2012, 2015, 2016], ["2012", 2015], [1900, 2000], 2012, [True, 2015]],
    "bool": [True, False, 1, "true", None],
    "date": ["2016-06-14", "2016-06", "2016", datetime.date(2016, 6, 14), "2016/06/14", "16-06-14", 2016,
             datetime.datetime(2016, 6, 14, 10, 0), "2016-06-14 "],
}


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_each_types_test_and_json_form_agree(name):
    kind = schema.TYPES[name]
    test = eval(f"lambda x: bool({kind['test']})", dict(schema.NAMES))  # noqa: S307 - the schema's own text
    check = jsonschema.Draft7Validator(kind["json"])
    for value in SAMPLES[name]:
        assert test(value) == check.is_valid(jsonable(value)), (name, value)


def test_every_type_with_a_test_has_samples():
    assert set(SAMPLES) == {n for n, k in schema.TYPES.items() if "test" in k}


def taplo():
    found = shutil.which("taplo", path=os.path.dirname(sys.executable)) or shutil.which("taplo")
    if found is None:
        pytest.skip("taplo is not installed (pip install '.[test]')")
    return found


def test_taplo_accepts_the_bundled_data(tmp_path):
    r = subprocess.run([taplo(), "check", "--no-auto-config", *glob.glob(os.path.join(DATA, "*.toml"))],
                       capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert r.returncode == 0, r.stderr


def test_taplo_flags_a_typo_as_an_editor_would(tmp_path):
    """What VS Code with Even Better TOML shows while one types: the same schema, through taplo."""
    shutil.copy(os.path.join(DATA, plan_schema.FILE), tmp_path / plan_schema.FILE)
    with open(PLAN_FILES[-1], encoding="utf-8") as fh:
        text = fh.read()
    good = tmp_path / "mine.toml"
    good.write_text(text, encoding="utf-8")
    bad = tmp_path / "typo.toml"
    bad.write_text(text.replace("\nissuer = ", "\nisuer = ", 1), encoding="utf-8")
    ok = subprocess.run([taplo(), "check", "--no-auto-config", str(good)], capture_output=True, text=True,
                        cwd=tmp_path, timeout=120)
    assert ok.returncode == 0, ok.stderr
    r = subprocess.run([taplo(), "check", "--no-auto-config", str(bad)], capture_output=True, text=True,
                       cwd=tmp_path, timeout=120)
    assert r.returncode != 0 and "'isuer' was unexpected" in r.stderr


REGISTRIES = {"indicators-file": "indicators.toml", "glossary-file": "glossary.toml"}


@pytest.mark.parametrize("name", sorted(REGISTRIES))
def test_the_registry_and_the_glossary_name_their_schema_and_pass_it(name, run):
    _, file, _, _ = plan_schema.FILES[name]
    with open(os.path.join(DATA, REGISTRIES[name]), encoding="utf-8") as fh:
        text = fh.read()
    assert text.splitlines()[0] == f"#:schema ./{file}"
    with open(os.path.join(DATA, file), encoding="utf-8") as fh:
        shipped = json.load(fh)
    assert shipped == plan_schema.file_schema(name)
    jsonschema.Draft7Validator.check_schema(shipped)
    doc = tomli.loads(text)
    assert not list(jsonschema.Draft7Validator(shipped).iter_errors(doc))
    r = run("schema", name)
    assert r.exit_code == 0 and json.loads(r.stdout) == shipped
    assert name in run("schema").stdout.split()


@pytest.mark.parametrize("name,edit", [
    ("indicators-file", lambda d: d["indicators"][0].update(directon="higher")),
    ("indicators-file", lambda d: d["indicators"][0].update(direction="up")),
    ("indicators-file", lambda d: d["indicators"][1].pop("unit")),
    ("glossary-file", lambda d: d["terms"][0].update(fr=["droits de l'homme"])),
    ("glossary-file", lambda d: d["terms"][0].update(zh="人权")),
])
def test_a_wrong_registry_or_glossary_entry_fails(name, edit):
    with open(os.path.join(DATA, REGISTRIES[name]), encoding="utf-8") as fh:
        doc = tomli.loads(fh.read())
    edit(doc)
    assert list(jsonschema.Draft7Validator(plan_schema.file_schema(name)).iter_errors(doc))


def test_taplo_flags_a_typo_in_the_glossary_and_the_registry(tmp_path):
    for name, data_file in REGISTRIES.items():
        schema_file = plan_schema.FILES[name][1]
        shutil.copy(os.path.join(DATA, schema_file), tmp_path / schema_file)
        with open(os.path.join(DATA, data_file), encoding="utf-8") as fh:
            text = fh.read()
        typo = {"indicators-file": ("\nunit = ", "\nunits = "), "glossary-file": ("\nzh = ", "\nzhs = ")}[name]
        (tmp_path / data_file).write_text(text.replace(*typo, 1), encoding="utf-8")
        r = subprocess.run([taplo(), "check", "--no-auto-config", str(tmp_path / data_file)], capture_output=True,
                           text=True, cwd=tmp_path, timeout=120)
        assert r.returncode != 0 and f"'{typo[1].split()[0]}' was unexpected" in r.stderr, name


def test_formatting_on_save_leaves_the_data_files_as_they_are():
    """The repository's .taplo.toml states the formatting the data files are written in."""
    files = [os.path.relpath(p, ROOT) for p in glob.glob(os.path.join(DATA, "*.toml"))]
    r = subprocess.run([taplo(), "fmt", "--check", *files, ".taplo.toml"], capture_output=True, text=True, cwd=ROOT,
                       timeout=120)
    assert r.returncode == 0, r.stderr
    # and it is the configuration that does it: taplo's defaults would rewrap the glossary
    r = subprocess.run([taplo(), "fmt", "--no-auto-config", "--check", os.path.join("data", "glossary.toml")],
                       capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert r.returncode != 0
