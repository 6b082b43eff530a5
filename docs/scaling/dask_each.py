#!/usr/bin/env python3
"""Run `crosscheck check --each` over an archive in shards on Dask's distributed scheduler.

    python dask_each.py ARCHIVE_DIR OUTPUT.jsonl [--crosscheck BIN] [--workers N]
                        [--shard-stories K] [--threads T] [--scheduler ADDRESS]

Stories are independent, so the archive shards by story: its story folders are listed as
`check --each ARCHIVE_DIR` lists them (immediate subfolders, hidden ones skipped, sorted by
name as bytes), cut into contiguous shards of K stories, and each shard is one Dask task
that runs `crosscheck check --each - --format json --output PART` with the shard's folders
on stdin. The parts are joined in shard order into OUTPUT, so OUTPUT is byte for byte what
one `crosscheck check --each ARCHIVE_DIR --format json` writes.

Without --scheduler a LocalCluster of N worker processes (one thread each) runs here; with
--scheduler tcp://HOST:PORT the shards go to an existing cluster, whose workers must see the
archive, the binary and OUTPUT's folder at the same paths (a shared file system).

Exit status as crosscheck's: 2 if any story could not be checked (it is reported in its
line, as in one run), else 0. Warnings and errors of the shards go to stderr in shard order.
"""
import argparse
import os
import shutil
import subprocess
import sys


def list_stories(archive):
    """The story folders of ARCHIVE as `check --each ARCHIVE` lists them (src/archive.rs)."""
    names = []
    with os.scandir(archive) as entries:
        for entry in entries:
            if entry.name.startswith("."):
                continue
            # is_dir() follows a symbolic link, as Rust's Path::is_dir does.
            if entry.is_dir():
                names.append(entry.name)
    # Rust sorts the paths' bytes; sort the names' bytes likewise.
    names.sort(key=os.fsencode)
    stories = [os.path.join(archive, name) for name in names]
    for path in stories:
        # `--each -` reads one UTF-8 path per line.
        if "\n" in path or "\r" in path:
            sys.exit(f"dask_each.py: {path!r}: a story folder whose name has a line break "
                     "cannot be listed on stdin; rename it")
        try:
            path.encode("utf-8")
        except UnicodeEncodeError:
            sys.exit(f"dask_each.py: {path!r}: a story folder whose name is not UTF-8 "
                     "cannot be listed on stdin; rename it")
    return stories


def shards(stories, size):
    """Contiguous runs of `size` stories: joined in order they keep folder order."""
    return [stories[i:i + size] for i in range(0, len(stories), size)]


def run_shard(crosscheck, stories, part, threads):
    """One Dask task: check a shard's stories in one crosscheck process, writing PART.

    Returns (exit code, stderr). Exit 2 means some story could not be checked; it is in
    its line all the same. Any other failure raises, so Dask reports it."""
    env = dict(os.environ, RAYON_NUM_THREADS=str(threads))
    done = subprocess.run(
        [crosscheck, "check", "--each", "-", "--format", "json", "--output", part],
        input="".join(s + "\n" for s in stories).encode("utf-8"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        check=False,
    )
    stderr = done.stderr.decode("utf-8", "replace")
    if done.returncode not in (0, 2) or not os.path.exists(part):
        raise RuntimeError(f"{crosscheck} exited {done.returncode} on a shard of "
                           f"{len(stories)} stories from {stories[0]}:\n{stderr}")
    return done.returncode, stderr


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("archive")
    ap.add_argument("output")
    ap.add_argument("--crosscheck", default=shutil.which("crosscheck") or "crosscheck",
                    help="the crosscheck binary (default: the one on PATH)")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                    help="LocalCluster worker processes (default: one per core)")
    ap.add_argument("--shard-stories", type=int, default=64,
                    help="stories per shard (default 64)")
    ap.add_argument("--threads", type=int, default=1,
                    help="RAYON_NUM_THREADS of each crosscheck process (default 1)")
    ap.add_argument("--scheduler", help="address of an existing Dask scheduler")
    args = ap.parse_args()

    crosscheck = shutil.which(args.crosscheck) or args.crosscheck
    crosscheck = os.path.abspath(crosscheck)
    if not os.access(crosscheck, os.X_OK):
        sys.exit(f"dask_each.py: {crosscheck}: no crosscheck binary there (use --crosscheck)")
    stories = list_stories(args.archive)
    if not stories:
        sys.exit(f"dask_each.py: {args.archive}: no story folders")
    groups = shards(stories, max(1, args.shard_stories))

    # Parts beside OUTPUT, so the workers write where the client reads.
    output = os.path.abspath(args.output)
    parts_dir = output + ".parts"
    shutil.rmtree(parts_dir, ignore_errors=True)
    os.makedirs(parts_dir)
    parts = [os.path.join(parts_dir, f"part-{i:06d}.jsonl") for i in range(len(groups))]

    from dask.distributed import Client, LocalCluster

    if args.scheduler:
        client, cluster = Client(args.scheduler), None
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1,
                               processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        futures = client.map(run_shard, [crosscheck] * len(groups), groups, parts,
                             [args.threads] * len(groups), pure=False)
        results = client.gather(futures)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

    # Join the parts in shard order, then put the whole file in place at once.
    tmp = output + ".tmp"
    with open(tmp, "wb") as out:
        for part in parts:
            with open(part, "rb") as f:
                shutil.copyfileobj(f, out)
    os.replace(tmp, output)
    shutil.rmtree(parts_dir)

    code = 0
    for rc, stderr in results:
        sys.stderr.write(stderr)
        code = max(code, rc)
    print(f"dask_each.py: {len(stories)} stories in {len(groups)} shards -> {args.output}",
          file=sys.stderr)
    return code


if __name__ == "__main__":
    sys.exit(main())
