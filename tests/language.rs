//! Language detection without a manifest (issue 10): whatlang names a language without a
//! pack, and an article too short to tell is read with the folder's most common language.

use crosscheck::ingest::{self, Detected, identify_language};
use crosscheck::rules;

fn set() -> rules::RuleSet {
    rules::load(&rules::default_sources()).expect("rules")
}

#[test]
fn a_language_without_a_pack_is_named() {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/no-pack/b-mk.txt"),
    )
    .unwrap();
    assert_eq!(
        identify_language(&text, &set()),
        Detected::NoPack("mk".into())
    );
}

#[test]
fn too_short_to_tell_is_read_with_the_folders_language() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    write(
        "a.txt",
        "Floods in the valley\n\nAt least 12 people were killed when the river burst its banks on Tuesday, the regional governor said.\n",
    );
    write(
        "b.txt",
        "River toll rises\n\nThe number of dead from the floods has risen to 14, rescue teams said on Wednesday after a night of searching.\n",
    );
    write("c.txt", "Floods: 14 dead.\n");
    let set = set();
    let story = ingest::ingest(dir.path(), None, &set).expect("story");
    let c = story.articles.iter().find(|a| a.file == "c.txt").unwrap();
    assert_eq!(c.language, "en");
    assert!(
        story
            .warnings
            .iter()
            .any(|w| w == "c.txt: language not recognised; read as 'en', the folder's most common"),
        "{:?}",
        story.warnings
    );
}

#[test]
fn a_macedonian_article_without_a_manifest_warns_and_the_rest_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let mk = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/no-pack/b-mk.txt"),
    )
    .unwrap();
    std::fs::write(dir.path().join("b-mk.txt"), mk).unwrap();
    std::fs::write(
        dir.path().join("a-en.txt"),
        "Floods in the valley\n\nAt least 12 people were killed when the river burst its banks on Tuesday, the regional governor said.\n",
    )
    .unwrap();
    let set = set();
    let story = ingest::ingest(dir.path(), None, &set).expect("story");
    assert_eq!(story.articles.len(), 2);
    assert!(
        story
            .warnings
            .iter()
            .any(|w| w.starts_with("b-mk.txt: no rule pack for language 'mk' (detected)")),
        "{:?}",
        story.warnings
    );
}

/// Short sentences whose stop words tie between two packs ("die" and "in" are German and
/// English): the words each pack's lexicon knows decide, and whatlang's trigrams (which
/// read the first as German) only break a tie that remains.
#[test]
fn a_short_sentence_is_read_by_the_words_its_pack_knows() {
    let set = set();
    for (text, want) in [
        ("30 die in a bus collision in Uganda.", "en"),
        ("Bei dem Unfall in Uganda starben 30 Menschen.", "de"),
        ("Au moins 30 personnes sont mortes dans la collision.", "fr"),
    ] {
        assert_eq!(
            identify_language(text, &set),
            Detected::Pack(want.into()),
            "{text}"
        );
    }
}
