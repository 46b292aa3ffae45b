#!/usr/bin/env python3
"""
How fast diplomodel parses ordinary news and how it copes with adversarial text.

    python benchmarks/bench.py                     # 1,000 articles of ~2 KB, adversarial 1 MB
    python benchmarks/bench.py --articles 5000 --corpus my.jsonl
    python benchmarks/bench.py --quick             # smaller inputs, a few minutes at most
    python benchmarks/bench.py --write-jsonl big.jsonl --articles 100000   # a batch to time
                                                   # `diplomodel parse --jsonl` on

Prints the machine, then: single-core throughput (articles/s, MB/s), `import diplomodel` time
(fresh interpreter, median), first-parse time (fresh interpreter: import + first parse, which
loads the data), peak RSS after parsing the corpus, and for each adversarial input its time per
MB and the ratio to ordinary news (the target is at most 3x). spaCy is timed too when it is
installed with an English model (it is never installed by this script).

The corpus is built from real articles: the texts of tests/corpus/*.jsonl and, when present,
../shared/corpus/dev_*.jsonl (or the JSON Lines files given with --corpus), joined paragraph
by paragraph into articles of about --size characters, deterministically (--seed).
"""

from __future__ import annotations

import argparse
import gc
import glob
import importlib.util
import json
import os
import platform
import random
import re
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TARGET_RATIO = 3.0


# ----------------------------------------------------------------------------------------------
# Corpus


def default_sources() -> list[Path]:
    sources = sorted(ROOT.glob("tests/corpus/*.jsonl"))
    sources += sorted(Path(p) for p in glob.glob(str(ROOT.parent / "shared/corpus/dev_*.jsonl")))
    return sources


def load_texts(paths: list[Path]) -> list[tuple[str, str | None]]:
    """(text, published) of every record with a text."""
    texts: list[tuple[str, str | None]] = []
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    record = json.loads(line)
                    if isinstance(record.get("text"), str) and record["text"].strip():
                        texts.append((record["text"], record.get("published")))
    if not texts:
        raise SystemExit(f"no texts in {', '.join(map(str, paths))}")
    return texts


def build_corpus(
    texts: list[tuple[str, str | None]], count: int, size: int, seed: int
) -> list[tuple[str, str | None]]:
    """
    ``count`` articles of about ``size`` characters: each starts with a whole real article (so
    it has a title and a dateline) and goes on with paragraphs of other articles.
    """
    rng = random.Random(seed)
    paragraphs = [p for text, _ in texts for p in text.split("\n\n") if p.strip()]
    corpus = []
    for _ in range(count):
        text, published = rng.choice(texts)
        parts = [text]
        length = len(text)
        while length < size:
            paragraph = rng.choice(paragraphs)
            parts.append(paragraph)
            length += len(paragraph) + 2
        corpus.append(("\n\n".join(parts), published))
    return corpus


# ----------------------------------------------------------------------------------------------
# Adversarial inputs, each about `size` characters


COUNTRIES = [
    "France",
    "Germany",
    "Italy",
    "Spain",
    "Portugal",
    "Poland",
    "Ukraine",
    "Russia",
    "Turkiye",
    "Azerbaijan",
    "Armenia",
    "Georgia",
    "Kazakhstan",
    "Uzbekistan",
    "Kyrgyzstan",
    "Tajikistan",
    "Turkmenistan",
    "China",
    "Japan",
    "India",
    "Pakistan",
    "Iran",
    "Iraq",
    "Syria",
    "Egypt",
    "Israel",
    "Jordan",
    "Brazil",
    "Argentina",
    "Uruguay",
    "Chile",
    "Peru",
    "Mexico",
    "Canada",
    "Australia",
    "Nigeria",
    "Kenya",
    "Ethiopia",
    "Morocco",
    "Algeria",
    "Tunisia",
    "Greece",
    "Hungary",
    "Romania",
    "Bulgaria",
    "Serbia",
    "Croatia",
    "Austria",
    "Switzerland",
    "Belgium",
    "Netherlands",
    "Sweden",
    "Norway",
    "Finland",
]

TITLES = (
    "Foreign Minister",
    "Minister of Foreign Affairs",
    "President",
    "Prime Minister",
    "Deputy Foreign Minister",
    "Ambassador",
    "Secretary-General",
    "Vice President",
    "Minister of Defence",
    "Special Envoy",
)

NAMES = (
    "Jeyhun Bayramov",
    "Mevlut Cavusoglu",
    "Bakhtiyor Saidov",
    "Murat Nurtleu",
    "Santiago Cafiero",
    "Francisco Bustillo",
    "Annalena Baerbock",
    "Antony Blinken",
    "Wang Yi",
    "Sergey Lavrov",
)


def _fill(size: int, piece: Callable[[int], str], sep: str) -> str:
    parts: list[str] = []
    length = 0
    i = 0
    while length < size:
        part = piece(i)
        parts.append(part)
        length += len(part) + len(sep)
        i += 1
    return sep.join(parts)


