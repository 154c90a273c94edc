"""demarche on a Dask cluster (issue 16, part 2; docs/scale-out.md).

    import dask.bag as db
    import demarche.dask
    records = demarche.dask.classify_bag(db.from_sequence(texts, npartitions=64)).compute()

Each worker process loads one engine, the first time a partition reaches it,
and keeps it for every later partition (loading compiles or reads the rules'
pattern database: far more than a partition of sentences takes). The records
are what Engine.classify_many gives in one process, partition after partition,
so a bag or frame computed on any number of workers equals one process's
output. Dask re-runs the partitions of a worker that dies; since a partition's
records depend on nothing but its texts, none is lost or duplicated.
"""

from __future__ import annotations

import threading
from typing import Any, Optional

_lock = threading.Lock()
_engines: dict = {}  # the load() arguments, as a key -> the Engine they gave
_loads = 0  # engines this process has loaded: one per set of arguments


def _key(load_args: dict) -> str:
    return repr(sorted(load_args.items()))


def worker_engine(load_args: Optional[dict] = None) -> Any:
    """This process's engine for these load() arguments, loaded on first use."""
    global _loads
    load_args = load_args or {}
    with _lock:
        engine = _engines.get(_key(load_args))
        if engine is None:
            from . import load

            engine = _engines[_key(load_args)] = load(**load_args)
            _loads += 1
        return engine


def engine_loads() -> int:
    """How many engines this process has loaded (run on workers by the tests)."""
    return _loads


def _classify_partition(texts: Any, load_args: dict, threshold: float, documents: bool,
                        jobs: int) -> list:
    return worker_engine(load_args).classify_many(
        list(texts), jobs=jobs, threshold=threshold, documents=documents)


def classify_bag(bag: Any, threshold: float = 0.5, documents: bool = False, jobs: int = 1,
                 **load_args: Any) -> Any:
    """A bag of records, one per text of `bag`, in its order.

    jobs: threads per partition (1: Dask's workers are the parallelism).
    load_args: passed to demarche.load on each worker (paths, text, plugins, weights).
    """
    return bag.map_partitions(_classify_partition, load_args, threshold, documents, jobs)


def _frame_partition(df: Any, text_column: str, load_args: dict, options: dict) -> Any:
    from ._frame import classify_frame

    return classify_frame(df, text_column, engine=worker_engine(load_args), **options)


def classify_dataframe(ddf: Any, text_column: str, threshold: float = 0.5,
                       documents: bool = False, long: bool = False, jobs: int = 1,
                       **load_args: Any) -> Any:
    """demarche.classify_frame on each partition of a Dask DataFrame: the wide
    form (one row per row) or, with long=True, the long form (one row per event)."""
    from ._frame import classify_frame

    options = {"threshold": threshold, "documents": documents, "long": long, "jobs": jobs}
    # The columns depend on the event types: the client loads the engine once to say so.
    meta = classify_frame(ddf._meta, text_column, engine=worker_engine(load_args), **options)
    return ddf.map_partitions(_frame_partition, text_column, load_args, options, meta=meta)
