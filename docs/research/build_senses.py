#!/usr/bin/env python3
"""Prototype: build a compact multilingual sense table for crosscheck.

Output: one TSV line per (language, lemma):

    lang<TAB>lemma<TAB>sense_id[,sense_id...]

* lang      one of en fr es de ru id
* lemma     lower-cased, '_' replaced by ' ', whitespace collapsed
* sense_id  a CILI interlingual index id (e.g. i35545), language neutral;
            ordered most-likely first (see RANKING below)

Sources (all openly licensed, see SENSES.md for the licence of each):

  en  Open English WordNet (YAML sources, CC BY 4.0; synsets carry ILI ids)
  fr  WOLF via OMW (CeCILL-C) + OMW Wiktionary-derived (CC BY-SA 3.0) + OMW CLDR
  es  MCR Spanish via OMW 1.2 (CC BY 3.0) + OMW Wiktionary + OMW CLDR
  de  OMW Wiktionary + OMW CLDR            (OdeNet not obtainable here)
  ru  OMW Wiktionary + OMW CLDR            (+ optional PAWN, MIT, automatic)
  id  Wordnet Bahasa via OMW (MIT) + OMW Wiktionary + OMW CLDR

Everything except OEWN is keyed by Princeton WordNet 3.0 offsets; these
are mapped to ILI ids with CILI's ili-map-pwn30.tab (CC BY 4.0).

RANKING of a lemma's senses (used by --top):
  en: SemCor tag count of the sense (PWN 3.0 index.sense, matched by
      sense key), then the lemma's total count in that part of speech,
      then OEWN's order within the part of speech.
  others: (number of independent sources attesting the lemma-concept link,
           source rank: hand-built wordnet < CLDR/Wiktionary < PAWN,
           -SemCor tag count of the concept in PWN 3.0,
           best position of the concept among the senses of its English
           lemmas in OEWN)
  i.e. a concept that is the first sense of some English word and is
  frequent in SemCor wins ties.

Usage:
  python3 build_senses.py [--data DIR] [--out FILE] [--top K] [--min-langs N]
                          [--pos nva] [--mwe] [--no-wikt] [--pawn]
                          [--stats FILE.json] [--defs FILE.tsv]

Defaults give the configuration recommended in SENSES.md: nouns, verbs and
adjectives, single-word lemmas (+ hyphen-less / ё-less aliases), at most 5
ranked senses per lemma, only sense ids attested in >= 2 languages.
"""

import argparse
import collections
import glob
import gzip
import json
import lzma
import os
import pickle
import re
import sys

LANGS = ["en", "fr", "es", "de", "ru", "id"]
ISO3 = {"en": "eng", "fr": "fra", "es": "spa", "de": "deu", "ru": "rus", "id": "ind"}

# source rank: lower is more trusted
SRC_WN, SRC_CLDR, SRC_WIKT, SRC_PAWN = 0, 1, 1, 2


def norm_lemma(s):
    s = s.replace("_", " ").strip().lower()
    s = re.sub(r"\s+", " ", s)
    return s


# --------------------------------------------------------------------------
# loaders

def load_cili(path):
    """PWN 3.0 offset-pos -> ILI id.  CILI writes satellites as -s, OMW as -a."""
    m = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            ili, off = line.rstrip("\n").split("\t")
            m[off] = ili
            if off.endswith("-s"):
                m[off[:-2] + "-a"] = ili
    return m


def load_pwn30_freq(pwn_dir):
    """Synset tag counts (SemCor) from PWN 3.0 index.sense: offset-pos -> count."""
    ss_pos = {"1": "n", "2": "v", "3": "a", "4": "r", "5": "s"}
    freq = collections.Counter()
    with open(os.path.join(pwn_dir, "index.sense"), encoding="utf-8") as f:
        for line in f:
            key, off, _senseno, cnt = line.split()
            pos = ss_pos[key.split("%")[1][0]]
            freq[off + "-" + pos] += int(cnt)
            if pos == "s":
                freq[off + "-a"] += int(cnt)
    return freq


def load_pwn30_sense_counts(pwn_dir):
    """Sense key -> SemCor tag count (PWN 3.0 index.sense).  OEWN keeps the
    PWN sense keys for inherited senses, so this ranks English senses."""
    counts = {}
    with open(os.path.join(pwn_dir, "index.sense"), encoding="utf-8") as f:
        for line in f:
            key, _off, _senseno, cnt = line.split()
            counts[key] = int(cnt)
    return counts


