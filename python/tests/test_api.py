"""The engine from Python gives what the command line gives."""

import json

import demarche
import pytest

from conftest import cli_records, run_cli, source_path

OSLO = "Oslo expelled two Russian diplomats on Friday."


def without_id(record):
    return {k: v for k, v in record.items() if k != "id"}


def test_classify_is_the_json_lines_record(engine):
    result = engine.classify(OSLO)
    assert result == without_id(cli_records("classify", input_text=OSLO + "\n")[0])
    (event,) = result["events"]
    assert event["type"] == "expulsion"
    assert event["confidence"] > 0.9
    assert (event["source"], event["target"]) == ("NOR", "RUS")
    assert event["evidence"][0]["matched"] == ["expelled"]


def in_characters(record, text):
    """A command line record with its byte offsets into `text` made character offsets."""
    encoded = text.encode("utf-8")

    def char(offset):
        return len(encoded[:offset].decode("utf-8"))

    record = without_id(record)
    record["start"], record["end"] = char(record["start"]), char(record["end"])
    for event in record["events"]:
        for evidence in event["evidence"]:
            evidence["spans"] = [[char(b), char(e)] for b, e in evidence["spans"]]
    return record


def test_classify_document_is_the_text_input_records():
    path = source_path("docs", "examples", "sample-article.txt")
    article = open(path, encoding="utf-8").read()
    assert len(article.encode("utf-8")) > len(article)  # it has multi-byte characters
    ours = demarche.load().classify_document(article)
    theirs = cli_records("classify", "--input", "text", path)
    assert [in_characters(r, article) for r in theirs] == ours
    assert any(s["events"] for s in ours)


def test_explain_has_the_scoring_detail(engine):
    explained = engine.explain("The ministry threatened to expel the envoys.")
    theirs = cli_records(
        "classify", "--explain", "--threshold", "0",
        input_text="The ministry threatened to expel the envoys.\n")[0]
    assert explained == without_id(theirs)
    (event,) = [e for e in explained["events"] if e["type"] == "expulsion"]
    assert event["confidence"] < 0.5  # a threat: the modality plugin holds it down
    assert event["attributes"]["modality"] == "threatened"
    assert {"prior", "log_odds"} <= event.keys()
    assert "cancelled" in explained


def test_threshold_filters_events(engine):
    assert engine.classify("The ministry threatened to expel the envoys.")["events"] == []
    assert engine.classify("The ministry threatened to expel the envoys.", threshold=0.0)["events"]


def test_rules_and_event_types(engine):
    types = [t["name"] for t in engine.event_types()]
    assert {"expulsion", "withdrawal", "condemnation", "sanction"} <= set(types)
    rules = engine.rules()
    listed = json.loads(run_cli("rules", "list", "--format", "json"))
    assert [(r["id"], r["type"], r["file"], r["line"]) for r in rules] == [
        (r["id"], r["type"], r["file"], r["line"]) for r in listed]
    assert all(r["type"] in types for r in rules)


def test_shipped_plugins_and_weights_load_by_default(engine):
    assert engine.plugins == ["actors", "modality"]
    assert engine.weights.startswith("learned weights")
    bare = demarche.load(plugins=False, weights=False)
    assert bare.plugins == [] and bare.weights == "authored weights"
    (event,) = bare.classify(OSLO)["events"]
    assert event["source"] is None and event["attributes"] == {}


RULES = """
event protest
  prior: 0.05
rule protest.lodged
  type: protest
  weight: 0.9
  match: lodged ~3 protest
"""


def test_rules_from_text():
    engine = demarche.load(text=RULES, plugins=False)
    assert [t["name"] for t in engine.event_types()] == ["protest"]
    (event,) = engine.classify("Peru lodged a formal protest.")["events"]
    assert event["type"] == "protest" and event["evidence"][0]["rule"] == "protest.lodged"


def test_rules_from_text_can_import_the_shipped_definitions():
    text = 'import "demarche:common.rules"\n' + RULES
    assert demarche.load(text={"mine.rules": text}, plugins=False).classify(
        "Peru lodged a formal protest.")["events"]


def test_rules_that_do_not_load_raise_with_every_diagnostic():
    path = source_path("tests", "fixtures", "diagnostics", "e004_lowercase_definition.rules")
    with pytest.raises(demarche.RulesError) as raised:
        demarche.load(path, plugins=False)
    errors = [d for d in raised.value.diagnostics if d.severity == "error"]
    assert [(d.code, d.line, d.column) for d in errors] == [("E004", 9, 22), ("E004", 13, 22)]
    assert errors[0].file == path
    assert "{diplomat}" in errors[0].message
    assert errors[0].source_line == "  match: expelled ~3 {diplomat}"
    assert "E004" in str(raised.value)


def test_diagnostic_columns_count_characters():
    text = 'event x\n  prior: 0.1\nrule x.y\n  type: x\n  weight: 0.9\n  match: Zürich ~3 {nope}\n'
    with pytest.raises(demarche.RulesError) as raised:
        demarche.load(text=text, plugins=False)
    (error,) = [d for d in raised.value.diagnostics if d.severity == "error"]
    assert error.source_line[error.column - 1:].startswith("{nope}")


def test_lint_warnings_are_kept_on_a_load_that_succeeds():
    engine = demarche.load(text=RULES, plugins=False, lint=True)
    assert "W103" in {d.code for d in engine.diagnostics}


def test_paths_and_text_exclude_each_other():
    with pytest.raises(ValueError):
        demarche.load(paths="x.rules", text=RULES)


def test_a_missing_weights_file_raises():
    with pytest.raises(demarche.RulesError):
        demarche.load(text=RULES, plugins=False, weights="/nonexistent/weights.tsv")


def test_segment_gives_offsets_that_slice(engine):
    text = "Oslo expelled two envoys. Paris recalled its ambassador.\nA third."
    spans = engine.segment(text)
    assert [text[b:e] for b, e in spans] == [
        "Oslo expelled two envoys.", "Paris recalled its ambassador.", "A third."]


def test_a_plus_path_adds_to_the_shipped_rules_as_on_the_command_line():
    protest = source_path("docs", "examples", "protest.rules")
    engine = demarche.load("+" + protest)
    types = [t["name"] for t in engine.event_types()]
    assert types[:4] == ["expulsion", "withdrawal", "condemnation", "sanction"]
    assert "protest" in types
    # The shipped types keep the learned weights of the shipped folder.
    assert engine.weights.startswith("learned weights for expulsion")
    sentence = "Peru lodged a formal protest with the Chilean embassy."
    theirs = cli_records("classify", "--rules", "+" + protest, input_text=sentence + "\n")[0]
    assert engine.classify(sentence) == without_id(theirs)
    (event,) = [e for e in engine.classify(sentence)["events"] if e["type"] == "protest"]
    assert (event["source"], event["target"]) == ("PER", "CHL")
    assert any("fitted on other rules" in d.message for d in engine.diagnostics)
    with pytest.raises(FileNotFoundError):
        demarche.load("+/nonexistent.rules")
