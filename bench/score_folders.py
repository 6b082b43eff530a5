#!/usr/bin/env python3
"""Score every labelled story folder with one crosscheck binary, as the session notes quote.

usage: bench/score_folders.py BIN OUT_DIR [SET ...]
SET is a folder of story folders (default: tests/stories tests/holdout). For each folder it
writes OUT_DIR/<set>/<story>.json and a line of figures to OUT_DIR/<set>/scores.txt, then
prints one total per set: folders, found, mean verdict accuracy, conflicts reported, false
conflicts, labelled conflicts found (score.py's count) and "strict" (labelled conflicts whose
claim is a conflict over exactly the labelled files). Needs ../shared/tools/score.py.
Never read the held-out folders' misses: their totals only.
"""
import json, os, subprocess, sys, tomllib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "..", "shared", "tools"))
try:
    from score import claim_score, mention_score
except ImportError:
    sys.exit("score_folders.py: ../shared/tools/score.py not found beside the repository")


def score(report, expected):
    claims = report.get("claims", [])
    found = correct = hits = strict = 0
    matched = set()
    for e in expected:
        scored = [(claim_score(e, c), i) for i, c in enumerate(claims)]
        scored = [((s, per), i) for (s, per), i in scored if s > 0]
        if not scored:
            continue
        (_, per), best = max(scored, key=lambda t: (t[0][0], -t[1]))
        found += 1
        c = claims[best]
        need = {m["file"] for m in e["mentions"]}
        got = {m["file"] for m, x in zip(e["mentions"], per) if x >= 0.5}
        tms = c.get("mentions", [])
        purity = sum(any(mention_score(lm, tm) >= 0.5 for lm in e["mentions"]) for tm in tms) / max(len(tms), 1)
        ok = c["verdict"] == e["verdict"] and purity >= 0.5 and (e["verdict"] == "single-source" or got == need)
        correct += ok
        if e["verdict"] == "conflict" and c["verdict"] == "conflict" and purity >= 0.5:
            hits += 1
            matched.add(best)
            strict += ok
    tool = [i for i, c in enumerate(claims) if c["verdict"] == "conflict"]
    return dict(found=found, n=len(expected), acc=correct / max(len(expected), 1), reported=len(tool),
                false=len([i for i in tool if i not in matched]), hits=hits,
                nconf=sum(e["verdict"] == "conflict" for e in expected), strict=strict)


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    binary, out = sys.argv[1], sys.argv[2]
    sets = sys.argv[3:] or [os.path.join(ROOT, "tests/stories"), os.path.join(ROOT, "tests/holdout")]
    for folder in sets:
        name = os.path.basename(os.path.normpath(folder))
        os.makedirs(os.path.join(out, name), exist_ok=True)
        total = dict(found=0, n=0, acc=0.0, reported=0, false=0, hits=0, nconf=0, strict=0)
        k = 0
        with open(os.path.join(out, name, "scores.txt"), "w") as lines:
            for story in sorted(os.listdir(folder)):
                labels = os.path.join(folder, story, "expected.toml")
                if not os.path.exists(labels):
                    continue
                run = subprocess.run([binary, "check", os.path.join(folder, story), "--format", "json"],
                                     capture_output=True, text=True)
                with open(os.path.join(out, name, story + ".json"), "w") as f:
                    f.write(run.stdout)
                r = score(json.loads(run.stdout), tomllib.load(open(labels, "rb")).get("claim", []))
                lines.write(f"{story} found={r['found']}/{r['n']} acc={r['acc']:.2f} reported={r['reported']} "
                            f"false={r['false']} hits={r['hits']}/{r['nconf']} strict={r['strict']}\n")
                k += 1
                for key in total:
                    total[key] += r[key]
        print(f"{name}: folders={k} found={total['found']}/{total['n']} acc={total['acc'] / max(k, 1):.3f} "
              f"reported={total['reported']} false={total['false']} hits={total['hits']}/{total['nconf']} "
              f"strict={total['strict']}")


if __name__ == "__main__":
    main()