def adversarial_inputs(words: list[str], size: int, seed: int) -> dict[str, str]:
    rng = random.Random(seed)
    plain = [w for w in words if w.isalpha()]
    return {
        # Long runs of capitalised words: every word could start a name or an organisation.
        "capitalised runs": _fill(
            size,
            lambda i: rng.choice(plain).capitalize() + ("." if i % 400 == 399 else ""),
            " ",
        ),
        # One line of news words, no punctuation and no line break: a single huge sentence.
        "1 line, no punctuation": _fill(size, lambda i: rng.choice(plain), " "),
        # Thousands of country names.
        "country names": _fill(size, lambda i: rng.choice(COUNTRIES), ", "),
        # Thousands of titles, with and without names.
        "titles": _fill(
            size,
            lambda i: rng.choice(TITLES) + (" " + rng.choice(NAMES) if i % 2 else ""),
            ", ",
        ),
        # "met with" chained over and over in one sentence.
        "repeated 'met with'": _fill(
            size,
            lambda i: f"{rng.choice(TITLES)} {rng.choice(NAMES)} of {rng.choice(COUNTRIES)}",
            " met with ",
        )
        + ".",
        # Titled officials and "his counterpart" over and over: every counterpart looks for the
        # titled mention that follows it (this was quadratic once).
        "repeated counterparts": _fill(
            size,
            lambda i: (
                f"{rng.choice(TITLES)} {rng.choice(NAMES)} met his counterpart, "
                f"{rng.choice(TITLES)} {rng.choice(NAMES)} of {rng.choice(COUNTRIES)}."
            ),
            " ",
        ),
    }


# ----------------------------------------------------------------------------------------------
# Measurements


def machine() -> dict[str, Any]:
    model = "unknown"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        model = platform.processor() or "unknown"
    try:
        usable = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        usable = os.cpu_count() or 1
    return {
        "nproc": usable,
        "cpu": model,
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
    }


def in_fresh_interpreter(code: str, runs: int) -> float:
    """Median over ``runs`` fresh interpreters of the seconds ``code`` prints."""
    times = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        )
        times.append(float(done.stdout.strip().splitlines()[-1]))
    return statistics.median(times)


IMPORT_CODE = """
import time
t = time.perf_counter()
import diplomodel
print(time.perf_counter() - t)
"""

FIRST_PARSE_CODE = """
import time
t = time.perf_counter()
import diplomodel
diplomodel.parse({text!r}, published="2023-05-05")
print(time.perf_counter() - t)
"""


def throughput(parse: Callable[..., Any], corpus: list[tuple[str, str | None]]) -> float:
    gc.collect()
    start = time.perf_counter()
    for text, published in corpus:
        parse(text, published=published)
    return time.perf_counter() - start


ADVERSARIAL_CODE = """
import json, sys, time
import diplomodel
diplomodel.parse("Warm up.")
text = sys.stdin.read()
start = time.perf_counter()
result = diplomodel.parse(text)
print(json.dumps({"seconds": time.perf_counter() - start, "meetings": len(result.meetings)}))
"""


def time_in_subprocess(text: str, budget: float) -> dict[str, Any]:
    """Parse ``text`` in a fresh interpreter, killed after ``budget`` seconds of parsing."""
    try:
        done = subprocess.run(
            [sys.executable, "-c", ADVERSARIAL_CODE],
            input=text,
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=True,
            cwd=ROOT,
            timeout=budget + 20,  # the interpreter start and data loading come first
        )
    except subprocess.TimeoutExpired:
        return {"seconds": budget, "meetings": None, "timed_out": True}
    row: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    row["timed_out"] = False
    return row


def spacy_seconds(corpus: list[tuple[str, str | None]]) -> tuple[str, float] | None:
    if importlib.util.find_spec("spacy") is None:
        return None
    import spacy

    for name in ("en_core_web_sm", "en_core_web_md", "en_core_web_lg"):
        try:
            nlp = spacy.load(name)
        except OSError:
            continue
        texts = [text for text, _ in corpus]
        nlp(texts[0])
        start = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=64):
            pass
        return name, time.perf_counter() - start
    return None


