"""demarche.dask on a real LocalCluster of two worker processes: the same
records as one process, an engine loaded once per worker, and nothing lost or
duplicated when a worker is killed mid-run (Dask re-runs its partitions)."""

import os
import signal
import time

import pytest

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")
import dask.bag as db  # noqa: E402
import dask.dataframe as dd  # noqa: E402
import pandas as pd  # noqa: E402

import demarche  # noqa: E402
import demarche.dask  # noqa: E402

from conftest import source_path  # noqa: E402


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None)
    client = distributed.Client(cluster)
    yield client
    client.close()
    cluster.close()


def sentences(n):
    base = ["Oslo expelled two Russian diplomats on Friday.", "Nothing happened in Zürich today.",
            "France recalled its ambassador from Mali and condemned the coup. 🙂"]
    return [f"{base[i % len(base)]} ({i})" for i in range(n)]


def test_a_bag_gives_the_records_of_one_process(client, engine):
    texts = sentences(600)
    records = demarche.dask.classify_bag(db.from_sequence(texts, npartitions=12)).compute()
    assert records == engine.classify_many(texts)
    loads = client.run(demarche.dask.engine_loads)
    assert sorted(loads.values()) == [1, 1], loads  # both worked, each loaded once


def test_a_dataframe_gives_the_frame_of_one_process(client, engine):
    df = pd.DataFrame({"text": sentences(300)})
    ddf = dd.from_pandas(df, npartitions=6)
    pd.testing.assert_frame_equal(
        demarche.dask.classify_dataframe(ddf, "text").compute(),
        demarche.classify_frame(df, "text", engine=engine))
    pd.testing.assert_frame_equal(
        demarche.dask.classify_dataframe(ddf, "text", long=True).compute().reset_index(drop=True),
        demarche.classify_frame(df, "text", engine=engine, long=True))


def test_a_killed_worker_loses_and_duplicates_nothing(client, engine):
    article = open(source_path("docs", "examples", "sample-article.txt"), encoding="utf-8").read()
    documents = [f"{article}\n({i})" for i in range(3000)]
    expected = engine.classify_many(documents, documents=True)
    future = client.compute(
        demarche.dask.classify_bag(db.from_sequence(documents, npartitions=60), documents=True))
    pids = client.run(os.getpid)
    # Kill one worker once both are at work and before the run ends.
    deadline = time.time() + 60
    while time.time() < deadline and future.status == "pending":
        if sum(client.run(demarche.dask.engine_loads).values()) >= 2:
            break
        time.sleep(0.05)
    time.sleep(0.3)
    assert future.status == "pending", "the run ended before a worker could be killed"
    os.kill(sorted(pids.values())[0], signal.SIGKILL)
    records = future.result(timeout=300)
    assert len(records) == len(documents)
    assert records == expected
