"""The schema is plain data that can be walked: tables, type names, value tuples, and types with a
description and a test (with its JSON Schema form) or item specs; hrplan.planfile.jsonschema generates the
JSON Schema of a plan file from it (tests/unit/test_plan_schema.py)."""

from hrplan.planfile import rules as schema

TABLES = {name: getattr(schema, name) for name in
          ("NOTE", "BASELINE", "TARGET", "RESULT", "GOAL", "CLAIM", "SOURCE", "CHAPTER", "SECTION", "THEME", "PLAN",
           "TOP")}


def walk(spec, seen):
    """Every type name a spec uses, failing on anything that is not plain schema data."""
    if isinstance(spec, dict):
        if id(spec) in seen:
            return
        seen.add(id(spec))
        for key, inner in spec.items():
            assert isinstance(key, str) and key.rstrip("!") and key.count("!") <= 1 and not key.startswith("!"), key
            yield from walk(inner, seen)
    elif isinstance(spec, list):
        assert len(spec) == 1 and isinstance(spec[0], dict), spec
        yield from walk(spec[0], seen)
    elif isinstance(spec, tuple):
        assert spec and all(isinstance(v, str) for v in spec), spec
    else:
        assert isinstance(spec, str), spec
        yield spec


def test_every_spec_is_plain_data_and_names_a_known_type():
    used = set()
    for spec in TABLES.values():
        used.update(walk(spec, set()))
    for kind in schema.TYPES.values():
        for item in kind.get("items", ()):
            used.update(walk(item, set()))
    assert used <= set(schema.TYPES), used - set(schema.TYPES)


def test_every_type_has_a_description_and_either_a_test_and_its_json_form_or_items():
    for name, kind in schema.TYPES.items():
        assert set(kind) in ({"description", "test", "json"}, {"description", "items"}), name
        assert kind["description"].startswith(("a ", "an ", "true")), name
        if "test" in kind:
            compile(kind["test"], name, "eval")
        else:
            assert kind["items"], name


def test_tests_use_only_the_value_the_names_the_schema_gives_and_builtins():
    import ast
    import builtins

    for name, kind in schema.TYPES.items():
        if "test" in kind:
            used = {node.id for node in ast.walk(ast.parse(kind["test"], mode="eval")) if isinstance(node, ast.Name)}
            assert used <= {"x"} | set(schema.NAMES) | set(dir(builtins)), (name, used)
    assert "{values}" in schema.ENUM_TEST