# ----------------------------------------------------------------------------------------------
# Main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000, help="articles to parse (1000)")
    parser.add_argument("--size", type=int, default=2000, help="characters per article (2000)")
    parser.add_argument("--corpus", nargs="+", type=Path, help="JSON Lines files with texts")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--adversarial-size",
        type=int,
        default=1_000_000,
        help="characters of each adversarial input (1,000,000)",
    )
    parser.add_argument(
        "--budget",
        type=float,
        default=60.0,
        help="seconds one adversarial parse may take before it is stopped and the larger "
        "sizes of that input are skipped (60)",
    )
    parser.add_argument("--runs", type=int, default=5, help="fresh interpreters to time (5)")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="200 articles, adversarial inputs up to 100 KB with a 10 s budget, 3 runs",
    )
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument(
        "--write-jsonl",
        type=Path,
        metavar="PATH",
        help="only write the corpus as JSON Lines {id, text, published} (for timing "
        "`diplomodel parse --jsonl`) and exit",
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.articles = min(args.articles, 200)
        args.adversarial_size = min(args.adversarial_size, 100_000)
        args.runs = min(args.runs, 3)
        args.budget = min(args.budget, 10.0)

    sources = args.corpus or default_sources()
    texts = load_texts(sources)
    corpus = build_corpus(texts, args.articles, args.size, args.seed)
    if args.write_jsonl:
        with open(args.write_jsonl, "w", encoding="utf-8") as handle:
            for i, (text, published) in enumerate(corpus):
                record = {"id": f"a{i:07d}", "text": text, "published": published}
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        size = args.write_jsonl.stat().st_size
        print(f"wrote {len(corpus)} articles, {size / 1e6:.1f} MB, to {args.write_jsonl}")
        return 0

    results: dict[str, Any] = {"machine": machine()}
    say = (lambda *a: None) if args.json else print
    m = results["machine"]
    say(f"machine: {m['nproc']} CPUs usable, {m['cpu']}, Python {m['python']} ({m['platform']})")

    results["import_s"] = in_fresh_interpreter(IMPORT_CODE, args.runs)
    say(f"import diplomodel:        {results['import_s'] * 1000:8.1f} ms (median of {args.runs})")
    first = FIRST_PARSE_CODE.format(text=corpus[0][0])
    results["first_parse_s"] = in_fresh_interpreter(first, args.runs)
    say(
        f"import + first parse:     {results['first_parse_s'] * 1000:8.1f} ms "
        f"(median of {args.runs}; loads the data)"
    )

    import diplomodel

    diplomodel.parse(corpus[0][0])  # load the data outside the timings
    chars = sum(len(text) for text, _ in corpus)
    megabytes = sum(len(text.encode("utf-8")) for text, _ in corpus) / 1e6
    seconds = throughput(diplomodel.parse, corpus)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    news_s_per_mb = seconds / megabytes
    results["corpus"] = {
        "articles": len(corpus),
        "mean_chars": chars / len(corpus),
        "megabytes": megabytes,
        "sources": [str(p) for p in sources],
    }
    results["news"] = {
        "seconds": seconds,
        "articles_per_s": len(corpus) / seconds,
        "mb_per_s": megabytes / seconds,
        "s_per_mb": news_s_per_mb,
        "peak_rss_mb": rss_mb,
    }
    say(
        f"ordinary news:            {len(corpus)} articles of {chars / len(corpus):,.0f} chars "
        f"({megabytes:.2f} MB) in {seconds:.2f} s"
    )
    say(
        f"  single core:            {len(corpus) / seconds:8.1f} articles/s, "
        f"{megabytes / seconds:.3f} MB/s, {news_s_per_mb:.2f} s/MB"
    )
    say(f"  peak RSS after parsing: {rss_mb:8.1f} MB (corpus in memory included)")

    spacy_result = spacy_seconds(corpus)
    if spacy_result is None:
        results["spacy"] = None
        say("spaCy:                    not installed (or no English model), skipped")
    else:
        name, spacy_s = spacy_result
        results["spacy"] = {
            "model": name,
            "seconds": spacy_s,
            "articles_per_s": len(corpus) / spacy_s,
        }
        say(f"spaCy {name}: {len(corpus) / spacy_s:8.1f} articles/s (nlp.pipe, same corpus)")

    words = re.findall(r"[^\W\d_]+", " ".join(text for text, _ in texts))
    sizes = [n for n in (10_000, 100_000, 1_000_000) if n < args.adversarial_size]
    sizes.append(args.adversarial_size)
    say(
        f"adversarial inputs (fresh interpreter each, sizes {', '.join(f'{n:,}' for n in sizes)} "
        f"chars, {args.budget:g} s budget per parse; target <= {TARGET_RATIO:g}x the time per MB "
        f"of ordinary news):"
    )
    results["adversarial"] = {}
    worst = 0.0
    for name in adversarial_inputs(words, 10, args.seed):
        rows = results["adversarial"][name] = []
        for size in sizes:
            text = adversarial_inputs(words, size, args.seed)[name]
            row = time_in_subprocess(text, args.budget)
            mb = len(text.encode("utf-8")) / 1e6
            row.update(chars=len(text), s_per_mb=row["seconds"] / mb)
            row["ratio"] = row["s_per_mb"] / news_s_per_mb
            rows.append(row)
            worst = max(worst, row["ratio"])
            over = row["seconds"] >= args.budget
            verdict = "ok" if row["ratio"] <= TARGET_RATIO else "OVER TARGET"
            more = ">" if row["timed_out"] else " "  # a lower bound: the parse was stopped
            say(
                f"  {name:24} {len(text):>9,} chars {more}{row['seconds']:7.2f} s "
                f"{more}{row['s_per_mb']:8.2f} s/MB {more}{row['ratio']:7.2f}x  {verdict}"
            )
            if over:
                say(f"  {'':24} stopped: over the {args.budget:g} s budget")
                break
    results["adversarial_worst_ratio"] = worst
    results["peak_rss_mb_end"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    say(f"peak RSS at the end:      {results['peak_rss_mb_end']:8.1f} MB")
    if args.json:
        print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
