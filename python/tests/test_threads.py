"""classify_many: same records as one at a time, in input order, with the GIL
released while the engine works. How much faster two threads are than one
is measured by tests/bench/python/threads.py, not asserted here: speed is a
benchmark's business, not a test's."""

import threading
import time

SENTENCES = [
    "Oslo expelled two Russian diplomats on Friday.",
    "The ministry threatened to expel the envoys.",
    "Nothing happened in Zürich today.",
    "France recalled its ambassador from Mali.",
    "The EU imposed sanctions on Iran over the drone deliveries.",
    "Germany condemned the attack in the strongest terms.",
]


def corpus(n):
    # Numbered, so that a record out of place cannot pass for another.
    return [f"{SENTENCES[i % len(SENTENCES)]} ({i})" for i in range(n)]


def test_many_equals_one_at_a_time_in_order(engine):
    texts = corpus(200)
    serial = [engine.classify(t) for t in texts]
    assert engine.classify_many(texts, jobs=1) == serial
    assert engine.classify_many(texts, jobs=3) == serial
    assert engine.classify_many(texts) == serial
    assert any(r["events"] for r in serial)


def test_many_documents_equal_classify_document(engine):
    documents = [" ".join(corpus(5)), "Zürich. 🙂 Oslo expelled two envoys.", ""]
    assert engine.classify_many(documents, jobs=2, documents=True) == [
        engine.classify_document(d) for d in documents]


def test_empty_input(engine):
    assert engine.classify_many([], jobs=4) == []


def test_the_gil_is_released_while_classifying(engine):
    """A Python thread that wakes every 10 ms keeps running while
    classify_many works: it could not if the call held the GIL, since it
    needs the GIL to count."""
    texts = corpus(4000)
    # A batch that takes long enough for 20 ticks (0.2 s) with room to spare.
    while True:
        start = time.perf_counter()
        engine.classify_many(texts, jobs=1)
        if time.perf_counter() - start > 0.5:
            break
        texts = texts * 2
    ticks = []

    def tick():
        for _ in range(20):
            ticks.append(time.perf_counter())
            time.sleep(0.01)

    sampler = threading.Thread(target=tick)
    start = time.perf_counter()
    sampler.start()
    engine.classify_many(texts, jobs=1)
    end = time.perf_counter()
    sampler.join()
    during = [t for t in ticks if start <= t <= end]
    assert len(during) == 20, (len(during), end - start)
