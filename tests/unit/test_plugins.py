"""
Rule packs (``diplomodel.plugins``): discovery through the ``diplomodel.rulepacks`` entry points,
loading, applying and every error; then the example pack ``examples/diplomodel-arctic``,
installed for real.

Discovery tests replace ``importlib.metadata.entry_points`` with a fake registry. The example
pack is installed into the running environment (``pip install --no-deps --no-build-isolation
-e``) when it is not there already; CI installs it beforehand.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import json
import site
import subprocess
import sys
import sysconfig
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

import diplomodel
from diplomodel import LexiconError, RuleError, plugins
from diplomodel.engine import Parser
from diplomodel.rules import Rulebook, TitleEntry, default_rulebook

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "diplomodel-arctic"

WATER = (
    "Cairo, 4 June 2024: Egyptian Water Resources Minister Hani Sewilam met Ethiopian "
    "Chief Water Negotiator Seleshi Bekele to discuss the filling of the dam."
)

ARCTIC = (
    "Tromso, 12 May 2023: Norwegian Foreign Minister Anniken Huitfeldt met with Iceland's "
    "Foreign Minister Thordis Kolbrun Reykfjord Gylfadottir on the sidelines of the Arctic "
    "Council ministerial meeting in Tromso. The ministers discussed the Northern Sea Route "
    "and research on Svalbard."
)

ICE = (
    "Helsinki, 3 March 2024: Finnish President Alexander Stubb received Canadian Prime "
    "Minister Justin Trudeau for talks on trade and the joint construction of icebreakers."
)


# ----------------------------------------------------------------------------------------------
# A fake entry-point registry


@dataclass
class FakeEntryPoint:
    """Quacks like ``importlib.metadata.EntryPoint``: ``load()`` returns or raises ``target``."""

    name: str
    target: Any
    dist_name: str | None = "fake-packs"
    version: str = "1.0"
    group: str = plugins.ENTRY_POINT_GROUP
    loads: int = field(default=0, compare=False)

    @property
    def value(self) -> str:
        return f"fake_packs:{self.name}"

    @property
    def dist(self) -> Any:
        if self.dist_name is None:
            return None
        return SimpleNamespace(name=self.dist_name, version=self.version)

    def load(self) -> Any:
        self.loads += 1
        if isinstance(self.target, BaseException):
            raise self.target
        return self.target


@dataclass
class Registry:
    entries: list[FakeEntryPoint] = field(default_factory=list)
    lookups: list[dict[str, Any]] = field(default_factory=list)

    def add(self, name: str, target: Any, **kwargs: Any) -> FakeEntryPoint:
        ep = FakeEntryPoint(name, target, **kwargs)
        self.entries.append(ep)
        return ep


@pytest.fixture
def registry(monkeypatch: pytest.MonkeyPatch) -> Iterator[Registry]:
    """Entry points come from a fake registry; the plugin caches start and end empty."""
    reg = Registry()

    def entry_points(**kwargs: Any) -> list[FakeEntryPoint]:
        reg.lookups.append(kwargs)
        return [ep for ep in reg.entries if ep.group == kwargs.get("group")]

    monkeypatch.setattr(importlib.metadata, "entry_points", entry_points)
    plugins.refresh()
    yield reg
    plugins.refresh()


def envoy_pack(base: Rulebook) -> Rulebook:
    return base.with_titles(TitleEntry("Chief Water Negotiator", "envoy"))


def ambassador_pack(base: Rulebook) -> Rulebook:
    return base.with_titles(TitleEntry("Chief Water Negotiator", "ambassador"))


def roles(parser: Parser, text: str) -> list[tuple[str | None, str]]:
    return [(p.name, p.role.value) for m in parser.parse(text).meetings for p in m.participants]


# ----------------------------------------------------------------------------------------------
# Discovery


def test_available_lists_each_pack_with_its_distribution(registry: Registry) -> None:
    registry.add("water", envoy_pack, dist_name="water-pack", version="2.1")
    registry.add("anon", envoy_pack, dist_name=None)
    registry.add("other-group", envoy_pack, group="somebody.else")
    assert plugins.available() == {
        "anon": "(unknown distribution)",
        "water": "water-pack 2.1",
    }


def test_discovery_is_lazy_and_cached(registry: Registry) -> None:
    registry.add("water", envoy_pack)
    assert registry.lookups == []
    plugins.available()
    plugins.available()
    plugins.load_pack("water")
    plugins.apply_packs(default_rulebook(), ["water"])
    assert registry.lookups == [{"group": "diplomodel.rulepacks"}]
    registry.add("later", ambassador_pack)
    assert "later" not in plugins.available()  # cached until refresh()
    plugins.refresh()
    assert "later" in plugins.available()
    assert len(registry.lookups) == 2


def test_importing_diplomodel_looks_up_no_entry_points() -> None:
    # A fresh interpreter: importing and using diplomodel (the CLI module included) never
    # touches entry points or imports diplomodel.plugins; asking for packs does, once.
    program = """
