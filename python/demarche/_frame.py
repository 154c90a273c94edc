"""pandas: classifying a column of a DataFrame (docs/python.md, "pandas").

Two shapes, because analysts want both: the wide form keeps one row per input
row (to join, filter, count), the long form has one row per event (to group
by type, source or target). Both classify with Engine.classify_many, so the
GIL is released and every core works.
"""

from __future__ import annotations

import math
from typing import Any, Optional

import pandas as pd

LONG_COLUMNS = [
    "row",
    "sentence",
    "start",
    "end",
    "type",
    "confidence",
    "source",
    "target",
    "rules",
    "attributes",
]


def _texts(df: "pd.DataFrame", text_column: str) -> list:
    if text_column not in df.columns:
        raise KeyError(f"no column {text_column!r} in the frame")
    # A missing value (None, NaN) is no text: it gets no event.
    out = []
    for value in df[text_column].tolist():
        if value is None or (isinstance(value, float) and math.isnan(value)):
            out.append("")
        else:
            out.append(str(value))
    return out


def _sentences(engine: Any, df: "pd.DataFrame", text_column: str, jobs: Optional[int],
               threshold: float, documents: bool) -> list:
    """Per row, its sentences' records (one, unless documents=True)."""
    if engine is None:
        from . import default_engine

        engine = default_engine()
    results = engine.classify_many(_texts(df, text_column), jobs=jobs, threshold=threshold,
                                   documents=documents)
    return [r if documents else [r] for r in results], engine


def classify_frame(df: "pd.DataFrame", text_column: str, engine: Any = None,
                   jobs: Optional[int] = None, threshold: float = 0.5,
                   documents: bool = False, long: bool = False) -> "pd.DataFrame":
    """A copy of `df` with event columns, one row per input row (same index).

    events: the event types reported (confidence >= threshold), highest
    confidence first; sources and targets: their source and target codes in
    the same order (None where the actors plugin named none); and for each
    event type T of the engine, confidence_T: its confidence where reported,
    else NaN. With documents=True each cell is split into sentences and a
    type counts once per row, at its highest confidence. long=True gives
    classify_frame_long instead.
    """
    if long:
        return classify_frame_long(df, text_column, engine=engine, jobs=jobs,
                                   threshold=threshold, documents=documents)
    per_row, engine = _sentences(engine, df, text_column, jobs, threshold, documents)
    types = [t["name"] for t in engine.event_types()]
    added = ["events", "sources", "targets"] + [f"confidence_{t}" for t in types]
    clash = [c for c in added if c in df.columns]
    if clash:
        raise ValueError(f"the frame already has columns {clash}")
    events, sources, targets = [], [], []
    confidence = {t: [] for t in types}
    for sentences in per_row:
        best: dict = {}  # type -> its event of highest confidence in the row
        for sentence in sentences:
            for event in sentence["events"]:
                kept = best.get(event["type"])
                if kept is None or event["confidence"] > kept["confidence"]:
                    best[event["type"]] = event
        ordered = sorted(best.values(), key=lambda e: -e["confidence"])
        events.append([e["type"] for e in ordered])
        sources.append([e["source"] for e in ordered])
        targets.append([e["target"] for e in ordered])
        for t in types:
            confidence[t].append(best[t]["confidence"] if t in best else math.nan)
    out = df.copy()
    out["events"] = events
    out["sources"] = sources
    out["targets"] = targets
    for t in types:
        out[f"confidence_{t}"] = pd.Series(confidence[t], index=df.index, dtype="float64")
    return out


def classify_frame_long(df: "pd.DataFrame", text_column: str, engine: Any = None,
                        jobs: Optional[int] = None, threshold: float = 0.5,
                        documents: bool = False) -> "pd.DataFrame":
    """One row per event reported, in input order: row (the input row's index
    label), sentence, start, end (character offsets into the cell), type,
    confidence, source, target, rules (the ids of the evidence that counted)
    and attributes (the plugins' key=value facts, a dict)."""
    per_row, _ = _sentences(engine, df, text_column, jobs, threshold, documents)
    rows = []
    for label, sentences in zip(df.index, per_row):
        for sentence in sentences:
            for event in sentence["events"]:
                rows.append((label, sentence["sentence"], sentence["start"], sentence["end"],
                             event["type"], event["confidence"], event["source"], event["target"],
                             [e["rule"] for e in event["evidence"]], event["attributes"]))
    return pd.DataFrame(rows, columns=LONG_COLUMNS)
