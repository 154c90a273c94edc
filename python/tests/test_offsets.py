"""Offsets are character offsets into the str: they slice multi-byte text
right. The engine counts UTF-8 bytes; on ASCII the two agree, so every text
here has characters of two, three and four bytes before the words matched."""

import pytest

TEXTS = [
    "Zürich: Oslo expelled two Russian diplomats on Friday.",
    "🇳🇴🙂 Oslo expelled two Russian diplomats — the envoys left Zürich.",
    "Der Außenminister sagte: « Oslo expelled two Russian diplomats », 東京.",
]


def spans_of(record):
    for event in record["events"]:
        for evidence in event["evidence"]:
            yield from zip(evidence["spans"], evidence["matched"])


@pytest.mark.parametrize("text", TEXTS)
def test_spans_slice_the_sentence(engine, text):
    record = engine.classify(text)
    assert record["events"], text
    assert (record["start"], record["end"]) == (0, len(text))
    assert record["text"] == text
    found = list(spans_of(record))
    assert found
    for (start, end), matched in found:
        assert text[start:end] == matched
    assert any(m == "expelled" for _, m in found)


def test_document_offsets_slice_the_document(engine):
    document = " ".join(TEXTS) + "\nÅland recalled its ambassador from Moscow. 🙂"
    records = engine.classify_document(document)
    assert len(records) >= 3
    for record in records:
        assert document[record["start"]:record["end"]] == record["text"]
        for (start, end), matched in spans_of(record):
            assert document[start:end] == matched
    assert [document[b:e] for b, e in engine.segment(document)] == [r["text"] for r in records]


def test_the_same_words_have_the_same_spans_after_a_multibyte_prefix(engine):
    plain = engine.classify("Oslo expelled two Russian diplomats.")
    prefixed = engine.classify("ü🙂 Oslo expelled two Russian diplomats.")
    shift = len("ü🙂 ")
    assert [(s + shift, e + shift) for (s, e), _ in spans_of(plain)] == [
        tuple(span) for span, _ in spans_of(prefixed)]
