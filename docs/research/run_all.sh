#!/bin/sh
# Rebuild every table variant measured in SENSES.md and print the figures.
set -e
cd "$(dirname "$0")"
B="python3 build_senses.py --top 0 --min-langs 1"
$B --pos nvar --mwe                 --out out/senses_raw_allpos_mwe.tsv --stats out/stats_raw.json >/dev/null
$B --pos nva  --mwe                 --out out/senses_nva_mwe.tsv        --stats out/stats_nva_mwe.json >/dev/null
$B --pos nva  --defs out/ili_defs_en.tsv --out out/senses_all.tsv       --stats out/stats_all.json >/dev/null
for k in 1 2 3 5; do
  $B --pos nva --top $k             --out out/senses_top$k.tsv          --stats out/stats_top$k.json >/dev/null
  $B --pos nva --mwe --top $k       --out out/senses_nva_mwe_top$k.tsv  --stats out/stats_nva_mwe_top$k.json >/dev/null
done
$B --pos nva --no-wikt              --out out/senses_nowikt.tsv         --stats out/stats_nowikt.json >/dev/null
$B --pos nva --pawn                 --out out/senses_pawn.tsv           --stats out/stats_pawn.json >/dev/null
$B --pos nva --mwe --pawn           --out out/senses_nva_mwe_pawn.tsv   --stats out/stats_nva_mwe_pawn.json >/dev/null
$B --pos nva --min-langs 2           --out out/senses_all_ml2.tsv        --stats out/stats_all_ml2.json >/dev/null
$B --pos nva --min-langs 2 --top 5   --out out/senses_top5_ml2.tsv       --stats out/stats_top5_ml2.json >/dev/null
$B --pos nva --min-langs 2 --mwe     --out out/senses_nva_mwe_ml2.tsv    --stats out/stats_nva_mwe_ml2.json >/dev/null
python3 build_senses.py --out out/senses.tsv --stats out/stats_default.json >/dev/null   # recommended defaults
python3 analyze.py out/senses_raw_allpos_mwe.tsv out/senses_nva_mwe.tsv out/senses_all.tsv \
  out/senses_top1.tsv out/senses_top2.tsv out/senses_top3.tsv out/senses_top5.tsv \
  out/senses_nowikt.tsv out/senses_pawn.tsv out/senses_all_ml2.tsv out/senses_top5_ml2.tsv \
  out/senses_nva_mwe_ml2.tsv out/senses.tsv --json out/figures.json > out/figures.txt
python3 analyze.py out/senses_nva_mwe.tsv out/senses_nva_mwe_top1.tsv out/senses_nva_mwe_top2.tsv \
  out/senses_nva_mwe_top3.tsv out/senses_nva_mwe_top5.tsv out/senses_nva_mwe_pawn.tsv \
  out/senses_nva_mwe_ml2.tsv out/senses_all.tsv out/senses_top5.tsv out/senses_top3.tsv \
  --spot --defs out/ili_defs_en.tsv --json out/spot.json > out/spot.txt
for f in out/stats_*.json; do
  python3 -c "import json,sys; d=json.load(open(sys.argv[1])); f=d['_file']; print(f['path'], f['bytes'], f['gzip9_bytes'], f['xz_bytes'])" "$f"
done > out/sizes.txt
cat out/sizes.txt
python3 coverage_frequent.py out/senses_all.tsv out/senses_top5.tsv out/senses_top3.tsv out/senses_top5_ml2.tsv > out/frequent_coverage.txt
cat out/frequent_coverage.txt
python3 make_spot_table.py > out/spot_table.md
