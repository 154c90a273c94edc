"""demarche.evaluate gives the figures `demarche eval` gives."""

import json
import os

import demarche
import pytest

from conftest import run_cli, source_path

TOY_RULES = source_path("tests", "fixtures", "cli", "rules")
GOLD = source_path("tests", "fixtures", "eval", "basic.tsv")


def test_evaluate_equals_eval_json():
    engine = demarche.load(TOY_RULES, plugins=False)
    ours = engine.evaluate(GOLD)
    theirs = json.loads(run_cli("eval", "--rules", TOY_RULES, "--no-plugins", "--gold", GOLD,
                                "--format", "json"))
    assert ours == theirs
    assert {"greeting", "farewell"} <= {t["type"] for t in ours["summary"]["per_type"]}


def test_evaluate_at_another_threshold():
    engine = demarche.load(TOY_RULES, plugins=False)
    theirs = json.loads(run_cli("eval", "--rules", TOY_RULES, "--no-plugins", "--gold", GOLD,
                                "--format", "json", "--threshold", "0.8"))
    assert engine.evaluate(GOLD, threshold=0.8) == theirs


def test_evaluate_on_the_labelled_news_with_the_shipped_engine():
    dev = source_path("..", "shared", "data", "news", "dev.tsv")
    if not os.path.exists(dev):
        pytest.skip(f"{dev} is absent")
    assert demarche.evaluate(dev) == json.loads(run_cli("eval", "--gold", dev, "--format", "json"))


def test_a_missing_gold_file_raises():
    with pytest.raises(RuntimeError, match="cannot open"):
        demarche.load(TOY_RULES, plugins=False).evaluate("/nonexistent/gold.tsv")