def load_pwn30_nltk_names(pwn_dir):
    """NLTK-style synset names (e.g. 'kill.v.01') -> PWN 3.0 offset-pos.

    NLTK names a synset after its first lemma and the position of the synset
    in that lemma's index.<pos> list.  Needed only for PAWN.
    """
    first_lemma = {}  # offset-pos(data) -> (lemma, ss_type)
    for pos in ("noun", "verb", "adj", "adv"):
        with open(os.path.join(pwn_dir, "data." + pos), encoding="latin-1") as f:
            for line in f:
                if line.startswith("  "):
                    continue
                parts = line.split()
                off, ss_type, lemma = parts[0], parts[2], parts[4]
                lemma = re.sub(r"\((a|p|ip)\)$", "", lemma).lower()
                first_lemma[(pos, off)] = (lemma, ss_type)
    index = {}
    for pos in ("noun", "verb", "adj", "adv"):
        with open(os.path.join(pwn_dir, "index." + pos), encoding="latin-1") as f:
            for line in f:
                if line.startswith("  "):
                    continue
                p = line.split()
                lemma, n_syn, n_ptr = p[0], int(p[2]), int(p[3])
                offs = p[4 + n_ptr + 2:]
                assert len(offs) == n_syn, line
                index[(pos, lemma)] = offs
    names = {}
    for (pos, off), (lemma, ss_type) in first_lemma.items():
        offs = index.get((pos, lemma))
        if not offs or off not in offs:
            continue
        name = "%s.%s.%02d" % (lemma, ss_type, offs.index(off) + 1)
        names[name] = off + "-" + ("a" if ss_type == "s" else ss_type)
    return names


def load_oewn(yaml_dir):
    """Open English WordNet YAML -> (lemma -> [(ili, pos, sense_key)] in file order,
    ili -> first definition)."""
    import yaml
    Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    syn_ili, defs = {}, {}
    for path in sorted(glob.glob(os.path.join(yaml_dir, "*.yaml"))):
        base = os.path.basename(path)
        if base.startswith(("noun.", "verb.", "adj.", "adv.")):
            with open(path, encoding="utf-8") as f:
                data = yaml.load(f, Loader=Loader)
            for sid, syn in data.items():
                ili = syn.get("ili")
                if ili and ili != "in":
                    syn_ili[sid] = ili
                    if syn.get("definition"):
                        defs[ili] = syn["definition"][0]
    lemmas = collections.OrderedDict()
    for path in sorted(glob.glob(os.path.join(yaml_dir, "entries-*.yaml"))):
        with open(path, encoding="utf-8") as f:
            data = yaml.load(f, Loader=Loader)
        for lemma, by_pos in data.items():
            for pos, entry in by_pos.items():
                for sense in entry.get("sense", []):
                    sid = sense["synset"]
                    ili = syn_ili.get(sid)
                    if ili:
                        lemmas.setdefault(str(lemma), []).append(
                            (ili, sid[-1], sense.get("id", "")))
    return lemmas, defs


