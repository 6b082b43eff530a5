#!/usr/bin/env python3
"""For the 2000 most frequent single-word English N/V/A lemmas in SemCor
(PWN 3.0 index.sense tag counts): in how many does at least one sense id
also carry a lemma in each other language?  Optimistic coverage proxy."""
import collections
import sys

cnt = collections.Counter()
for line in open("data/pwn30/index.sense"):
    key, off, sn, c = line.split()
    lemma, ss = key.split("%")[0], key.split("%")[1][0]
    if ss in "1235" and "_" not in lemma:
        cnt[lemma] += int(c)
top = [w for w, _ in cnt.most_common(2000)]
OTHER = ["fr", "es", "de", "ru", "id"]
for f in sys.argv[1:]:
    t = collections.defaultdict(dict)
    for line in open(f, encoding="utf-8"):
        l, lem, s = line.rstrip("\n").split("\t")
        t[l][lem] = s.split(",")
    ili_langs = collections.defaultdict(set)
    for l in t:
        for ids in t[l].values():
            for i in ids:
                ili_langs[i].add(l)
    res, n = collections.Counter(), 0
    for w in top:
        ids = t["en"].get(w)
        if not ids:
            continue
        n += 1
        ok = [l for l in OTHER if any(l in ili_langs[i] for i in ids)]
        for l in ok:
            res[l] += 1
        if len(ok) == 5:
            res["all5"] += 1
    print(f, "English lemmas present:", n,
          {k: "%d (%.0f%%)" % (v, 100.0 * v / n) for k, v in res.items()})
