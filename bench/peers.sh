#!/usr/bin/env bash
# bench/peers.sh — crosscheck side by side with two peers, in one run, on one generated corpus:
# the ripgrep floor (one pass of the value patterns) and a Python dateparser + regex pipeline.
# Both peers and the corpus generator are ../shared/bench (copied to a scratch folder first).
#
#   bash bench/peers.sh [SCRATCH]        # default: target/bench-peers
#   PEERS_10K_PY=1 bash bench/peers.sh   # also the Python peer at 10k (about 200 s)
#
# Prints cold start, wall, MB/s, articles/s and peak RSS of `check --each` at 1k and 10k
# articles, the 1k -> 10k growth, one 1,000-article story against `--each` on the same
# articles, and ratios against the peers. Machines differ and are shared: read the ratios.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${SHARED:-$ROOT/../shared/bench}
SCRATCH=${1:-$ROOT/target/bench-peers}
[ -d "$SHARED" ] || { echo "bench/peers.sh: $SHARED is absent (the peers live in ../shared/bench)" >&2; exit 2; }
mkdir -p "$SCRATCH"
cp -r "$SHARED/." "$SCRATCH/"
chmod -R u+w "$SCRATCH"
cd "$SCRATCH"
bash ./setup.sh >/dev/null
cargo build --release --quiet --manifest-path "$ROOT/Cargo.toml"
BIN=$ROOT/target/release/crosscheck
[ -d corpus-1k ] || python3 gen_corpus.py corpus-1k --articles 1000 --seed 1 >/dev/null
[ -d corpus-10k ] || python3 gen_corpus.py corpus-10k --articles 10000 --seed 1 >/dev/null
# One story of the 1k corpus's articles (the files side by side, names kept apart).
if [ ! -d big-1k ]; then
  mkdir big-1k
  for d in corpus-1k/*/; do
    s=$(basename "$d")
    for f in "$d"*.txt; do cp "$f" "big-1k/$s-$(basename "$f")"; done
  done
fi

# wall seconds and peak RSS (MB) of one command, output discarded
measure() {
  /usr/bin/time -f '%e %M' -o time.txt "$@" >/dev/null 2>&1 || true
  read -r wall kb < time.txt
  echo "$wall $((kb / 1024))"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
mb() { du -sb "$1" | awk '{printf "%.2f", $1/1e6}'; }
arts() { find "$1" -name '*.txt' | wc -l; }

cold=$(for _ in 1 2 3 4 5 6 7; do measure "$BIN" check "$ROOT/examples/iran-russia" | cut -d' ' -f1; done | median)
read -r e1 r1 < <(measure "$BIN" check --each corpus-1k --format json)
read -r e10 r10 < <(measure "$BIN" check --each corpus-10k --format json)
read -r big rbig < <(measure "$BIN" check big-1k --format json)
read -r rg1 _ < <(measure ./rg_floor.sh corpus-1k 1)
read -r rg10 _ < <(measure ./rg_floor.sh corpus-10k 1)
read -r py1 pyr1 < <(measure .venv/bin/python py_peer.py corpus-1k)
py10=""
if [ "${PEERS_10K_PY:-0}" = 1 ]; then read -r py10 _ < <(measure .venv/bin/python py_peer.py corpus-10k); fi

m1=$(mb corpus-1k); m10=$(mb corpus-10k); a1=$(arts corpus-1k); a10=$(arts corpus-10k)
awk -v cold="$cold" -v e1="$e1" -v r1="$r1" -v e10="$e10" -v r10="$r10" -v big="$big" -v rbig="$rbig" \
    -v rg1="$rg1" -v rg10="$rg10" -v py1="$py1" -v pyr1="$pyr1" -v py10="$py10" \
    -v m1="$m1" -v m10="$m10" -v a1="$a1" -v a10="$a10" 'BEGIN {
  printf "cold start: check examples/iran-russia, median of 7        %8.3f s\n", cold
  printf "%-34s %9s %9s %11s %9s\n", "run", "wall s", "MB/s", "articles/s", "RSS MB"
  printf "%-34s %9.2f %9.2f %11.0f %9d\n", "crosscheck --each, 1k", e1, m1/e1, a1/e1, r1
  printf "%-34s %9.2f %9.2f %11.0f %9d\n", "crosscheck --each, 10k", e10, m10/e10, a10/e10, r10
  printf "%-34s %9.2f %9.2f %11.0f %9d\n", "crosscheck, 1k articles, one story", big, m1/big, a1/big, rbig
  printf "%-34s %9.2f %9.2f %11s %9s\n", "ripgrep floor, 1k", rg1, m1/rg1, "", ""
  printf "%-34s %9.2f %9.2f %11s %9s\n", "ripgrep floor, 10k", rg10, m10/rg10, "", ""
  printf "%-34s %9.2f %9.2f %11.0f %9d\n", "Python peer (dateparser), 1k", py1, m1/py1, a1/py1, pyr1
  if (py10 != "") printf "%-34s %9.2f %9.2f %11.0f %9s\n", "Python peer (dateparser), 10k", py10, m10/py10, a10/py10, ""
  print ""
  printf "Python peer / crosscheck --each at 1k:      %6.1fx  (issue 12: >= 20x)\n", py1/e1
  printf "crosscheck --each 10k / 1k:                  %6.1fx  (<= 11x)\n", e10/e1
  printf "one 1k-article story / --each on the same:   %6.1fx  (<= 3x)\n", big/e1
  printf "crosscheck --each / ripgrep floor at 1k:     %6.1fx\n", e1/rg1
  printf "peak RSS at 10k:                              %6d MB (< 1024)\n", r10
}'
