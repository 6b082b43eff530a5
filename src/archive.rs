//! Archive mode (`check --each`): many story folders in one run. Lists the stories of an
//! archive folder (or reads a list of them), runs them in parallel on rayon's pool and hands
//! each result back in list order, so what is written does not depend on the thread count.
//!
//! Input: an archive folder, or story folders one per line. Output: the caller's result for
//! each story, passed to a sink in list order as soon as every story before it is done.

use crate::extract::Extractor;
use crate::ingest::Story;
use crate::rules::RuleSet;
use crate::{Analysis, analyze_with, languages};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::io::BufRead;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, mpsc};

/// Extractors shared by the stories of an archive, one per set of languages: building one
/// compiles its languages' patterns, which is most of a small story's time, and stories in
/// the same languages get the same extractor, so reusing it changes nothing in the output.
pub struct Extractors<'r> {
    rules: &'r RuleSet,
    built: Mutex<HashMap<Vec<String>, Arc<Extractor<'r>>>>,
}

impl<'r> Extractors<'r> {
    pub fn new(rules: &'r RuleSet) -> Extractors<'r> {
        Extractors {
            rules,
            built: Mutex::new(HashMap::new()),
        }
    }

    pub fn rules(&self) -> &'r RuleSet {
        self.rules
    }

    /// [`crate::analyze`], with the extractor for the story's languages built once.
    pub fn analyze(&self, story: Story) -> Analysis<'r> {
        let key: Vec<String> = languages(&story).into_iter().map(String::from).collect();
        let found = self
            .built
            .lock()
            .expect("no panic holds it")
            .get(&key)
            .cloned();
        let extractor = found.unwrap_or_else(|| {
            // Built outside the lock and without waiting on another thread's build: a rayon
            // worker waiting in the build's own parallel loop may pick up another story,
            // which must not block on this one. Two threads may build the same set once.
            let langs: Vec<&str> = key.iter().map(String::as_str).collect();
            let new = Arc::new(Extractor::for_languages(self.rules, &langs));
            let mut built = self.built.lock().expect("no panic holds it");
            built.entry(key).or_insert(new).clone()
        });
        analyze_with(story, self.rules, &extractor)
    }
}

/// The stories of an archive: its immediate subfolders, sorted by name. Hidden folders
/// (`.git`) and plain files are skipped; a symbolic link to a folder is a story.
pub fn list(archive: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut stories = Vec::new();
    for entry in std::fs::read_dir(archive)? {
        let entry = entry?;
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        if path.is_dir() {
            stories.push(path);
        }
    }
    // One parent, so sorting paths sorts names.
    stories.sort();
    Ok(stories)
}

/// Story folders given one per line (`--each -`), in the order given. Blank lines are
/// skipped; a line ending `\r\n` loses its `\r`. Lines must be UTF-8.
pub fn read_list(input: impl BufRead) -> std::io::Result<Vec<PathBuf>> {
    let mut stories = Vec::new();
    for line in input.lines() {
        let line = line?;
        let line = line.strip_suffix('\r').unwrap_or(&line);
        if !line.trim().is_empty() {
            stories.push(PathBuf::from(line));
        }
    }
    Ok(stories)
}

/// The name a story is reported under: its folder's name, as `ingest` gives it, so that a
/// story that cannot be read is named as it would have been.
pub fn story_name(dir: &Path) -> String {
    dir.canonicalize()
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().to_string()))
        .or_else(|| dir.file_name().map(|n| n.to_string_lossy().to_string()))
        .unwrap_or_else(|| dir.display().to_string())
}

/// Run `work` on every story in parallel (rayon's global pool, so `RAYON_NUM_THREADS`
/// applies) and pass each result with its index to `sink` in list order, each as soon as
/// all before it are done. When `sink` returns `Break` (a closed pipe) no further story is
/// started and `run` returns once those under way are done.
pub fn run<T, W, S>(stories: &[PathBuf], work: W, mut sink: S)
where
    T: Send,
    W: Fn(&Path) -> T + Sync,
    S: FnMut(usize, T) -> ControlFlow<()>,
{
    let stop = AtomicBool::new(false);
    let (tx, rx) = mpsc::channel();
    std::thread::scope(|scope| {
        let (stop, work) = (&stop, &work);
        scope.spawn(move || {
            stories
                .par_iter()
                .enumerate()
                .for_each_with(tx, |tx, (i, story)| {
                    if stop.load(Ordering::Relaxed) {
                        return;
                    }
                    // A send fails only when the sink has stopped listening.
                    let _ = tx.send((i, work(story)));
                });
        });
        // Results arrive in any order; hold each until its turn.
        let mut waiting = BTreeMap::new();
        let mut next = 0;
        for (i, result) in rx {
            waiting.insert(i, result);
            while let Some(result) = waiting.remove(&next) {
                if sink(next, result).is_break() {
                    stop.store(true, Ordering::Relaxed);
                    return;
                }
                next += 1;
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_list_order_whatever_finishes_first() {
        let stories: Vec<PathBuf> = (0..40).map(|i| PathBuf::from(i.to_string())).collect();
        let mut seen = Vec::new();
        run(
            &stories,
            |p| {
                let i: u64 = p.to_str().unwrap().parse().unwrap();
                // Early stories take longest, so later ones finish first.
                std::thread::sleep(std::time::Duration::from_millis(40 - i));
                i
            },
            |index, i| {
                assert_eq!(index as u64, i);
                seen.push(i);
                ControlFlow::Continue(())
            },
        );
        assert_eq!(seen, (0..40).collect::<Vec<u64>>());
    }

    #[test]
    fn a_break_stops_the_run() {
        let stories: Vec<PathBuf> = (0..1000).map(|i| PathBuf::from(i.to_string())).collect();
        let started = std::sync::atomic::AtomicUsize::new(0);
        let mut seen = 0;
        run(
            &stories,
            |_| {
                started.fetch_add(1, Ordering::Relaxed);
                std::thread::sleep(std::time::Duration::from_millis(1));
            },
            |_, ()| {
                seen += 1;
                if seen == 3 {
                    ControlFlow::Break(())
                } else {
                    ControlFlow::Continue(())
                }
            },
        );
        assert_eq!(seen, 3);
        assert!(started.load(Ordering::Relaxed) < 1000);
    }

    #[test]
    fn a_list_skips_blank_lines_and_carriage_returns() {
        let list = read_list("b/one\r\n\n  \na/two\n".as_bytes()).unwrap();
        assert_eq!(list, [PathBuf::from("b/one"), PathBuf::from("a/two")]);
    }

    #[test]
    fn an_archive_lists_visible_subfolders_by_name() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["b", "a", ".hidden", "c"] {
            std::fs::create_dir(dir.path().join(name)).unwrap();
        }
        std::fs::write(dir.path().join("README.md"), "not a story").unwrap();
        let names: Vec<String> = list(dir.path())
            .unwrap()
            .iter()
            .map(|p| story_name(p))
            .collect();
        assert_eq!(names, ["a", "b", "c"]);
    }
}
