#!/usr/bin/env python3
"""Write rules/entities/world.toml: every country CLDR names, in en fr de es ru id, that the
hand-written gazetteer (rules/entities/*.toml) does not already list.

Usage: python3 tools/gen_countries.py CLDR_JSON_GIT_DIR > rules/entities/world.toml

CLDR_JSON_GIT_DIR is a clone (bare or not) of https://github.com/unicode-org/cldr-json; the
territory names come from cldr-localenames-full/main/<lang>/territories.json (Unicode
License v3). Russian names get their common case forms and German names the genitive -s, as
the gazetteer matches whole words exactly; these rules live here, in the generator, and
their output is data.
"""
import json, subprocess, sys, tomllib, glob, os

LANGS = ["en", "fr", "de", "es", "ru", "id"]
# Territories that are no country a story names as one, or whose name is mostly something
# else in running text (a first name, a US state).
SKIP_CODES = {"AQ", "BV", "HM", "UM", "TF", "IO", "CP", "DG", "EA", "IC", "AC", "TA", "XA", "XB",
              "ZZ", "EU", "EZ", "UN", "QO", "SJ", "PN", "CC", "CX", "NF", "GS", "BQ", "AX", "MF",
              "BL", "WF", "PM", "SH", "CQ", "JE", "GG", "RE",
              # Names that are mostly a first name or a US state in English text.
              "TD", "GE", "JO", "NE"}
SKIP_NAMES = {"en": {"Chad", "Jordan", "Georgia", "Turkey", "Niger"},
              "id": {"Chad", "Jordan"}, "de": {"Jordan"}, "es": {"Chad", "Mauricio"},
              "fr": {"Maurice"}, "ru": {"Того"}}


def load(git, lang):
    path = f"cldr-json/cldr-localenames-full/main/{lang}/territories.json"
    raw = subprocess.run(["git", f"--git-dir={git}", "show", f"HEAD:{path}"],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(raw)["main"][lang]["localeDisplayNames"]["territories"]


def ru_forms(name):
    if " " in name or "-" in name:
        return []
    if name.endswith("ия"):
        s = name[:-2]
        return [s + "ии", s + "ию", s + "ией"]
    if name.endswith("я"):
        s = name[:-1]
        return [s + "и", s + "е", s + "ю", s + "ей"]
    if name.endswith("а"):
        s = name[:-1]
        gen = s + ("и" if s[-1] in "гкхжшщч" else "ы")
        return [gen, s + "е", s + "у", s + "ой"]
    if name[-1] in "бвгджзклмнпрстфхцчшщ":
        return [name + "а", name + "у", name + "ом", name + "е"]
    return []


def de_forms(name):
    if " " in name or name[-1] in "sxzß":
        return []
    return [name + "s"]


def main():
    git = sys.argv[1]
    names = {lang: load(git, lang) for lang in LANGS}
    known = set()
    root = os.path.join(os.path.dirname(__file__), "..", "rules", "entities")
    for f in glob.glob(os.path.join(root, "*.toml")):
        if f.endswith("world.toml"):
            continue
        for e in tomllib.load(open(f, "rb")).get("entity", []):
            known.add(e["name"])
            known.update(e.get("aliases", []))
            for v in e.get("local", {}).values():
                known.update(v)
    print("# Every other country and territory, from the Unicode CLDR territory names (Unicode")
    print("# License v3, https://github.com/unicode-org/cldr-json), written by")
    print("# tools/gen_countries.py: do not edit by hand, edit the generator or add a hand-written")
    print("# entry to countries.toml (which then wins: this file skips what it lists).")
    print()
    codes = sorted(k for k in names["en"] if len(k) == 2 and k.isalpha() and k not in SKIP_CODES)
    for code in codes:
        spellings = {}
        for lang in LANGS:
            t = names[lang]
            vs = [t.get(code)] + [t[k] for k in t if k.startswith(code + "-alt-")]
            vs = [v for v in vs if v and " - " not in v and "(" not in v]
            spellings[lang] = [v for v in vs if v not in SKIP_NAMES.get(lang, set())]
        every = {v for vs in spellings.values() for v in vs}
        if every & known:
            continue
        en = names["en"].get(code, "")
        canonical = en if " - " not in en and "(" not in en else (spellings["en"] or [en])[0]
        # English spellings match in every language; the others only in their own ("Island",
        # German for Iceland, is no country in an English sentence).
        aliases = [v for v in spellings["en"] if v != canonical]
        local = {}
        for lang in LANGS[1:]:
            own = [v for v in spellings[lang] if v != canonical and v not in aliases]
            if lang == "ru" and spellings["ru"]:
                own += ru_forms(spellings["ru"][0])
            if lang == "de" and spellings["de"]:
                own += de_forms(spellings["de"][0])
            own = list(dict.fromkeys(own))
            if own:
                local[lang] = own
        if not canonical:
            continue
        print("[[entity]]")
        print(f"name = {json.dumps(canonical, ensure_ascii=False)}")
        print('type = "country"')
        print(f"aliases = {json.dumps(aliases, ensure_ascii=False)}")
        if local:
            inner = ", ".join(f"{k} = {json.dumps(v, ensure_ascii=False)}" for k, v in sorted(local.items()) if v)
            print(f"local = {{ {inner} }}")
        print()


main()
