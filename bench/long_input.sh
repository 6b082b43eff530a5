#!/usr/bin/env bash
# bench/long_input.sh — the cost of pathological input against the same bytes as articles
# (issue 13, "linear time"): the first 5 MB of the generated 10k corpus as articles
# (`check --each`), as one file of one line (a site saved on one line: one article, one
# paragraph), and the first 10 MB as one line (for the growth from 5 to 10 MB).
#
#   bash bench/long_input.sh [SCRATCH]    # default: target/bench-long
#
# Prints wall seconds and peak RSS of each run and the ratios. Machines differ: read the
# ratios. The target is a one-line file within 10x the time of the same bytes as articles.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${SHARED:-$ROOT/../shared/bench}
SCRATCH=${1:-$ROOT/target/bench-long}
[ -d "$SHARED" ] || { echo "bench/long_input.sh: $SHARED is absent (the generator lives in ../shared/bench)" >&2; exit 2; }
mkdir -p "$SCRATCH"
cp "$SHARED/gen_corpus.py" "$SCRATCH/"
cd "$SCRATCH"
cargo build --release --quiet --manifest-path "$ROOT/Cargo.toml"
BIN=$ROOT/target/release/crosscheck
[ -d corpus-10k ] || python3 gen_corpus.py corpus-10k --articles 10000 --seed 1 >/dev/null
python3 - <<'PY'
import glob, os, shutil
files = sorted(glob.glob('corpus-10k/*/*.txt'))
texts, size = [], 0
for f in files:
    t = open(f, encoding='utf-8').read()
    texts.append((f, t))
    size += len(t.encode())
    if size > 10_000_000:
        break
line = ' '.join(t.replace('\n', ' ') for _, t in texts).encode()
for name, n in (('line-5mb', 5_000_000), ('line-10mb', 10_000_000)):
    os.makedirs(name, exist_ok=True)
    open(f'{name}/all.txt', 'wb').write(line[:n].decode('utf-8', 'ignore').encode())
shutil.rmtree('articles-5mb', ignore_errors=True)
size = 0
for f, t in texts:
    d = os.path.join('articles-5mb', os.path.basename(os.path.dirname(f)))
    os.makedirs(d, exist_ok=True)
    open(os.path.join(d, os.path.basename(f)), 'w', encoding='utf-8').write(t)
    size += len(t.encode())
    if size >= 5_000_000:
        break
PY
measure() {
  /usr/bin/time -f '%e %M' -o time.txt "$@" >/dev/null 2>&1 || true
  read -r wall kb < time.txt
  echo "$wall $((kb / 1024))"
}
read -r ea ra < <(measure "$BIN" check --each articles-5mb --format json)
read -r l5 r5 < <(measure "$BIN" check line-5mb --format json)
read -r l10 r10 < <(measure "$BIN" check line-10mb --format json)
printf '%-34s %8s %8s\n' "run" "wall s" "RSS MB"
printf '%-34s %8s %8s\n' "5 MB as articles (check --each)" "$ea" "$ra"
printf '%-34s %8s %8s\n' "5 MB on one line" "$l5" "$r5"
printf '%-34s %8s %8s\n' "10 MB on one line" "$l10" "$r10"
awk -v a="$ea" -v b="$l5" -v c="$l10" 'BEGIN {
  printf "one line / articles (5 MB): %.1fx (target <= 10x)\n", b / a
  printf "10 MB / 5 MB on one line:   %.1fx (linear: 2x)\n", c / b }'
