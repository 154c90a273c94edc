"""pandas: the wide form (one row per input row) and the long form (one row per event)."""

import math

import demarche
import pandas as pd
import pytest

ROWS = {
    "id": ["a", "b", "c", "d"],
    "text": [
        "Oslo expelled two Russian diplomats on Friday.",
        "Nothing happened in Zürich today.",
        None,
        "🙂 France recalled its ambassador from Mali and condemned the coup.",
    ],
}


@pytest.fixture()
def df():
    return pd.DataFrame(ROWS, index=[10, 11, 12, 13])


def test_wide_form_has_one_row_per_input_row(engine, df):
    wide = demarche.classify_frame(df, "text", engine=engine)
    assert list(wide.index) == [10, 11, 12, 13]
    assert list(wide["id"]) == ["a", "b", "c", "d"]  # the input's columns are kept
    types = [t["name"] for t in engine.event_types()]
    assert [c for c in wide.columns if c.startswith("confidence_")] == [f"confidence_{t}" for t in types]
    assert wide.loc[10, "events"] == ["expulsion"]
    assert wide.loc[10, "sources"] == ["NOR"] and wide.loc[10, "targets"] == ["RUS"]
    assert wide.loc[10, "confidence_expulsion"] == engine.classify(ROWS["text"][0])["events"][0]["confidence"]
    assert math.isnan(wide.loc[10, "confidence_sanction"])
    assert wide.loc[11, "events"] == [] and wide.loc[12, "events"] == []
    # Highest confidence first, sources and targets in the same order.
    events = engine.classify(ROWS["text"][3])["events"]
    assert wide.loc[13, "events"] == [e["type"] for e in events] and len(events) >= 2
    assert wide.loc[13, "sources"] == [e["source"] for e in events]
    assert "events" not in df.columns  # the input is left as it was


def test_long_form_has_one_row_per_event(engine, df):
    long = demarche.classify_frame(df, "text", engine=engine, long=True)
    assert list(long.columns) == demarche._frame.LONG_COLUMNS
    expected = []
    for label, text in zip(df.index, ROWS["text"]):
        for event in engine.classify(text or "")["events"]:
            expected.append((label, event["type"], event["confidence"], event["source"], event["target"]))
    got = list(zip(long["row"], long["type"], long["confidence"], long["source"], long["target"]))
    assert got == expected
    assert len(long) >= 3
    first = long.iloc[0]
    assert df.loc[first["row"], "text"][first["start"]:first["end"]] == ROWS["text"][0]
    assert "expulsion.expel.diplomats" in first["rules"]


def test_documents_count_a_type_once_per_row_at_its_highest_confidence(engine):
    df = pd.DataFrame({"text": ["Oslo expelled two envoys. Then Oslo expelled two Russian diplomats."]})
    wide = demarche.classify_frame(df, "text", engine=engine, documents=True)
    sentences = engine.classify_document(df["text"][0])
    best = max(e["confidence"] for s in sentences for e in s["events"] if e["type"] == "expulsion")
    assert wide.loc[0, "events"] == ["expulsion"]
    assert wide.loc[0, "confidence_expulsion"] == best
    long = demarche.classify_frame_long(df, "text", engine=engine, documents=True)
    assert list(long["sentence"]) == [i for i, s in enumerate(sentences) for _ in s["events"]]


def test_frame_threads_give_the_same_frame(engine, df):
    big = pd.concat([df] * 50, ignore_index=True)
    pd.testing.assert_frame_equal(
        demarche.classify_frame(big, "text", engine=engine, jobs=1),
        demarche.classify_frame(big, "text", engine=engine, jobs=3))


def test_errors(engine, df):
    with pytest.raises(KeyError):
        demarche.classify_frame(df, "no such column", engine=engine)
    with pytest.raises(ValueError):
        demarche.classify_frame(df.assign(events=1), "text", engine=engine)
