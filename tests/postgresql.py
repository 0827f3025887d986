"""A throwaway PostgreSQL cluster on a free loopback port, for the many-machines tests."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

MISSING = "PostgreSQL is not installed (make test installs Debian's postgresql)"


def bin_dir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[4]))
    if found:
        return Path(found[-1])
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Cluster:
    """A running cluster: `create_database(name)` gives the URL of a new, empty database."""

    def __init__(self, bin_path: Path, root: Path, port: int, as_postgres: list[str]):
        self.bin, self.root, self.port, self.as_postgres = bin_path, root, port, as_postgres

    def run(self, program: str, *args: str) -> None:
        command = [*self.as_postgres, str(self.bin / program), *args]
        subprocess.run(command, check=True, capture_output=True, timeout=60)

    def create_database(self, name: str) -> str:
        self.run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", name)
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{name}"


@contextmanager
def cluster() -> Iterator[Cluster]:
    """Start a fresh cluster (skipping the test when PostgreSQL is missing); delete it after."""
    found = bin_dir()
    if found is None:
        pytest.skip(MISSING)
    root = Path(tempfile.mkdtemp(prefix="trainer-pg-"))
    as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if as_postgres:
        shutil.chown(root, "postgres", "postgres")
    running = Cluster(found, root, free_port(), as_postgres)
    data = f"{root}/data"
    running.run(
        "initdb", "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8"
    )
    options = (
        f"-p {running.port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off "
        "-c full_page_writes=off -c synchronous_commit=off"
    )
    running.run("pg_ctl", "-D", data, "-l", f"{root}/pg.log", "-w", "-o", options, "start")
    try:
        yield running
    finally:
        running.run("pg_ctl", "-D", data, "-m", "fast", "-w", "stop")
        shutil.rmtree(root, ignore_errors=True)
