//! Statements across articles: one person's words, told by two outlets in two languages,
//! are one claim though they share few words; what was said before an inverted attribution
//! ("…, sagte Hafenmeisterin Ingrid Valtersen") is the statement, not the speaker's name.
//! Fixture: tests/fixtures/one-speaker/ (a storm on fictional islands, en and de).

mod common;

use serde_json::Value;

/// A statement claim: its verdict and its mentions' (file, speaker, polarity).
type Statement = (String, Vec<(String, String, String)>);

/// The statement claims of the fixture.
fn statements() -> Vec<Statement> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/one-speaker");
    let text = |v: &Value| v.as_str().unwrap_or_default().to_string();
    common::statement_claims(dir)
        .iter()
        .map(|c| {
            let mentions = c["mentions"].as_array().expect("mentions");
            (
                text(&c["verdict"]),
                mentions
                    .iter()
                    .map(|m| (text(&m["file"]), text(&m["speaker"]), text(&m["polarity"])))
                    .collect(),
            )
        })
        .collect()
}

/// The claims whose mentions have a speaker ending in `name`.
fn of(name: &str) -> Vec<Statement> {
    statements()
        .into_iter()
        .filter(|(_, ms)| ms.iter().any(|(_, s, _)| s.ends_with(name)))
        .collect()
}

#[test]
fn one_persons_only_words_in_two_languages_are_one_agreement() {
    // "the ferries would keep sailing on their normal timetable" and "Die Fähren verkehren
    // weiter nach dem normalen Fahrplan, sagte Hafenmeisterin Ingrid Valtersen": a concept
    // (ships) and a word both begin alike ("normal") are all they share.
    let got = of("Valtersen");
    assert_eq!(got.len(), 1, "one claim: {got:?}");
    let (verdict, mentions) = &got[0];
    assert_eq!(verdict, "agreement", "{got:?}");
    let files: Vec<&str> = mentions.iter().map(|(f, _, _)| f.as_str()).collect();
    assert_eq!(files, ["01-island-post-en.txt", "02-nordwind-de.txt"]);
}

#[test]
fn a_speaker_with_two_statements_in_one_article_is_not_joined_by_name() {
    // The mayor says two things in the English article and one in the German, which shares
    // one concept (the island) with the second: which of the two the German gives, one
    // shared concept cannot say.
    let got = of("Rendal");
    assert_eq!(got.len(), 3, "three claims: {got:?}");
    assert!(
        got.iter()
            .all(|(v, ms)| v == "single-source" && ms.len() == 1),
        "{got:?}"
    );
}

#[test]
fn one_speaker_asserting_and_denying_with_few_words_shared_is_no_conflict() {
    // The engineer's words in one article, a denial by the engineer in the other: a concept
    // or two shared is too little to call it a conflict.
    let got = of("Oskarsen");
    assert_eq!(got.len(), 2, "two claims: {got:?}");
    assert!(got.iter().all(|(v, _)| v == "single-source"), "{got:?}");
}
