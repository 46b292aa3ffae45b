#!/usr/bin/env python3
"""
Time `diplomodel parse --jsonl` on a generated corpus and record its peak memory.

    python benchmarks/batch.py                         # 100,000 articles, --workers 0 (all CPUs)
    python benchmarks/batch.py --articles 20000 --workers 1 2
    python benchmarks/batch.py --input big.jsonl       # an existing batch

The corpus is the one of benchmarks/bench.py (articles of ~2 KB built from real ones), written
once to --input (default: a temporary file). For each --workers value the command runs in a
fresh process; the peak resident memory of the parent, of the largest worker and of the whole
process tree is sampled twice a second (with psutil when it is installed, which comes with the
dask extra; otherwise only the largest single process is known, from getrusage).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def run(command: list[str]) -> dict[str, Any]:
    try:
        import psutil
    except ImportError:
        psutil = None
    start = time.perf_counter()
    proc = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    peak_parent = peak_worker = peak_tree = 0
    if psutil is not None:
        watched = psutil.Process(proc.pid)
        while proc.poll() is None:
            try:
                parent = watched.memory_info().rss
                workers = [c.memory_info().rss for c in watched.children(recursive=True)]
            except psutil.Error:
                pass
            else:
                peak_parent = max(peak_parent, parent)
                peak_worker = max([peak_worker, *workers])
                peak_tree = max(peak_tree, parent + sum(workers))
            time.sleep(0.5)
    _, err = proc.communicate()
    seconds = time.perf_counter() - start
    largest = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    return {
        "status": proc.returncode,
        "seconds": seconds,
        "summary": err.strip().splitlines()[-1] if err.strip() else "",
        "peak_parent_mb": peak_parent / 2**20 or None,
        "peak_worker_mb": peak_worker / 2**20 or None,
        "peak_tree_mb": peak_tree / 2**20 or None,
        "largest_process_mb": largest / 2**20,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--input", type=Path, help="the batch to parse (written if missing)")
    parser.add_argument("--workers", type=int, nargs="+", default=[0])
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        batch = args.input or Path(tmp) / "batch.jsonl"
        if not batch.exists():
            write = [sys.executable, str(HERE / "bench.py"), "--articles", str(args.articles)]
            subprocess.run([*write, "--write-jsonl", str(batch)], check=True)
        size = batch.stat().st_size
        print(f"input: {batch} ({size / 1e6:.1f} MB)")
        for workers in args.workers:
            out = Path(tmp) / f"out-{workers}.jsonl"
            command = [sys.executable, "-m", "diplomodel", "parse", "--jsonl", str(batch)]
            command += ["-o", str(out), "--workers", str(workers), "--no-progress"]
            result = run(command)
            result["workers"] = workers
            result["output_mb"] = out.stat().st_size / 1e6 if out.exists() else None
            print(json.dumps(result))
            out.unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
