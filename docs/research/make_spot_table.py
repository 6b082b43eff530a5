#!/usr/bin/env python3
"""Markdown spot-check table from out/spot.json (written by analyze.py)."""
import json

d = json.load(open("out/spot.json", encoding="utf-8"))
A = d["out/senses_nva_mwe.tsv"]["spot"]
T5 = d["out/senses_nva_mwe_top5.tsv"]["spot"]
T3 = d["out/senses_nva_mwe_top3.tsv"]["spot"]
S = d["out/senses_all.tsv"]["spot"]
L = ["fr", "es", "de", "ru", "id"]
print("| en (senses) | fr | es | de | ru | id |")
print("|---|---|---|---|---|---|")
for a, t5, t3, s in zip(A, T5, T3, S):
    cells = []
    for l in L:
        c = a[l]
        if c.startswith("NO"):
            cells.append("✗ " + c[4:].replace(" has no shared id", " (no shared id)"))
            continue
        mark = ""
        if s[l].startswith("NO"):
            mark += " ᵐ"
        if t5[l].startswith("NO"):
            mark += " ⁵"
        elif t3[l].startswith("NO"):
            mark += " ³"
        cells.append("✓ " + c + mark)
    print("| %s (%d) | %s |" % (a["en"], a["en_senses"], " | ".join(cells)))
