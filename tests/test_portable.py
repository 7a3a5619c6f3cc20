"""The whole job through Beam's portable job API, with SDK workers in separate processes.

An external worker pool (`worker_pool_main`, started here with the venv's bin first on PATH: it
starts each worker as plain `python`) runs the SDK harnesses; the embedded job service submits to
it. The output must equal an in-process run's, row for row: nothing may depend on the launcher's
main session or on sharing memory with it.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.dataset as ds
import pytest

from pipeline.main import main

# Columns that differ between two runs by design (the run's own clock).
RUN_COLUMNS = {"ingested_at"}
POOL_START_SECONDS = 60


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture()
def worker_pool(tmp_path):
    port = free_port()
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    log = open(tmp_path / "pool.log", "w+b")  # noqa: SIM115 (the pool writes to it until teardown)
    pool = subprocess.Popen(
        [sys.executable, "-m", "apache_beam.runners.worker.worker_pool_main", f"--service_port={port}"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + POOL_START_SECONDS
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if pool.poll() is not None or time.monotonic() > deadline:
                pool.kill()
                pytest.fail(f"worker pool did not start: {(tmp_path / 'pool.log').read_text()[-2000:]}")
            time.sleep(0.2)
    yield port, tmp_path / "pool.log"
    pool.terminate()
    try:
        pool.wait(timeout=20)
    except subprocess.TimeoutExpired:
        pool.kill()
    log.close()


def rows(out: Path, table: str) -> list[tuple]:
    data = ds.dataset(out / table, format="parquet", partitioning="hive").to_table()
    keep = sorted(c for c in data.column_names if c not in RUN_COLUMNS)
    return sorted(tuple(str(v) for v in row.values()) for row in data.select(keep).to_pylist())


def test_portable_run_with_external_workers_equals_in_process_run(tmp_path, samples_dir, worker_pool):
    port, pool_log = worker_pool
    inputs = tmp_path / "in"
    shutil.copytree(samples_dir, inputs)
    local, portable = tmp_path / "local", tmp_path / "portable"
    assert main(["--input", f"{inputs}/*", "--output", str(local), "--run_id", "same"]) == 0
    assert (
        main(
            [
                "--input",
                f"{inputs}/*",
                "--output",
                str(portable),
                "--run_id",
                "same",
                "--runner",
                "PortableRunner",
                "--job_endpoint=embed",
                "--environment_type=EXTERNAL",
                f"--environment_config=localhost:{port}",
            ]
        )
        == 0
    )
    assert "Starting worker" in pool_log.read_text()  # the SDK harness ran in the pool's processes
    tables = sorted(p.name for p in local.iterdir() if not p.name.startswith("_"))
    assert {"articles", "segments", "quarantine"} <= set(tables)
    for table in tables:
        assert rows(portable, table) == rows(local, table), table
    assert len(rows(local, "articles")) > 0