def load_omw_tab(path):
    """OMW 1.x tab file -> iterator of (lemma, offset-pos)."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 3:
                continue
            off, typ, val = parts[0], parts[1], parts[2]
            if typ == "lemma" or typ.endswith(":lemma"):
                yield val, off


def load_pawn(path, nltk_names):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    miss = 0
    for word, names in data.items():
        for name in names:
            off = nltk_names.get(name)
            if off is None:
                miss += 1
                continue
            yield word, off
    if miss:
        print("  PAWN: %d synset names not resolved" % miss, file=sys.stderr)


# --------------------------------------------------------------------------

def build(args):
    d = args.data
    cili = load_cili(os.path.join(d, "cili", "ili-map-pwn30.tab"))
    freq = load_pwn30_freq(os.path.join(d, "pwn30"))
    ili_freq = collections.Counter()
    for off, c in freq.items():
        if off in cili and not off.endswith("-s"):
            ili_freq[cili[off]] += c

    print("loading OEWN ...", file=sys.stderr)
    cache = os.path.join(d, "oewn", ".parsed.pickle")
    ydir = os.path.join(d, "oewn", "yaml")
    newest = max(os.path.getmtime(p) for p in glob.glob(os.path.join(ydir, "*.yaml")))
    if os.path.exists(cache) and os.path.getmtime(cache) > newest:
        with open(cache, "rb") as f:
            en_lemmas, defs = pickle.load(f)
    else:
        en_lemmas, defs = load_oewn(ydir)
        with open(cache, "wb") as f:
            pickle.dump((en_lemmas, defs), f)

    # entries[lang][lemma][ili] = (src_rank, pos, order)
    entries = {l: collections.defaultdict(dict) for l in LANGS}
    raw_pairs = collections.Counter()
    ili_pos = {}

    def add(lang, lemma, ili, pos, src, order=0, source_name=""):
        lemma = norm_lemma(lemma)
        if not lemma:
            return
        raw_pairs[lang] += 1
        ili_pos.setdefault(ili, pos)
        cur = entries[lang][lemma].get(ili)
        if cur is None:
            entries[lang][lemma][ili] = (src, pos, order, frozenset([source_name]))
        else:
            best = min((src, order), (cur[0], cur[2]))
            entries[lang][lemma][ili] = (best[0], pos, best[1], cur[3] | {source_name})

    # English: OEWN.  Order a lemma's senses across parts of speech by the
    # SemCor count of the sense (PWN 3.0 sense key), then by the total count
    # of the lemma in that part of speech, then by OEWN's order in the POS.
    sense_cnt = load_pwn30_sense_counts(os.path.join(d, "pwn30"))
    en_best_rank = {}
    for lemma, senses in en_lemmas.items():
        pos_total = collections.Counter()
        for ili, pos, key in senses:
            pos_total["a" if pos == "s" else pos] += sense_cnt.get(key, 0)
        within = collections.Counter()
        keyed = []
        for ili, pos, key in senses:
            p = "a" if pos == "s" else pos
            keyed.append(((-sense_cnt.get(key, 0), -pos_total[p], within[p]), ili, pos))
            within[p] += 1
        keyed.sort(key=lambda x: x[0])
        for i, (_k, ili, pos) in enumerate(keyed):
            add("en", lemma, ili, pos, SRC_WN, i)
            if i < en_best_rank.get(ili, 1 << 30):
                en_best_rank[ili] = i

    omw = os.path.join(d, "omw", "wns")
    sources = {
        "fr": [("fra/wn-data-fra.tab", SRC_WN)],
        "es": [("mcr/wn-data-spa.omw12.tab", SRC_WN)],
        "de": [],
        "ru": [],
        "id": [("msa/wn-data-ind.tab", SRC_WN)],
    }
    for lang in sources:
        sources[lang].append(("cldr/wn-cldr-%s.tab" % ISO3[lang], SRC_CLDR))
        if not args.no_wikt:
            sources[lang].append(("wikt/wn-wikt-%s.tab" % ISO3[lang], SRC_WIKT))
    unmapped = collections.Counter()
    for lang, files in sources.items():
        for rel, src in files:
            path = os.path.join(omw, rel)
            for lemma, off in load_omw_tab(path):
                ili = cili.get(off)
                if ili is None:
                    unmapped[rel] += 1
                    continue
                add(lang, lemma, ili, off[-1], src, 0, rel)
    if args.pawn:
        print("loading PAWN ...", file=sys.stderr)
        names = load_pwn30_nltk_names(os.path.join(d, "pwn30"))
        for lang, fn in (("ru", "ru_data.json"), ("fr", "fr_data.json")):
            for lemma, off in load_pawn(os.path.join(d, "pawn", fn), names):
                ili = cili.get(off)
                if ili:
                    add(lang, lemma, ili, off[-1], SRC_PAWN, 0, "pawn")
    for rel, n in unmapped.items():
        print("  %s: %d rows without ILI mapping" % (rel, n), file=sys.stderr)

    # spelling variants: "cease-fire" is also indexed as "ceasefire",
    # Russian "полёт" also as "полет" (news text rarely writes ё)
    def aliases(lang, lemma):
        out = set()
        if not args.keep_hyphens and "-" in lemma and " " not in lemma:
            out.add(lemma.replace("-", ""))
        if lang == "ru" and "ё" in lemma:
            out.add(lemma.replace("ё", "е"))
        return out

    for lang in LANGS:
        for lemma, alias in [(x, a) for x in list(entries[lang]) for a in aliases(lang, x)]:
            for ili, v in entries[lang][lemma].items():
                cur = entries[lang][alias].get(ili)
                if cur is None:
                    entries[lang][alias][ili] = v
                else:
                    best = min((v[0], v[2]), (cur[0], cur[2]))
                    entries[lang][alias][ili] = (best[0], v[1], best[1], v[3] | cur[3])

    # filter, rank, write
    keep_pos = set(args.pos)
    if "a" in keep_pos:
        keep_pos.add("s")
    ili_langs = collections.defaultdict(set)
    if args.min_langs > 1:
        for lang in LANGS:
            for lemma, senses in entries[lang].items():
                if not args.mwe and " " in lemma:
                    continue
                for ili, v in senses.items():
                    if v[1] in keep_pos:
                        ili_langs[ili].add(lang)
    stats = {}
    opener = gzip.open if args.out.endswith(".gz") else open
    with opener(args.out, "wt", encoding="utf-8") as out:
        for lang in LANGS:
            n_lem = n_pairs = n_mono = 0
            for lemma in sorted(entries[lang]):
                if not args.mwe and " " in lemma:
                    continue
                senses = [(ili, v) for ili, v in entries[lang][lemma].items()
                          if v[1] in keep_pos and
                          (args.min_langs <= 1 or len(ili_langs[ili]) >= args.min_langs)]
                if not senses:
                    continue
                if lang == "en":
                    senses.sort(key=lambda x: (x[1][0], x[1][2]))
                else:
                    senses.sort(key=lambda x: (-len(x[1][3]), x[1][0],
                                               -ili_freq.get(x[0], 0),
                                               en_best_rank.get(x[0], 999), x[0]))
                if args.top:
                    senses = senses[: args.top]
                ids = [ili for ili, _ in senses]
                out.write("%s\t%s\t%s\n" % (lang, lemma, ",".join(ids)))
                n_lem += 1
                n_pairs += len(ids)
                n_mono += len(ids) == 1
            stats[lang] = {
                "lemmas": n_lem,
                "pairs": n_pairs,
                "senses_per_lemma": round(n_pairs / n_lem, 3) if n_lem else 0,
                "monosemous_share": round(n_mono / n_lem, 3) if n_lem else 0,
            }
    size = os.path.getsize(args.out)
    with open(args.out, "rb") as f:
        blob = f.read()
    if args.out.endswith(".gz"):
        blob = gzip.decompress(blob)
    stats["_file"] = {
        "path": args.out,
        "bytes": size,
        "gzip9_bytes": len(gzip.compress(blob, 9)),
        "xz_bytes": len(lzma.compress(blob, preset=9 | lzma.PRESET_EXTREME)),
        "options": {"top": args.top, "pos": args.pos, "mwe": args.mwe,
                    "min_langs": args.min_langs,
                    "wikt": not args.no_wikt, "pawn": args.pawn},
    }
    if args.stats:
        with open(args.stats, "w", encoding="utf-8") as f:
            json.dump(stats, f, indent=1, ensure_ascii=False)
    if args.defs:
        with open(args.defs, "w", encoding="utf-8") as f:
            for ili, df in sorted(defs.items(), key=lambda x: int(x[0][1:])):
                f.write("%s\t%s\n" % (ili, df))
    return stats


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--data", default=os.path.join(here, "data"))
    ap.add_argument("--out", default=os.path.join(here, "out", "senses.tsv"))
    ap.add_argument("--top", type=int, default=5,
                    help="keep the K best senses per lemma (0 = all; default 5)")
    ap.add_argument("--pos", default="nva", help="parts of speech to keep (n v a r)")
    ap.add_argument("--mwe", action="store_true", help="keep multi-word lemmas")
    ap.add_argument("--no-wikt", action="store_true", help="skip OMW Wiktionary-derived data")
    ap.add_argument("--pawn", action="store_true", help="add PAWN (automatic fr/ru, MIT)")
    ap.add_argument("--keep-hyphens", action="store_true",
                    help="do not add hyphen-less aliases (cease-fire -> ceasefire)")
    ap.add_argument("--min-langs", type=int, default=2,
                    help="drop sense ids attested in fewer than N languages "
                         "(default 2 = drop ids that cannot link two languages; 1 = keep all)")
    ap.add_argument("--stats", help="write statistics JSON here")
    ap.add_argument("--defs", help="write ILI<TAB>English definition here")
    args = ap.parse_args()
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    stats = build(args)
    json.dump(stats, sys.stdout, indent=1, ensure_ascii=False)
    print()


if __name__ == "__main__":
    main()
