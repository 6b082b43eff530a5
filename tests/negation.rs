//! Negation (issue 13, item 4): a negated statement has the opposite polarity to the same
//! statement unnegated, and two voices on opposite sides are a conflict with a reason that
//! quotes the negation. Idioms ("not only"), negations in a subordinate clause, and two
//! negated reports are no conflict. Fixtures: tests/fixtures/negation/, one folder per case.

mod common;

/// The statement claims of a fixture folder: (verdict, reason, polarities).
fn statements(case: &str) -> Vec<(String, String, Vec<String>)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/negation/").to_string() + case;
    common::statement_claims(&dir)
        .iter()
        .map(|c| {
            (
                c["verdict"].as_str().unwrap().to_string(),
                c["reason"].as_str().unwrap().to_string(),
                c["mentions"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|m| m["polarity"].as_str().unwrap().to_string())
                    .collect(),
            )
        })
        .collect()
}

fn conflict(case: &str, reason: &str) {
    let st = statements(case);
    assert_eq!(st.len(), 1, "{case}: one statement claim: {st:?}");
    let (verdict, got, polarities) = &st[0];
    assert_eq!(verdict, "conflict", "{case}: {st:?}");
    assert_eq!(got, reason, "{case}");
    assert_eq!(polarities, &["asserts", "denies"], "{case}");
}

fn no_conflict(case: &str, verdict: &str, reason: &str) {
    let st = statements(case);
    assert_eq!(st.len(), 1, "{case}: one statement claim: {st:?}");
    assert_eq!(
        (st[0].0.as_str(), st[0].1.as_str()),
        (verdict, reason),
        "{case}"
    );
}

#[test]
fn english_had_not_worked_contradicts_had_worked() {
    conflict(
        "en",
        "Officials (a.txt) says it; Officials (b.txt) says it is not so (\"had not worked\")",
    );
}

#[test]
fn german_nicht() {
    conflict(
        "de",
        "Feuerwehr (a.txt) says it; Feuerwehr (b.txt) says it is not so (\"Abend nicht funktioniert\")",
    );
}

#[test]
fn french_ne_pas() {
    conflict(
        "fr",
        "Marc Dubois says it; Claire Fontaine says it is not so (\"l'entrepôt n'avaient pas fonctionné\")",
    );
}

#[test]
fn spanish_no() {
    conflict(
        "es",
        "Carlos Medina says it; Lucía Ortega says it is not so (\"almacén no funcionaron\")",
    );
}

#[test]
fn russian_ne() {
    conflict(
        "ru",
        "Спасатели (a.txt) says it; Спасатели (b.txt) says it is not so (\"склада не сработала\")",
    );
}

#[test]
fn indonesian_tidak() {
    conflict(
        "id",
        "Petugas (a.txt) says it; Petugas (b.txt) says it is not so (\"gudang tidak berfungsi\")",
    );
}

#[test]
fn not_only_is_no_negation() {
    no_conflict("not-only", "agreement", "Officials all assert");
}

#[test]
fn a_negation_in_a_subordinate_clause_is_not_the_claims() {
    no_conflict("subordinate", "agreement", "Officials all assert");
}

#[test]
fn two_negated_reports_agree() {
    no_conflict("both-negated", "agreement", "Officials all deny");
}
