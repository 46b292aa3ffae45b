"""
Determinism: the same text gives the same result whatever the hash seed of the process, and
whether articles are parsed one after another or by many threads sharing one parser.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import diplomodel
from diplomodel import strategies as dst
from diplomodel.engine import Parser, default_parser
from diplomodel.render import RenderedArticle

_PARSE_ALL = """
import json, sys
import diplomodel
records = json.load(open(sys.argv[1], encoding="utf-8"))
out = [diplomodel.parse(r["text"], published=r["published"]).to_dict() for r in records]
json.dump(out, sys.stdout, sort_keys=True, ensure_ascii=True)
"""


def _records(articles: list[RenderedArticle]) -> list[dict[str, str | None]]:
    return [
        {"text": a.text, "published": a.published.isoformat() if a.published else None}
        for a in articles
    ]


def _parse_in_subprocesses(path: Path, seeds: list[str]) -> list[str]:
    """Parse the records in one Python process per hash seed, the processes side by side."""
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", _PARSE_ALL, str(path)],
            env={**os.environ, "PYTHONHASHSEED": seed},
            stdout=subprocess.PIPE,
            text=True,
        )
        for seed in seeds
    ]
    outputs = []
    for run in runs:
        out, _ = run.communicate(timeout=120)
        assert run.returncode == 0, run.returncode
        outputs.append(out)
    return outputs


# Each example starts two Python processes (about a second each): a few examples suffice, as
# each carries several articles.
@settings(max_examples=3)
@given(st.lists(dst.rendered_articles(min_meetings=1), min_size=6, max_size=6))
def test_same_result_under_different_hash_seeds(articles: list[RenderedArticle]) -> None:
    """Two processes with different PYTHONHASHSEED values give byte-identical JSON."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "articles.json"
        path.write_text(json.dumps(_records(articles)), encoding="utf-8")
        first, second = _parse_in_subprocesses(path, ["0", "4242"])
    assert first == second
    here = [diplomodel.parse(a.text, published=a.published).to_dict() for a in articles]
    assert json.loads(first) == json.loads(json.dumps(here, sort_keys=True))


@settings(max_examples=20)
@given(st.lists(dst.rendered_articles(), min_size=4, max_size=12))
def test_threads_sharing_one_parser_agree_with_serial_parsing(
    articles: list[RenderedArticle],
) -> None:
    """One Parser used by eight threads at once gives what it gives one article at a time."""
    parser = default_parser()
    serial = [parser.parse(a.text, published=a.published).to_dict() for a in articles]
    with ThreadPoolExecutor(max_workers=8) as pool:
        threaded = list(
            pool.map(lambda a: parser.parse(a.text, published=a.published).to_dict(), articles * 3)
        )
    assert threaded == serial * 3


def test_parsers_built_in_threads_agree() -> None:
    """Parsers built concurrently (each compiling the rulebook) parse alike."""
    text = (
        "Lodz, 1 December 2022 (TDI): Turkish Foreign Minister Arvid Kelmoran met with "
        "Azerbaijani Foreign Minister Sevrin Velindor. They discussed trade."
    )
    with ThreadPoolExecutor(max_workers=4) as pool:
        parsers = list(pool.map(lambda _: Parser(), range(4)))
    results = {json.dumps(p.parse(text).to_dict(), sort_keys=True) for p in parsers}
    assert len(results) == 1