import importlib.metadata as md
import sys
calls = []
real = md.entry_points
md.entry_points = lambda **kw: calls.append(kw) or real(**kw)
import diplomodel, diplomodel.cli, diplomodel.engine
diplomodel.parse("Ankara, 5 May 2023: Nothing happened.")
assert calls == [], calls
assert "diplomodel.plugins" not in sys.modules
from diplomodel import plugins
plugins.available(); plugins.available()
assert calls == [{"group": "diplomodel.rulepacks"}], calls
print("ok")
"""
    proc = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "ok"


def test_load_pack_returns_the_callable_and_imports_it_once(registry: Registry) -> None:
    ep = registry.add("water", envoy_pack)
    assert plugins.load_pack("water") is envoy_pack
    assert plugins.load_pack("water") is envoy_pack
    assert ep.loads == 1


# ----------------------------------------------------------------------------------------------
# Applying packs


def test_apply_packs_changes_the_output_and_not_the_base(registry: Registry) -> None:
    registry.add("water", envoy_pack)
    base = default_rulebook()
    snapshot = attrs_snapshot(base)
    book = plugins.apply_packs(base, ["water"])
    assert book is not base
    assert attrs_snapshot(base) == snapshot
    assert default_rulebook() is base
    assert roles(Parser(), WATER) == []
    assert roles(Parser(book), WATER) == [("Hani Sewilam", "minister"), ("Seleshi Bekele", "envoy")]


def attrs_snapshot(book: Rulebook) -> tuple[int, ...]:
    return (len(book.titles), len(book.topics), len(book.rules), len(book.disabled))


def test_packs_apply_in_order_and_a_repeated_name_once(registry: Registry) -> None:
    calls: list[str] = []

    def counting(name: str, pack: Callable[[Rulebook], Rulebook]) -> Callable[..., Rulebook]:
        def run(base: Rulebook) -> Rulebook:
            calls.append(name)
            return pack(base)

        return run

    registry.add("envoy", counting("envoy", envoy_pack))
    registry.add("ambassador", counting("ambassador", ambassador_pack))
    base = default_rulebook()
    # A later entry for the same title wins: the last pack has the last word.
    last_ambassador = Parser(plugins.apply_packs(base, ["envoy", "ambassador", "envoy"]))
    assert calls == ["envoy", "ambassador"]
    assert roles(last_ambassador, WATER)[1] == ("Seleshi Bekele", "ambassador")
    last_envoy = Parser(plugins.apply_packs(base, ["ambassador", "envoy"]))
    assert roles(last_envoy, WATER)[1] == ("Seleshi Bekele", "envoy")


def test_apply_no_packs_returns_the_base(registry: Registry) -> None:
    base = default_rulebook()
    assert plugins.apply_packs(base, []) is base
    assert registry.lookups == []


def test_build_rulebook_applies_files_then_packs(registry: Registry, tmp_path: Path) -> None:
    registry.add("ambassador", ambassador_pack)
    rules = tmp_path / "rules.toml"
    rules.write_text(
        '[[titles]]\nrole = "envoy"\nterms = ["Chief Water Negotiator"]\n', encoding="utf-8"
    )
    assert roles(Parser(plugins.build_rulebook([rules])), WATER)[1][1] == "envoy"
    # the pack comes after the file, so its entry wins
    both = plugins.build_rulebook([str(rules)], ["ambassador"])
    assert roles(Parser(both), WATER)[1][1] == "ambassador"
    assert plugins.build_rulebook() is default_rulebook()


# ----------------------------------------------------------------------------------------------
# Errors


def test_unknown_pack_lists_the_available_ones(registry: Registry) -> None:
    registry.add("water", envoy_pack)
    registry.add("arctic", envoy_pack)
    with pytest.raises(RuleError) as caught:
        plugins.load_pack("x")
    assert str(caught.value) == "unknown rule pack 'x'; available: arctic, water"
    with pytest.raises(RuleError) as caught:
        plugins.apply_packs(default_rulebook(), ["water", "x"])
    assert str(caught.value) == "unknown rule pack 'x'; available: arctic, water"


def test_unknown_pack_with_none_installed(registry: Registry) -> None:
    with pytest.raises(RuleError) as caught:
        plugins.apply_packs(default_rulebook(), ["arctic"])
    assert str(caught.value) == "unknown rule pack 'arctic'; available: (none installed)"


def test_unknown_names_fail_before_any_pack_runs(registry: Registry) -> None:
    ran: list[str] = []

    def pack(base: Rulebook) -> Rulebook:
        ran.append("water")
        return base

    registry.add("water", pack)
    with pytest.raises(RuleError, match="unknown rule pack 'nope'"):
        plugins.apply_packs(default_rulebook(), ["water", "nope"])
    assert ran == []


def test_a_pack_that_raises_is_named(registry: Registry) -> None:
    def boom(base: Rulebook) -> Rulebook:
        raise ValueError("the ice melted")

    registry.add("boom", boom)
    with pytest.raises(RuleError) as caught:
        plugins.apply_packs(default_rulebook(), ["boom"])
    assert str(caught.value) == "rule pack 'boom' failed: ValueError: the ice melted"
    assert isinstance(caught.value.__cause__, ValueError)


def test_a_pack_with_a_bad_data_file_is_named(registry: Registry, tmp_path: Path) -> None:
    bad = tmp_path / "pack.toml"
    bad.write_text('[[titles]]\nrole = "czar"\nterms = ["Ice Czar"]\n', encoding="utf-8")

    def pack(base: Rulebook) -> Rulebook:
        return base.with_file(bad)

    registry.add("icy", pack)
    with pytest.raises(RuleError) as caught:
        plugins.apply_packs(default_rulebook(), ["icy"])
    assert str(caught.value) == (
        f"rule pack 'icy' failed: LexiconError: {bad}: titles[0]: 'czar' is not a valid Role"
    )
    assert isinstance(caught.value.__cause__, LexiconError)


@pytest.mark.parametrize(
    ("returned", "shown"), [({}, "a dict"), (None, "a NoneType"), ("rules", "a str")]
)
def test_a_pack_must_return_a_rulebook(registry: Registry, returned: Any, shown: str) -> None:
    registry.add("bad", lambda base: returned)
    with pytest.raises(RuleError) as caught:
        plugins.apply_packs(default_rulebook(), ["bad"])
    assert str(caught.value) == f"rule pack 'bad' returned {shown}, not a Rulebook"


def test_a_pack_that_cannot_be_imported_is_named(registry: Registry) -> None:
    registry.add("gone", ModuleNotFoundError("No module named 'fake_packs'"))
    with pytest.raises(RuleError) as caught:
        plugins.apply_packs(default_rulebook(), ["gone"])
    assert str(caught.value) == (
        "rule pack 'gone' (fake_packs:gone) failed to load: "
        "ModuleNotFoundError: No module named 'fake_packs'"
    )


def test_a_pack_that_is_not_callable_is_named(registry: Registry) -> None:
    registry.add("number", 42)
    with pytest.raises(RuleError) as caught:
        plugins.load_pack("number")
    assert str(caught.value) == (
        "rule pack 'number' (fake_packs:number) is not callable (got int); "
        "expected rulepack(base: Rulebook) -> Rulebook"
    )


def test_two_distributions_with_one_pack_name_conflict(registry: Registry) -> None:
    registry.add("ice", envoy_pack, dist_name="ice-a", version="1.0")
    registry.add("ice", ambassador_pack, dist_name="ice-b", version="2.0")
    assert plugins.available() == {"ice": "ice-a 1.0 + ice-b 2.0"}
    with pytest.raises(RuleError) as caught:
        plugins.apply_packs(default_rulebook(), ["ice"])
    assert str(caught.value) == (
        "rule pack 'ice' is provided by several distributions: ice-a 1.0, ice-b 2.0"
    )


# ----------------------------------------------------------------------------------------------
# The example pack, installed for real


def ensure_arctic() -> None:
    """
    Make sure examples/diplomodel-arctic is installed in this environment (installing it with
    hatchling, a test dependency, when it is not), and that diplomodel.plugins sees it.
    """
    try:
        importlib.metadata.distribution("diplomodel-arctic")
    except importlib.metadata.PackageNotFoundError:
        import hatchling  # noqa: F401  (the example's build backend; in the test extras)

        proc = subprocess.run(
            [
                sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
                "--no-build-isolation", "-e", str(EXAMPLE),
            ],
            capture_output=True,
            text=True,
            check=False,
        )  # fmt: skip
        assert proc.returncode == 0, proc.stdout + proc.stderr
        # The editable install is a .pth file, which this interpreter read before it existed.
        site.addsitedir(sysconfig.get_paths()["purelib"])
        importlib.invalidate_caches()
    plugins.refresh()


@pytest.fixture
def arctic() -> Iterator[None]:
    ensure_arctic()
    yield
    plugins.refresh()


def test_arctic_pack_is_discovered(arctic: None) -> None:
    assert plugins.available()["arctic"] == "diplomodel-arctic 0.1.0"
    pack = plugins.load_pack("arctic")
    assert pack.__module__ == "diplomodel_arctic"


def summary(parser: Parser, text: str) -> list[dict[str, Any]]:
    return [
        {
            "topics": [t.code for t in m.topics],
            "occasion": m.occasion.name if m.occasion else None,
            "occasion_org": m.occasion.org.acronym if m.occasion and m.occasion.org else None,
            "place": (m.place.name, m.place.country.alpha2) if m.place else None,
        }
        for m in parser.parse(text).meetings
    ]


def test_arctic_pack_changes_the_output_only_when_enabled(arctic: None) -> None:
    base = default_rulebook()
    enabled = Parser(plugins.apply_packs(base, ["arctic"]))
    assert default_rulebook() is base
    assert summary(enabled, ARCTIC) == [
        {
            "topics": ["culture_education", "arctic"],
            "occasion": "Arctic Council ministerial",
            "occasion_org": "AC",
            "place": ("Tromso", "NO"),
        }
    ]
    for disabled in (Parser(), Parser(base)):
        (meeting,) = summary(disabled, ARCTIC)
        assert "arctic" not in meeting["topics"]
        assert meeting["occasion_org"] is None
    # installed but not named: the module-level parse() is unchanged
    assert "arctic" not in json.dumps(diplomodel.parse(ARCTIC).to_dict())


def test_arctic_code_rule_adds_the_topic_with_evidence(arctic: None) -> None:
    enabled = Parser(plugins.apply_packs(default_rulebook(), ["arctic"]))
    assert [t.code for t in Parser().parse(ICE).meetings[0].topics] == ["trade"]
    (meeting,) = enabled.parse(ICE).meetings
    assert [t.code for t in meeting.topics] == ["trade", "arctic"]
    evidence = {e.code: [s.text for s in e.spans] for e in meeting.topic_evidence}
    assert evidence["arctic"] == ["icebreakers"]
    fired = [e for e in enabled.explain(ICE).to_dict()["events"] if e["event"] == "rule fired"]
    assert fired == [
        {"event": "rule fired", "rule": "arctic.icebreakers", "outcome": "meeting replaced"}
    ]
    assert ("arctic.icebreakers", "A meeting that mentions icebreakers is about the Arctic.") in (
        enabled.rulebook.describe()
    )


def test_arctic_pack_on_the_command_line(arctic: None, tmp_path: Path) -> None:
    article = tmp_path / "ice.txt"
    article.write_text(ICE, encoding="utf-8")

    def topics(*options: str) -> list[list[str]]:
        proc = subprocess.run(
            [sys.executable, "-m", "diplomodel", "parse", *options, str(article)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert proc.returncode == 0, proc.stderr
        return [m["topics"] for m in json.loads(proc.stdout)["meetings"]]

    assert topics() == [["trade"]]
    assert topics("--pack", "arctic") == [["trade", "arctic"]]
