//! Measured accuracy on the labelled story folders: the seed story in ../shared (read in
//! place, with the manifest in tests/fixtures) and our own folders under tests/stories.
//! The floors below are the figures measured when they were set; a change that lowers
//! one, or that adds a false conflict, fails here.

use crosscheck::{analyze, eval, ingest, rules};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// (verdict accuracy, false conflicts, found, labels)
fn score(dir: &Path, manifest: Option<&Path>) -> (f64, usize, usize, usize) {
    let set = rules::load(&rules::default_sources()).expect("rules");
    let labels = eval::read_labels(&dir.join("expected.toml")).expect("labels");
    let story = ingest::ingest(dir, manifest, &set).expect("story");
    let analysis = analyze(story, &set);
    let e = eval::evaluate(&analysis, &labels);
    let correct = e.results.iter().filter(|r| r.correct).count();
    let found = e.results.iter().filter(|r| r.claim.is_some()).count();
    (
        correct as f64 / labels.len() as f64,
        e.false_conflicts.len(),
        found,
        labels.len(),
    )
}

#[test]
fn seed_story_scores() {
    let dir = root().join("../shared/stories/iran-russia");
    if !dir.is_dir() {
        eprintln!("SKIPPED seed_story_scores: {} is absent", dir.display());
        return;
    }
    let (acc, false_conflicts, found, n) = score(
        &dir,
        Some(&root().join("tests/fixtures/iran-russia.story.toml")),
    );
    assert_eq!(false_conflicts, 0);
    assert_eq!(found, n, "every labelled claim is found");
    assert!(acc >= 0.99, "verdict accuracy {acc:.2}");
}

/// Our own labelled folders: no false conflict, and found / accuracy at least as measured.
fn assert_floor(story: &str, min_found: usize, min_acc: f64) {
    let (acc, false_conflicts, found, n) = score(&root().join("tests/stories").join(story), None);
    assert_eq!(false_conflicts, 0, "{story}: no false conflict");
    assert!(found >= min_found, "{story}: found {found}/{n}");
    assert!(acc >= min_acc, "{story}: verdict accuracy {acc:.2}");
}

#[test]
fn train_collision_scores() {
    assert_floor("train-collision", 20, 0.95);
}

#[test]
fn company_results_scores() {
    assert_floor("company-results", 20, 0.95);
}

#[test]
fn crocus_attack_ru_scores() {
    assert_floor("crocus-attack-ru", 21, 0.77);
}

#[test]
fn flood_ahr_de_scores() {
    assert_floor("flood-ahr-de", 20, 0.85);
}

#[test]
fn kanjuruhan_id_scores() {
    assert_floor("kanjuruhan-id", 22, 0.76);
}

#[test]
fn fr_fire_scores() {
    assert_floor("fr-fire", 21, 0.45);
}

#[test]
fn es_quake_scores() {
    assert_floor("es-quake", 23, 0.5);
}

#[test]
fn fr_economy_scores() {
    assert_floor("fr-economy", 22, 0.54);
}

#[test]
fn ru_space_scores() {
    assert_floor("ru-space", 20, 0.45);
}

#[test]
fn gdl_strike_de_scores() {
    // 18 found since "sagte der Gewerkschaftschef" is Claus Weselsky (the last speaker), not
    // a speaker of its own: his two statements now meet, and one label finds no claim of
    // its own (accuracy unchanged).
    assert_floor("gdl-strike-de", 18, 0.65);
}

/// The held-out folders (written to measure, not to tune on): no false conflict is the only
/// floor; their accuracy is reported in the session notes.
#[test]
fn holdout_folders_have_no_false_conflict() {
    let story = "maui-wildfire-en";
    let (_, false_conflicts, _, _) = score(&root().join("tests/holdout").join(story), None);
    assert_eq!(false_conflicts, 0, "{story}: no false conflict");
}
