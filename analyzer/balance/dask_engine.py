"""The dask engine: the person-chunked analysis run on a ``dask.distributed`` cluster.

``analyzer daily --engine dask`` reads the diary as the pandas engine does, splits the
prepared entries into chunks of whole persons (:func:`analyzer.balance.chunks.person_chunks`)
and runs the same function on each chunk (:meth:`analyzer.balance.chunks.DailyJob.run`) as
one dask task: on the cluster whose scheduler is at ``scheduler`` (``tcp://host:8786``), or
on a :class:`distributed.LocalCluster` of this machine's cores. The daily rows come back in
person order and are joined: the same table as the pandas engine, bit for bit.

The chunks are dask delayed tasks rather than partitions of a ``dask.dataframe``: the
dataframe module needs pyarrow, and with pyarrow installed pandas stores every text column
in it, which the rest of the package does not expect. Dask is an optional extra
(``pip install 'analyzer[dask]'``), imported only here, only for this engine. On one
machine of 2 cores it is not faster than the pandas engine (the tasks are shipped to worker
processes and back); it is for cohorts that a cluster should compute.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from analyzer.balance.chunks import DailyJob, person_chunks
from analyzer.errors import EngineError

#: The pip extra that installs dask and dask.distributed.
DASK_EXTRA = "pip install 'analyzer[dask]'"
#: Seconds to wait for the scheduler at ``--scheduler`` before giving up. [s]
CONNECT_TIMEOUT_S = 10


def _client(scheduler: str | None) -> tuple[Any, Any]:
    """A dask client of the scheduler at ``scheduler``, else of a new local cluster (which
    is returned too, to be closed)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise EngineError("--engine dask needs dask, which is not installed", DASK_EXTRA) from None
    if scheduler:
        try:
            return Client(scheduler, timeout=CONNECT_TIMEOUT_S), None
        except (OSError, TimeoutError) as error:
            raise EngineError(
                f"cannot reach the dask scheduler at {scheduler} ({error})",
                "start it (dask scheduler) or drop --scheduler for a local cluster",
            ) from None
    cluster = LocalCluster(processes=True, dashboard_address=None)
    return Client(cluster), cluster


def dask_daily(
    prepared: pd.DataFrame, job: DailyJob, chunk_rows: int, scheduler: str | None = None
) -> pd.DataFrame:
    """The daily table of ``prepared``, a dask task per chunk of whole persons.

    Parameters
    ----------
    prepared : DataFrame
        Prepared entries (:func:`analyzer.balance.entries.prepare_entries`).
    job : DailyJob
        What each chunk runs.
    chunk_rows : int
        About this many entries per task (whole persons). [rows]
    scheduler : str, optional
        Address of a running ``dask.distributed`` scheduler; a local cluster when ``None``.

    Raises
    ------
    EngineError
        Dask is not installed, or the scheduler cannot be reached.
    """
    client, cluster = _client(scheduler)
    try:
        chunks = [prepared.take(rows) for rows in person_chunks(prepared["person"], chunk_rows)]
        if not chunks:
            return job.run(prepared.copy(deep=False))
        futures = client.map(job.run, client.scatter(chunks), pure=False)
        parts = client.gather(futures)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return pd.concat(parts, ignore_index=True) if len(parts) != 1 else parts[0]
