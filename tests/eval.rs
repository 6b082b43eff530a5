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

/// The seed story as a user meets it: the five files and no manifest. Publication dates
/// are assumed from the articles' own dates and their twins' (issue 10); the article that
/// gives no date at all is dated by the office-holders it names (2017), so its visit stays
/// apart from the 2022 one and is found.
#[test]
fn seed_story_without_manifest_scores() {
    let dir = root().join("../shared/stories/iran-russia");
    if !dir.is_dir() {
        eprintln!(
            "SKIPPED seed_story_without_manifest_scores: {} is absent",
            dir.display()
        );
        return;
    }
    let set = rules::load(&rules::default_sources()).expect("rules");
    let labels = eval::read_labels(&dir.join("expected.toml")).expect("labels");
    let story = ingest::ingest(&dir, None, &set).expect("story");
    let analysis = analyze(story, &set);
    let e = eval::evaluate(&analysis, &labels);
    let correct = e.results.iter().filter(|r| r.correct).count();
    let found = e.results.iter().filter(|r| r.claim.is_some()).count();
    let acc = correct as f64 / labels.len() as f64;
    assert!(e.false_conflicts.is_empty(), "{:?}", e.false_conflicts);
    assert_eq!(found, labels.len(), "every labelled claim is found");
    assert!(acc >= 0.95, "verdict accuracy {acc:.2}");
    // Putin's 19 July 2022 visit: the Indonesian article's full date and the English one's
    // "in July" (its year assumed from its twin) are one agreement.
    let visit = e
        .results
        .iter()
        .find(|r| r.label.id == "putin-tehran-2022-07")
        .expect("labelled");
    assert!(
        visit.correct,
        "the visit is an agreement: {:?}",
        visit.claim
    );
    // Each assumed date is a warning with its reason.
    let assumed: Vec<&String> = analysis
        .story
        .warnings
        .iter()
        .filter(|w| w.contains("assumed ("))
        .collect();
    assert!(
        assumed
            .iter()
            .any(|w| w.starts_with("001_") && w.contains("published 2022-08")),
        "{assumed:?}"
    );
    // The article that gives no date at all is dated by the office-holders it names.
    assert!(
        assumed.iter().any(|w| w.starts_with("002_")
            && w.contains("published 2017 assumed")
            && w.contains("office-holders")),
        "{assumed:?}"
    );
}

/// Our own labelled folders: no false conflict, and found / accuracy at least as measured.
fn assert_floor(story: &str, min_found: usize, min_acc: f64) {
    assert_floor_known(story, min_found, min_acc, 0);
}

/// As `assert_floor`, for a folder whose false conflicts are known and not yet fixed: no
/// more than `known` of them.
fn assert_floor_known(story: &str, min_found: usize, min_acc: f64, known: usize) {
    let (acc, false_conflicts, found, n) = score(&root().join("tests/stories").join(story), None);
    assert!(
        false_conflicts <= known,
        "{story}: {false_conflicts} false conflicts (known: {known})"
    );
    assert!(found >= min_found, "{story}: found {found}/{n}");
    assert!(acc >= min_acc, "{story}: verdict accuracy {acc:.2}");
}

#[test]
fn train_collision_scores() {
    // 0.90 since the fifteenth stop: "Vaishnaw said on Sunday the board had recommended"
    // against "recommended on Monday" is no longer a conflict (the day something was told
    // never contradicts the day of an event); the folder labels it a judgement call.
    assert_floor("train-collision", 20, 0.89);
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
    assert_floor("fr-fire", 23, 0.45);
}

#[test]
fn es_quake_scores() {
    // 22, not 23: Lasso's ruling out of tax rises ("El jefe del Estado descartó …") was found
    // only with a wrong speaker ("Armada", a navy the lexicon knows, taken for a name).
    assert_floor("es-quake", 22, 0.50);
}

#[test]
fn fr_economy_scores() {
    assert_floor("fr-economy", 22, 0.54);
}

#[test]
fn ru_space_scores() {
    assert_floor("ru-space", 20, 0.58);
}

#[test]
fn gdl_strike_de_scores() {
    // 18 found since "sagte der Gewerkschaftschef" is Claus Weselsky (the last speaker), not
    // a speaker of its own: his two statements now meet, and one label finds no claim of
    // its own (accuracy unchanged). 0.60 since clock durations (ninth stop): "von 38 auf 35
    // Stunden" is PT35H, which the label's count 35 ("35-Stunden-Woche") does not meet.
    assert_floor("gdl-strike-de", 19, 0.59);
}

// Batch A's and batch B's held-out folders, tuned since f171b61 (first sight in
// tests/stories/FIRST_SIGHT.md). Known false conflicts: es-election's election date (the
// day results were presented read as the election's), id-transport's two search-day dates,
// ru-de-security's injury toll and missile count (another place's and an earlier strike's figures),
// sport-final's arrests (this scorer reads one more false conflict there than score.py).

#[test]
fn court_fr_de_scores() {
    assert_floor("court-fr-de", 22, 0.33);
}

#[test]
fn es_election_scores() {
    assert_floor("es-election", 24, 0.62);
}

#[test]
fn es_protest_scores() {
    // Stop 46: one known false conflict. The government's balance "past ten at night" and
    // its power figure "at seven in the evening" are times of the strike's day, so both
    // join the strike's claim, and they differ.
    assert_floor_known("es-protest", 21, 0.38, 1);
}

#[test]
fn id_health_scores() {
    // Since "nearly" is a little under its figure (not anything under it), the groups of
    // the catch-all shift and one more figure meets a look-alike: "55 patients" reported in
    // the capital and "enough to treat 200 patients".
    assert_floor_known("id-health", 22, 0.47, 1);
}

#[test]
fn id_transport_scores() {
    assert_floor_known("id-transport", 22, 0.45, 1);
}

#[test]
fn ru_de_security_scores() {
    assert_floor_known("ru-de-security", 21, 0.34, 2);
}

#[test]
fn ru_summit_scores() {
    assert_floor("ru-summit", 23, 0.62);
}

#[test]
fn sport_final_scores() {
    assert_floor_known("sport-final", 23, 0.41, 1);
}

/// The held-out folders (written to measure, not to tune on): no false conflict is the only
/// floor; their accuracy is reported in the session notes.
#[test]
fn holdout_folders_have_no_false_conflict() {
    let story = "maui-wildfire-en";
    let (_, false_conflicts, _, _) = score(&root().join("tests/holdout").join(story), None);
    assert_eq!(false_conflicts, 0, "{story}: no false conflict");
}

// Floors raised on 2026-12-04 (fifth stop) to the figures measured after this stop's
// changes (derailment, es-election, fr-fire, gdl-strike-de, glacier-collapse, plant-closures,
// referendum, ru-summit), a hundredth below where the figure rounds up.

// Batch F, tuned since 35c543f (first sight in tests/stories/FIRST_SIGHT.md). Known false
// conflicts: dengue-wave's tolls of different months, years and places read as one toll
// and a child's age taken for a count (two left; a total "since January" read as January's
// is gone); labour-strike's two towns' crowds. (The
// lander read as landing a week late, "Sabtu (20/1)" taken as the last Saturday before
// publication, is gone: the digits now say which day.) The in-process scorer
// reads drone-strike at 0.52 and labour-strike at 20 found, 0.55 (score.py: 0.57; 21, 0.59).

// A denial that points back at "the reporting" takes the statement before it (the central
// bank governor's), not the newspaper's report two paragraphs up: two single-source
// statements become one conflict (0.58 -> 0.50), and two labelled conflicts are found.
#[test]
fn corporate_collapse_scores() {
    assert_floor("corporate-collapse", 24, 0.50);
}

#[test]
fn dengue_wave_scores() {
    assert_floor_known("dengue-wave", 21, 0.37, 2);
}

#[test]
fn drone_strike_scores() {
    // "Moscow insists it hit a legitimate target. Mr. Zelensky rejected that account": a
    // true conflict, which the scorer counts false because the labelled claim's best match
    // is another claim (the Russian and German reports of the meeting).
    assert_floor_known("drone-strike", 21, 0.52, 1);
}

#[test]
fn labour_strike_scores() {
    assert_floor_known("labour-strike", 20, 0.54, 1);
}

#[test]
fn landslide_scores() {
    // 0.28 and one known false conflict since the twenty-sixth stop, when events' days
    // became one event only a day apart (event_window_days = 1): the letter's 27 May no
    // longer meets the 25th, and the 25th and 26th of two other events now meet.
    assert_floor_known("landslide", 18, 0.28, 1);
}

#[test]
fn space_landing_scores() {
    assert_floor_known("space-landing", 20, 0.45, 0);
}

// Batch J, tuned since 077d6ee (first sight on a0546e7 in tests/stories/FIRST_SIGHT.md).
// Known false conflict: chile-wildfires' rising toll (64 on Sunday morning, 99 that
// afternoon), which this folder labels as two claims where most folders label one conflict.
// The in-process scorer reads glacier-collapse at 0.46 (score.py: 0.50).

#[test]
fn chile_wildfires_scores() {
    assert_floor_known("chile-wildfires", 24, 0.37, 1);
}

#[test]
fn derailment_scores() {
    assert_floor("derailment", 22, 0.52);
}

#[test]
fn gdpr_fine_scores() {
    assert_floor("gdpr-fine", 24, 0.58);
}

#[test]
fn glacier_collapse_scores() {
    assert_floor_known("glacier-collapse", 22, 0.50, 1);
}

#[test]
fn plant_closures_scores() {
    assert_floor("plant-closures", 23, 0.37);
}

#[test]
fn referendum_scores() {
    assert_floor("referendum", 23, 0.37);
}

// Batch L, tuned since the sixth stop of 2026-12-04 (first sight on ca47bac in
// tests/stories/FIRST_SIGHT.md). Known false conflicts: french-election's election dated the 7th in
// one article and the 8th in another, and its left alliance's 180 and 182 seats,
// which the folder labels as agreement within 5%; valencia-dana's and wayanad-landslide's
// one each, not yet read. The in-process scorer reads galaxy-leader at 21 found and
// 0.33, and wayanad-landslide at 0.54 (score.py: 22, 0.42; 0.58).

#[test]
fn boeing_strike_scores() {
    assert_floor("boeing-strike", 24, 0.65);
}

#[test]
fn french_election_scores() {
    assert_floor_known("french-election", 24, 0.56, 2);
}

// "IDF membantah klaim tersebut" points back at the sentence before it, which is not the
// claim the IDF denied: one false conflict, named with both speakers.
#[test]
fn galaxy_leader_scores() {
    assert_floor_known("galaxy-leader", 21, 0.33, 1);
}

#[test]
fn mercosur_deal_scores() {
    // Lowered in the sixteenth stop: catch-all names spelt as name keys ("Peskow" and
    // "Peskov" alike) raise the held-out folders (accuracy +0.003, a false conflict fewer) and
    // leave the tuned ones level in sum, but join here a value the labels keep apart.
    // Lowered again in the twenty-second stop: "60,000 European companies" now counts
    // companies (a word the lexicon does not know qualifies the counted word after it),
    // and the Spanish "60.000 firmas" counts @signature ("firmas" is both), so the two no
    // longer meet.
    // 0.45 since the twenty-fourth stop: the Hilton quota's 20% duty, told in one article,
    // meets another article's 20% for cars (a figure given once in each of two articles
    // and by no other claim is taken for one fact).
    assert_floor("mercosur-deal", 22, 0.45);
}

#[test]
fn valencia_dana_scores() {
    assert_floor_known("valencia-dana", 22, 0.41, 0);
}

// Two of wayanad-landslide's three are right: Amit Shah's warning and Pinarayi Vijayan's
// denial in one article (id, then de), counted false because the label's one claim spans four
// articles and each article's pair is a claim of its own.
#[test]
fn wayanad_landslide_scores() {
    // A fourth since stop 52: each report's only rainfall, 572 mm in 48 hours against 372 mm
    // in 24 hours.
    assert_floor_known("wayanad-landslide", 23, 0.53, 4);
}

// Batch N, tuned since the eighth stop of 2026-12-05 (first sight on 0e05657 in
// tests/stories/FIRST_SIGHT.md). Known false conflicts: it-outage's statements of two
// different propositions (Delta's chief blaming the update, CrowdStrike's lawyer rejecting
// negligence) and its flight cancellations of three different scopes (Delta's, worldwide on
// one day, Delta's over five days); la-wildfires' two days on which evacuation counts were
// given; marburg-rwanda's growing case and death counts (36, 58, 66 cases a week apart, each
// labelled a claim of its own), the 51 recovered read as deaths beside "tingkat kematian",
// and a second consignment of doses against the total. The in-process scorer reads
// it-outage at 21 found (score.py: 22).

#[test]
fn assad_fall_scores() {
    // 22 found since "a million" is a count; 0.39 since subject concepts join the
    // Kremlin's and Assad's statements across languages, taking one single-source
    // statement into the agreement of two others.
    assert_floor("assad-fall", 22, 0.39);
}

#[test]
fn door_plug_scores() {
    assert_floor("door-plug", 23, 0.6);
}

#[test]
fn it_outage_scores() {
    assert_floor_known("it-outage", 21, 0.34, 2);
}

#[test]
fn la_wildfires_scores() {
    assert_floor_known("la-wildfires", 23, 0.5, 1);
}

#[test]
fn marburg_rwanda_scores() {
    // Lowered in the sixteenth stop: catch-all names spelt as name keys ("Peskow" and
    // "Peskov" alike) raise the held-out folders (accuracy +0.003, a false conflict fewer) and
    // leave the tuned ones level in sum, but join here a value the labels keep apart.
    assert_floor_known("marburg-rwanda", 23, 0.38, 5);
}

#[test]
fn martial_law_kr_scores() {
    assert_floor("martial-law-kr", 24, 0.53);
}

// Batch O, tuned since the ninth stop of 2026-12-05 (first sight on ea7e0ad in
// tests/stories/FIRST_SIGHT.md). Known false conflicts: storm-boris's Czech dead ("the Czech
// Republic three") read as its missing ("at least four"); tibet-quake's overnight lows
// (-16 °C and -18 °C, told as two forecasts).

#[test]
fn alaska_summit_scores() {
    assert_floor("alaska-summit", 20, 0.34);
}

#[test]
fn euro_final_scores() {
    // One known false conflict since stop 52: Southgate's words in two reports are one
    // statement, so the labelled dispute no longer falls on a claim of one article (UEFA's
    // words against a denial of another matter), which counts as false.
    assert_floor_known("euro-final", 22, 0.49, 1);
}

#[test]
fn nikkei_crash_scores() {
    // One known false conflict since stop 47: with "Nikkei 225" a known name in every
    // language, the headline's fall of "more than 4,400 points" in one session meets a
    // German report's "mehr als 900 Punkte" lost at the opening two days later (two floors).
    // A second since stop 52: each report's only amount in won, the Kospi's 192 trillion
    // against the Kospi's and Kosdaq's 235 trillion.
    assert_floor_known("nikkei-crash", 22, 0.41, 2);
}

#[test]
fn romania_annulled_scores() {
    assert_floor("romania-annulled", 24, 0.49);
}

#[test]
fn storm_boris_scores() {
    assert_floor("storm-boris", 20, 0.32);
}

#[test]
fn tibet_quake_scores() {
    // Since "nearly" is a little under its figure (not anything under it), the groups of
    // the catch-all shift and one more figure meets a look-alike: aftershocks "stronger than
    // magnitude 3.0" against the strongest, 4.4.
    // A third since stop 52: each report's only altitude, "above 4,000 meters" (read as
    // 4,000, not as a floor) against "about 4,500 metres".
    assert_floor_known("tibet-quake", 24, 0.66, 3);
}

// Batch P, tuned since f826ef7 (first sight in tests/stories/FIRST_SIGHT.md). Known false
// conflicts: herat-quake's tolls of three earthquakes read as one toll and two epicentres'
// distances as one; intel-cuts' Nasdaq fall against
// TSMC's; pager-blasts' tolls and dates of two waves of explosions; sri-lanka-vote's
// swearing-in day taken for the election's.
// The in-process scorer reads herat-quake at 0.46 (score.py: 0.50).

#[test]
fn carola_bridge_scores() {
    assert_floor("carola-bridge", 23, 0.37);
}

#[test]
fn herat_quake_scores() {
    assert_floor_known("herat-quake", 23, 0.50, 3);
}

#[test]
fn intel_cuts_scores() {
    assert_floor_known("intel-cuts", 23, 0.45, 1);
}

#[test]
fn notre_dame_reopens_scores() {
    assert_floor("notre-dame-reopens", 21, 0.41);
}

// The fourth is a right conflict (the BAC founder against the firm's denial, in the German
// article) that the labels count once, through the French article's claim.
#[test]
fn pager_blasts_scores() {
    // Since "nearly" is a little under its figure (not anything under it), the groups of
    // the catch-all shift and one more figure meets a look-alike: two and three children.
    assert_floor_known("pager-blasts", 22, 0.20, 5);
}

#[test]
fn sri_lanka_vote_scores() {
    assert_floor_known("sri-lanka-vote", 23, 0.53, 1);
}

// Batch Q, tuned since 63e1744 (first sight in tests/stories/FIRST_SIGHT.md). Known false
// conflict: novi-sad-canopy's end of the search (2 November) against a court hearing (19
// November) as one catch-all date. (potomac-collision's 28 figure skaters "parmi les morts"
// and its 60 passengers after "67 personnes ont péri :", read as tolls, are gone.)

#[test]
fn deepseek_selloff_scores() {
    // Lowered in the sixteenth stop: catch-all names spelt as name keys ("Peskow" and
    // "Peskov" alike) raise the held-out folders (accuracy +0.003, a false conflict fewer) and
    // leave the tuned ones level in sum, but join here a value the labels keep apart.
    // 0.29 since stop 52: a speaker's only statements in the German and Russian reports are
    // one claim, which the labels score against two other claims of theirs.
    assert_floor("deepseek-selloff", 23, 0.29);
}

#[test]
fn le_pen_verdict_scores() {
    assert_floor("le-pen-verdict", 21, 0.34);
}

#[test]
fn mayotte_chido_scores() {
    assert_floor("mayotte-chido", 22, 0.49);
}

#[test]
fn mexico_election_scores() {
    // 0.50 since the sixteenth stop: with the completed speech cues, Sheinbaum's rivals'
    // complaints in two languages join one claim, which reads as an agreement (its denial
    // is not found), where they were two single-source claims.
    assert_floor("mexico-election", 23, 0.49);
}

#[test]
fn novi_sad_canopy_scores() {
    assert_floor_known("novi-sad-canopy", 22, 0.49, 1);
}

#[test]
fn potomac_collision_scores() {
    assert_floor("potomac-collision", 22, 0.45);
}

// Batch R (twelfth stop), tuned after its first-sight run.

#[test]
fn aktau_crash_scores() {
    assert_floor("aktau-crash", 24, 0.62);
}

#[test]
fn change6_return_scores() {
    assert_floor("change6-return", 22, 0.45);
}

#[test]
fn georgia_election_scores() {
    assert_floor("georgia-election", 23, 0.45);
}

#[test]
fn magdeburg_attack_scores() {
    assert_floor_known("magdeburg-attack", 24, 0.45, 1);
}

#[test]
fn pelicot_verdict_scores() {
    assert_floor("pelicot-verdict", 23, 0.33);
}

#[test]
fn rio_grande_floods_scores() {
    assert_floor("rio-grande-floods", 21, 0.62);
}

// Batch S (twelfth stop), tuned after its first-sight run.

#[test]
fn bangkok_tower_collapse_scores() {
    assert_floor_known("bangkok-tower-collapse", 21, 0.29, 3);
}

#[test]
fn bundestag_election_scores() {
    assert_floor_known("bundestag-election", 24, 0.37, 2);
}

#[test]
fn ecb_rate_cut_scores() {
    assert_floor_known("ecb-rate-cut", 24, 0.54, 1);
}

#[test]
fn hollywood_strike_deal_scores() {
    assert_floor_known("hollywood-strike-deal", 24, 0.37, 1);
}

// Its first-sight false conflict joined a warning's time (8:57) with the crash's (09.07)
// through "reported" and "menurut laporan": who tells a figure says nothing of its moment.
#[test]
fn jeju_air_crash_scores() {
    assert_floor("jeju-air-crash", 22, 0.41);
}

// Its first-sight false conflict was two times of day ("pukul 20.00 WITA", a count's
// cut-off; "gegen 0.30 Uhr", the eruption) joined through a day another article gave: two
// different times meet only by a link of their own.
#[test]
fn lewotobi_eruption_scores() {
    assert_floor("lewotobi-eruption", 23, 0.58);
}

// Batch T, tuned since the thirteenth stop of 2026-12-05 (first sight on 05b0b6e in
// tests/stories/FIRST_SIGHT.md; kocani-fire and titan-sub are held out). Known false
// conflicts: kerch-bridge's denial "В Киеве обвинения ФСБ отвергли" paired with the
// statement before it (Putin's, not the FSB's); turkey-runoff's turnout and vote share at
// two counts (85.24% and 85.72%, 52.14% and 52.18%), which the folder labels as agreement
// within 5%. Gone since first sight: kerch-bridge's blast dated "am Samstag vor einer Woche"
// as a week, turkey-runoff's run-off dated by the OSCE's "concluyó el lunes". The in-process scorer counts one
// false conflict in ever-given at 0.41, and 22 found in kerch-bridge (score.py: 0, 0.45; 23).

#[test]
fn ever_given_scores() {
    assert_floor_known("ever-given", 20, 0.40, 1);
}

#[test]
fn kenya_protests_scores() {
    assert_floor_known("kenya-protests", 20, 0.45, 1);
}

#[test]
fn kerch_bridge_scores() {
    assert_floor_known("kerch-bridge", 22, 0.28, 1);
}

#[test]
fn turkey_runoff_scores() {
    assert_floor_known("turkey-runoff", 25, 0.31, 2);
}

// Batch U, tuned since the thirteenth stop of 2026-12-05 (first sight on 2face67 in
// tests/stories/FIRST_SIGHT.md; starliner-stranded, ucl-final-2024 and wagner-mutiny are
// held out). Known false conflicts, not yet fixed: haneda-collision's coast guard deaths
// (five of six, read right since the first sight) joined with an earthquake's toll of more
// than 70 told in the same article, which also makes that agreement a conflict;
// otis-acapulco's insured losses joined with total damage, the storm's naming (Sunday) and
// the forecasters' Monday as one event, and two days the toll was raised read as the storm's
// date; svb-collapse's total assets against the assets a buyer took, and the insured deposit
// limit against the cost to the insurance fund. The in-process scorer counts 24 found in
// haneda-collision, at 0.33 (score.py: 26, 0.41).

#[test]
fn haneda_collision_scores() {
    assert_floor_known("haneda-collision", 24, 0.32, 1);
}

#[test]
fn otis_acapulco_scores() {
    assert_floor_known("otis-acapulco", 20, 0.32, 3);
}

#[test]
fn svb_collapse_scores() {
    assert_floor_known("svb-collapse", 24, 0.41, 2);
}

// Batches V and W, tuned since the fourteenth stop of 2026-12-05 (first sight in
// tests/stories/FIRST_SIGHT.md; cianjur-quake, karabakh-depot, voepass-crash, hualien-quake,
// marapi-eruption and okhmatdyt-strike are held out). Known false conflicts, not yet fixed:
// pension-strike-fr's Senate vote on one article (Thursday) and on the whole bill (Saturday)
// read as one approval, and the secondary teachers' strike share set against the primary
// teachers' share a union gave; pokhara-crash's 72 believed dead against 71 bodies found,
// and the crash time told beside another day (the inauguration on 1 January); southport-riots'
// attack on a mosque (30 July) and the stabbing (29 July) read as one attack, and the injured
// officers, children and police dogs read as one count.

#[test]
fn pension_strike_fr_scores() {
    // 0.46 since the twenty-second stop: "across the country" and "landesweit" now place the
    // 1.28 million marchers in France, so the national count (four articles agree) and the
    // Paris count (81,000, four agree) are two agreements; before, the two were one claim
    // whose 1.28 million against 81,000 happened to fall on the labelled Paris conflict
    // (police against the CGT's 700,000).
    assert_floor_known("pension-strike-fr", 23, 0.45, 2);
}

#[test]
fn pokhara_crash_scores() {
    // 0.48 since the fifteenth stop: with the article's place no longer given to an unplaced
    // toll, all four tolls meet in one claim, and the known 72-against-71 conflict takes it.
    assert_floor_known("pokhara-crash", 24, 0.47, 2);
}

#[test]
fn solingen_attack_scores() {
    assert_floor("solingen-attack", 19, 0.35);
}

#[test]
fn dutch_election_2023_scores() {
    // 0.40 since the eighteenth stop: "im Oberhaus"-style places are no speakers, and the
    // statement the scorer had matched to two labelled disputes (a columnist's career, told
    // as said by "Telegraaf", against Yeşilgöz's denial of a tactic) is gone; it was
    // neither dispute.
    assert_floor("dutch-election-2023", 23, 0.39);
}

#[test]
fn jablanica_floods_scores() {
    // Known false conflict since the twenty-second stop: the five "affected municipalities"
    // given emergency aid against the four "besonders betroffenen Gemeinden" whose
    // elections were postponed, now both counting municipalities.
    assert_floor_known("jablanica-floods", 19, 0.42, 1);
}

#[test]
fn southport_riots_scores() {
    assert_floor_known("southport-riots", 21, 0.24, 2);
}

// Batch X (fifteenth stop; first sight on 8fbc4b2 in tests/stories/FIRST_SIGHT.md), tuned
// since. Known false conflicts: kursk-incursion's 13 injured by debris in Kursk city against
// the 121 injured since the start, and 54 units of
// equipment against 32 tanks (bridged by "more than 20 armoured vehicles"); mannheim-ramming's
// two injured the rescuers tried to revive against the ten injured.

#[test]
fn kursk_incursion_scores() {
    assert_floor_known("kursk-incursion", 22, 0.49, 2);
}

#[test]
fn mannheim_ramming_scores() {
    assert_floor_known("mannheim-ramming", 19, 0.22, 1);
}

#[test]
fn sncf_sabotage_scores() {
    // The engine's scorer (src/eval.rs) gives 17 found and 0.18 here, score.py 18 and 0.23.
    assert_floor("sncf-sabotage", 17, 0.17);
}

// Batch Y (fifteenth stop; first sight on cf40d76 in tests/stories/FIRST_SIGHT.md), tuned
// from the next stop: floors at their first-sight figures, no false conflict.

#[test]
fn credit_suisse_rescue_scores() {
    // 0.40 since the sixteenth stop (francs are a currency, elided currencies, "über" after
    // a noun, a guarantee).
    // One known false conflict since stop 52: Keller-Sutter's denial, told in German and in
    // English, is now one statement (one speaker's only words in each article), so the
    // labelled dispute no longer falls on a claim of one article where Lehmann's words met
    // the Saudi bank's denial, which counts as false.
    assert_floor_known("credit-suisse-rescue", 25, 0.39, 1);
}

#[test]
fn sriwijaya_crash_scores() {
    // The aircraft's age is labelled a duration ("p26y"); ages are counts since the
    // sixteenth stop (52 of the 53 labelled ages are), so that label is no longer found.
    assert_floor("sriwijaya-crash", 24, 0.39);
}

#[test]
fn tempi_train_scores() {
    assert_floor_known("tempi-train", 24, 0.57, 1);
}

// Batch Z (sixteenth stop; first sight on 7f211a5 in tests/stories/FIRST_SIGHT.md), tuned
// from this stop. Known false conflict: kunar-quake's UN Women's warning joined to the
// ministry's rejection under the wrong speakers (its landslides of two aftershocks two days
// apart are apart since the magnitude words of German "der Stärke" and Russian "силу
// землетрясения" tell the two aftershocks apart).

#[test]
fn navalny_death_scores() {
    assert_floor("navalny-death", 25, 0.55);
}

#[test]
fn kunar_quake_scores() {
    // 0.62: the quake dated "вскоре после полуночи в понедельник" is an event of its own
    // day now (+1 conflict found); with the demonyms of every country the catch-all dates
    // and figures regroup, and an event claim takes the mention of a single-source
    // statement (the scorer's match, not a new error of a verdict).
    assert_floor_known("kunar-quake", 24, 0.57, 1);
}

#[test]
fn prigozhin_crash_scores() {
    // The in-process scorer reads the crash dated Wednesday and Thursday ("Putin spoke about
    // the crash for the first time on Thursday") as a false conflict and scores 0.39;
    // score.py matches that claim to the labelled take-off time conflict (0.43).
    assert_floor_known("prigozhin-crash", 23, 0.38, 1);
}

// Batch AA (sixteenth stop; first sight on b28b014 in tests/stories/FIRST_SIGHT.md), not
// tuned yet: floors at their first-sight figures, their false conflicts known.

#[test]
fn kamchatka_quake_scores() {
    // Known false conflicts: two, the second since stop 48 ("около 2,4 тыс." living in
    // Severo-Kurilsk against "rund 2.700" evacuated: two estimates that differ, linked as the
    // only counts of people beside the town's name).
    assert_floor_known("kamchatka-quake", 26, 0.30, 2);
}

#[test]
fn nepal_protests_scores() {
    assert_floor_known("nepal-protests", 22, 0.51, 1);
}

#[test]
fn taipo_fire_scores() {
    // 0.52 since Hong Kong dollars are a currency.
    assert_floor("taipo-fire", 25, 0.51);
}

// Batch AB (seventeenth stop; first sight on 4fefc97 in tests/stories/FIRST_SIGHT.md),
// tuned a little: floors at this stop's figures (the in-process scorer's; score.py reads
// thai-cambodia-clash at 0.48 with 4 false). Known false conflicts of thai-cambodia-clash:
// tolls of Thai civilians and of both sides read as one toll, and two statements of one side
// ("Cambodia" and "Phnom Penh") or a ministry ("Défense") set against each other.

#[test]
fn sumatra_floods_scores() {
    assert_floor_known("sumatra-floods", 21, 0.50, 2);
}

#[test]
fn angara_crash_scores() {
    assert_floor("angara-crash", 23, 0.39);
}

#[test]
fn thai_cambodia_clash_scores() {
    // Since "nearly" is a little under its figure (not anything under it), the groups of
    // the catch-all shift and one more figure meets a look-alike: four and eight border
    // points.
    // A denial that says more of its own now keeps its words, and one with few words of its
    // own may answer any recent statement: who fired first and the new mines fall apart
    // differently (0.39 -> 0.36).
    assert_floor_known("thai-cambodia-clash", 25, 0.36, 6);
}

// Batches AC and AD (eighteenth stop; first sight on 879171b and 04ff1ad in
// tests/stories/FIRST_SIGHT.md), tuned a little: floors at this stop's figures (the
// in-process scorer's; score.py reads spiderweb-drones with one false conflict, a denial of
// "these aircraft" destroyed set against the US officials' figure rather than Kyiv's).
// Known false conflicts: madagascar-coup's impeachment and takeover days (13 and 14
// October) read as one event's; pahalgam-attack's attack dated by a strike the day after
// ("observé mercredi une journée de fermeture pour dénoncer la tuerie"); pakistan-floods'
// Buner toll and the province's keyed alike (the gazetteer knows no Buner), the same for
// the injured, the helicopter crash dated by the day of mourning declared after it, and
// (since rupees are read in French too) two tranches of relief money, Rs500 million and
// "800 millions de roupies" on Monday, read as one sum.

#[test]
fn heathrow_fire_scores() {
    // 0.39 since the twenty-sixth stop: the English article tells of the fire on Thursday
    // night and of the one that shut Heathrow on Friday, so the two days are two fires, and
    // the labelled conflict (Thursday night against early Friday) is no longer reported.
    assert_floor("heathrow-fire", 22, 0.39);
}

#[test]
fn madagascar_coup_scores() {
    assert_floor_known("madagascar-coup", 23, 0.51, 1);
}

#[test]
fn spiderweb_drones_scores() {
    assert_floor("spiderweb-drones", 21, 0.49);
}

#[test]
fn ups_crash_scores() {
    assert_floor("ups-crash", 21, 0.35);
}

#[test]
fn pahalgam_attack_scores() {
    assert_floor_known("pahalgam-attack", 20, 0.57, 1);
}

#[test]
fn pakistan_floods_scores() {
    assert_floor_known("pakistan-floods", 23, 0.28, 4);
}

// Batch AE, tuned since e08cbf3 (first sight in tests/stories/FIRST_SIGHT.md). Known false
// conflict: bali-floods' statement of the airport's head against the governor's denial that
// land conversion caused the floods (two statements joined by their shared words); since
// German "Tod" counts as a death word, four dead in Nagekeo make places count, and the toll
// of the two islands (23) meets Bali's (14).

#[test]
fn bali_floods_scores() {
    assert_floor_known("bali-floods", 21, 0.40, 2);
}

#[test]
fn poland_drones_scores() {
    // 0.59 since stop 46: the hour Belarus began passing on its warnings (23:00) joins the
    // exercise's claim, which then agrees instead of standing alone. 0.54 since stop 47:
    // with finance-society.toml the three drones shot down (ru) and the four (de) share too
    // little context to link.
    assert_floor("poland-drones", 22, 0.54);
}

#[test]
fn sarkozy_prison_scores() {
    // One known false conflict since stop 52: each report's only area, a cell of about 11 m²
    // in one and 9 m² in another, which the labels pair with a third report instead.
    assert_floor_known("sarkozy-prison", 27, 0.29, 1);
}

// Batch AF, tuned since 60c1be5. Known false conflicts: gaza-flotilla's boardings (2
// October) against the day the last boat was stopped (3 October), and the 443 detained
// against the 161 who landed in Athens; pesantren-collapse's "at least 38" students missing
// against "more than 100" trapped; tanzania-election's police spokesman's statement joined
// with the foreign minister's denial of another one.

#[test]
fn gaza_flotilla_scores() {
    assert_floor_known("gaza-flotilla", 22, 0.44, 2);
}

#[test]
fn pesantren_collapse_scores() {
    assert_floor_known("pesantren-collapse", 24, 0.45, 2);
}

#[test]
fn tanzania_election_scores() {
    assert_floor_known("tanzania-election", 23, 0.51, 1);
}

// Batch AG, tuned since d76e775. Known false conflicts: toronto-delta-crash's two earlier
// crashes (the Potomac collision of 29 January and the Philadelphia ambulance jet of 31
// January, a town the gazetteer does not know) read as one crash told with two dates, and
// "one wing missing" against ten people missing in Alaska.

#[test]
fn toronto_delta_crash_scores() {
    assert_floor_known("toronto-delta-crash", 21, 0.49, 2);
}

#[test]
fn meal_poisoning_scores() {
    assert_floor("meal-poisoning", 22, 0.47);
}

#[test]
fn combs_verdict_scores() {
    assert_floor("combs-verdict", 25, 0.43);
}

// Batch AH, tuned since 7b9b49f. Known false conflicts: cholera-outbreak's toll of 2 January
// (595) against the thousand passed on 24 January, the 104 children against the thousand
// dead, and the case fatality rate of 3 January against that of 25 January;
// election-senegal's "tandis qu'Amadou Ba plafonnerait autour de 31 %" keyed to Faye, named
// first in the sentence, and "Le vainqueur annoncé, qui fête ce lundi ses 44 ans" read as the
// day the result was announced.

#[test]
fn air_show_crash_scores() {
    assert_floor("air-show-crash", 21, 0.51);
}

#[test]
fn cholera_outbreak_scores() {
    // And (since a denial may answer any recent statement whose words it shares) the WHO's
    // "new deliveries remain uncertain" against the ministry's denial of any shortage.
    assert_floor_known("cholera-outbreak", 21, 0.31, 4);
}

#[test]
fn election_senegal_scores() {
    assert_floor_known("election-senegal", 25, 0.35, 2);
}

// Batch AI, tuned since 7f757c8. Known false conflicts: istanbul-quake's 3.9 foreshock
// against a feared quake of 7 or more (the "könnte" too far from the 7), the 151
// taken to hospital against the 60 still treated the next morning, and the İzmit quake's
// toll of 1999 ("more than 17,000") against the 2023 quake's ("more than 50,000") in one
// Russian sentence; nvidia-value's GDPs of Germany, Spain and Indonesia (4.7, 1.7 and 1.4
// trillion dollars, each beside Nvidia's value) read as one figure.

#[test]
fn istanbul_quake_scores() {
    assert_floor_known("istanbul-quake", 21, 0.49, 3);
}

#[test]
fn uk_election_scores() {
    assert_floor("uk-election", 25, 0.35);
}

#[test]
fn nvidia_value_scores() {
    // Known false conflicts: three, two since stop 48, when two estimates that differ began
    // to conflict: Apple's "around $3.1 trillion" against Microsoft's "alrededor de 3,7
    // billones", and Microsoft's "about $3.75 trillion" against Nvidia's "rund 3,97
    // Billionen" (the sentence-initial company names are read as no names, so nothing
    // tells the owners apart).
    assert_floor_known("nvidia-value", 25, 0.51, 3);
}

// Batch AJ, tuned since 8123db6 (first sight in tests/stories/FIRST_SIGHT.md). Known false
// conflict: nord-stream's (not yet read).

#[test]
fn nord_stream_scores() {
    assert_floor_known("nord-stream", 21, 0.40, 1);
}

#[test]
fn china_eastern_crash_scores() {
    assert_floor("china-eastern-crash", 23, 0.37);
}

#[test]
fn semeru_eruption_scores() {
    assert_floor("semeru-eruption", 24, 0.40);
}

// Batch AK, tuned since b4490bf (first sight in tests/stories/FIRST_SIGHT.md). Known false
// conflicts: cyclone-freddy's Blantyre toll (158) against Malawi's (326 or more),
// ftx-collapse's 8 billion dollars (customer funds) against 1.8 billion (raised from
// investors).

#[test]
fn abe_shooting_scores() {
    assert_floor("abe-shooting", 24, 0.27);
}

#[test]
fn cyclone_freddy_scores() {
    assert_floor_known("cyclone-freddy", 24, 0.54, 1);
}

#[test]
fn ftx_collapse_scores() {
    assert_floor_known("ftx-collapse", 22, 0.25, 1);
}

// Held out until this stop, when their misses were read while checking a change (the
// German reportative "soll … haben"); tuned since. hamburg-stabbing's false conflict (the
// attack dated 22 May from the French "La veille de l'attaque") is gone: the day before an
// event the sentence does not date dates nothing.

#[test]
fn hamburg_stabbing_scores() {
    assert_floor("hamburg-stabbing", 26, 0.33);
}

#[test]
fn ferry_sinking_scores() {
    assert_floor("ferry-sinking", 19, 0.50);
}

// Batch AL, tuned since 89ceb1d (first sight in tests/stories/FIRST_SIGHT.md). Known false
// conflicts: greenpeace-verdict's Energy Transfer accusations (financed and led the
// protests) set against Greenpeace rejecting them, where the folder labels the denials an
// agreement of their own. (Cox's account of paid outsiders, said by "Transfer's lead
// lawyer" until the appositive ending with a title was skipped, is now the labelled
// conflict with Greenpeace denying it paid anyone for score.py; the in-process scorer
// matches that label to Cox's other statement and still counts two.)

#[test]
fn greenpeace_verdict_scores() {
    assert_floor_known("greenpeace-verdict", 22, 0.38, 2);
}

#[test]
fn vikram_lander_scores() {
    assert_floor("vikram-lander", 23, 0.49);
}

#[test]
fn northvolt_bankruptcy_scores() {
    assert_floor("northvolt-bankruptcy", 23, 0.60);
}

// Batch AM, tuned since b48138c (first sight in tests/stories/FIRST_SIGHT.md). Known false
// conflicts: venezuela-vote-2024's second CNE bulletin (59.97% turnout, 43.18% and
// 5,326,104 votes for González) set against the first one's figures, and the protests of
// 29 and 30 July read as one outbreak; vienna-attack's deserted streets on Tuesday set
// against the shooting's start told in Moscow time (a conversion in brackets).

#[test]
fn venezuela_vote_2024_scores() {
    assert_floor_known("venezuela-vote-2024", 25, 0.47, 4);
}

#[test]
fn hanoi_summit_scores() {
    assert_floor("hanoi-summit", 25, 0.35);
}

#[test]
fn vienna_attack_scores() {
    assert_floor_known("vienna-attack", 25, 0.51, 1);
}

// Batch AN, written and run at first sight at the end of the twenty-fourth stop (677a5ed;
// tests/stories/FIRST_SIGHT.md), not tuned yet: floors at their first-sight figures. Known
// false conflicts: stade-de-france-final-chaos's UEFA blaming fake tickets set against
// Liverpool rejecting it (labelled an agreement of the two accounts); hongkong-march's
// action of 16 and 17 June read as one; kirchner-vialidad's 2 and 8 in Buenos Aires
// (two different counts).

#[test]
fn stade_de_france_final_chaos_scores() {
    assert_floor_known("stade-de-france-final-chaos", 21, 0.56, 1);
}

#[test]
fn hongkong_march_scores() {
    // 0.30 since stop 52: Carrie Lam's only statements in the Spanish and English reports
    // are one claim; the labels want the Russian report in it too, and score another
    // speaker's lone statement against it.
    assert_floor_known("hongkong-march", 22, 0.30, 1);
}

#[test]
fn kirchner_vialidad_scores() {
    assert_floor_known("kirchner-vialidad", 22, 0.35, 1);
}

// Batch AO, written and run at first sight at the start of the twenty-fifth stop (1652cb3;
// tests/stories/FIRST_SIGHT.md); floors at this stop's figures. Known false conflict:
// cgt-strike-milei's Aerolíneas passengers (more than 17,000) against JetSmart's (more than
// 5,000), two airlines' counts.

#[test]
fn cgt_strike_milei_scores() {
    assert_floor_known("cgt-strike-milei", 25, 0.40, 1);
}

#[test]
fn snb_franc_cap_scores() {
    assert_floor("snb-franc-cap", 21, 0.41);
}

#[test]
fn congo_vote_2018_scores() {
    assert_floor("congo-vote-2018", 25, 0.36);
}

// Batch AP, written during the twenty-fifth stop and run at first sight on 741c988c (this
// stop's code before its review fixes; tests/stories/FIRST_SIGHT.md), not tuned yet:
// floors at their first-sight figures. Known false conflicts: mati-attica-fire's 187
// injured against 48 in hospital, and firefighters' days 25 and 26 July; thomas-cook-
// collapse's morning of the 23rd against the 25th.

#[test]
fn mati_attica_fire_scores() {
    assert_floor_known("mati-attica-fire", 21, 0.33, 2);
}

#[test]
fn cop29_baku_finance_scores() {
    assert_floor("cop29-baku-finance", 21, 0.33);
}

#[test]
fn thomas_cook_collapse_scores() {
    assert_floor_known("thomas-cook-collapse", 23, 0.34, 1);
}

// Batch AQ, written and run at first sight at the start of the twenty-sixth stop (923b3075;
// tests/stories/FIRST_SIGHT.md); floors at their first-sight figures. Known false conflicts:
// catalonia-referendum's 12 injured police officers against 893 injured people, the
// referendum law's days 6 and 7 September, and a statement pair; wirecard-collapse's arrest
// days 22 and 23 June (the labels' own conflict is Monday against Tuesday, scored on other
// mentions) and a statement pair.

#[test]
fn brumadinho_dam_scores() {
    assert_floor("brumadinho-dam", 21, 0.77);
}

#[test]
fn catalonia_referendum_scores() {
    assert_floor_known("catalonia-referendum", 23, 0.33, 3);
}

#[test]
fn wirecard_collapse_scores() {
    assert_floor_known("wirecard-collapse", 23, 0.56, 2);
}

// Batch AR, written in the middle of the twenty-sixth stop and run at first sight on e5258ffd
// (tests/stories/FIRST_SIGHT.md); floors at their first-sight figures. Known false
// conflicts: germanwings-9525's six crew members against the two pilots; rana-plaza's 112
// dead of the first day against at least 377 later.

#[test]
fn germanwings_9525_scores() {
    // 0.48 since stop 46: the take-off times (10:00 against 9.55) are found in conflict,
    // but in the crash's claim, so its date label is scored wrong.
    assert_floor_known("germanwings-9525", 25, 0.48, 1);
}

#[test]
fn rana_plaza_scores() {
    assert_floor_known("rana-plaza", 24, 0.50, 1);
}

#[test]
fn ara_san_juan_scores() {
    assert_floor("ara-san-juan", 23, 0.43);
}

// Batch AS, written and run at first sight at the start of the twenty-seventh stop
// (35a1ab8d; tests/stories/FIRST_SIGHT.md), and batch AT, written in the middle of it and run
// at first sight on ff338653; floors at this stop's figures. Known false conflicts:
// mh17-downing's 16 dead the fragments may hold against the toll of 298, the 193 Dutch dead
// against the 43 Malaysians, and a statement pair (Nalyvaichenko against Moscow);
// costa-concordia's five dead of the first days against eleven later.

#[test]
fn mh17_downing_scores() {
    assert_floor_known("mh17-downing", 25, 0.52, 3);
}

#[test]
fn vw_dieselgate_scores() {
    assert_floor("vw-dieselgate", 24, 0.70);
}

#[test]
fn chapecoense_crash_scores() {
    assert_floor("chapecoense-crash", 23, 0.56);
}

#[test]
fn costa_concordia_scores() {
    assert_floor_known("costa-concordia", 25, 0.56, 1);
}

#[test]
fn notre_dame_fire_scores() {
    assert_floor("notre-dame-fire", 22, 0.45);
}

#[test]
fn musk_twitter_deal_scores() {
    assert_floor("musk-twitter-deal", 22, 0.60);
}

// Stop 46: batch AU, run at first sight on ffbb163a (tests/stories/FIRST_SIGHT.md); floors
// at this stop's figures. Known false conflicts: chelyabinsk-meteor's statement pair (a
// party leader against Russia); sewol-ferry's toll of 29 on Saturday morning against 58 by
// Sunday evening, the "nearly 300" unaccounted for against 323 students, an incident of
// Saturday against one of Sunday, and the distress call's 8:58 against the sharp turn's
// 8:48; turkey-coup-attempt's statement pair (Mogherini against Erdoğan) and a television
// address's day against the next.

#[test]
fn chelyabinsk_meteor_scores() {
    assert_floor_known("chelyabinsk-meteor", 21, 0.39, 1);
}

#[test]
fn sewol_ferry_scores() {
    assert_floor_known("sewol-ferry", 25, 0.48, 4);
}

#[test]
fn turkey_coup_attempt_scores() {
    assert_floor_known("turkey-coup-attempt", 21, 0.45, 2);
}

// Stop 47: batch AV, run at first sight on 35ef8718 (tests/stories/FIRST_SIGHT.md); floors
// at this stop's figures.

#[test]
fn mh370_disappearance_scores() {
    assert_floor("mh370-disappearance", 23, 0.75);
}

#[test]
fn kursk_submarine_scores() {
    assert_floor("kursk-submarine", 21, 0.52);
}

#[test]
fn lehman_bankruptcy_scores() {
    assert_floor("lehman-bankruptcy", 21, 0.54);
}

// Stop 48: batch AW, run at first sight on 4b6d6270 (tests/stories/FIRST_SIGHT.md); floors
// at this stop's figures. Known false conflicts in sayano-dam: a toll of the first day (12
// dead, 64 missing) against the toll five days later (69 dead, 6 missing), which its labels
// keep as two claims.

#[test]
fn sayano_dam_scores() {
    assert_floor_known("sayano-dam", 23, 0.52, 2);
}

#[test]
fn sunda_tsunami_scores() {
    assert_floor_known("sunda-tsunami", 22, 0.56, 1);
}

#[test]
fn higgs_boson_scores() {
    assert_floor("higgs-boson", 21, 0.52);
}

// Stop 49: batch AX, run at first sight on 1c6bf8fc (tests/stories/FIRST_SIGHT.md); floors
// at this stop's figures. Known false conflicts: in tohoku-tsunami, the day a toll was
// confirmed against the day a prefecture's was forecast (two told days, linked as one date);
// in brazil-germany-7-1, one number of two match scores against the Netherlands ("4-2 on
// penalties", "(0-3)"), read as counts and linked as one figure; in
// surabaya-bombings, the tolls of the churches, of the police headquarters and of the flat
// in Sidoarjo, keyed alike (no place tells them apart), in one claim of dead and one of
// injured.

#[test]
fn tohoku_tsunami_scores() {
    assert_floor_known("tohoku-tsunami", 23, 0.54, 2);
}

#[test]
fn brazil_germany_7_1_scores() {
    assert_floor_known("brazil-germany-7-1", 24, 0.54, 1);
}

#[test]
fn surabaya_bombings_scores() {
    assert_floor_known("surabaya-bombings", 24, 0.24, 2);
}

// Stop 50: batch AY, run at first sight on 57b37866 (tests/stories/FIRST_SIGHT.md); floors
// at this stop's figures. Known false conflicts: in argentina-default, the day S&P cut the
// rating and the day Fitch did (a day apart, one frame); in iran-nuclear-deal, the day the
// deal was reached and the Monday the Security Council endorsed it, read as the Monday
// before.
//
// Also at stop 50, a count more than five times another of the same key stands apart
// (`link::REVISION_FACTOR`, as catch-all values already did): the tolls of a village and of
// a province, or of two quakes, no longer make one conflict. The smaller tolls now meet each
// other, and where two articles give two of them differently that is a conflict of its own
// that the labels do not hold (glacier-collapse's 5 and 1 missing, herat-quake's 2 and 3
// dead of the second quake, tempi-train's 6 and 7 injured, sunda-tsunami's 30 and 16
// missing, pesantren-collapse's 3 and 5 dead); in sumatra-floods the province's tolls
// and the district's, and in tohoku-tsunami two of the rising tolls, each make a conflict
// apart from the one the label names (sumatra-floods 0.54 -> 0.50, sunda-tsunami 0.60 ->
// 0.56); magdeburg-attack's 41 injured in one hospital and kenya-protests' 13 and 39 dead
// meet likewise. Over the 171 tuned folders the change gives 1 false conflict fewer and 7
// labelled conflicts more; over the 140 held-out ones, 12 false conflicts fewer.

#[test]
fn wenchuan_quake_scores() {
    assert_floor("wenchuan-quake", 22, 0.52);
}

#[test]
fn argentina_default_scores() {
    assert_floor_known("argentina-default", 21, 0.57, 1);
}

#[test]
fn iran_nuclear_deal_scores() {
    assert_floor_known("iran-nuclear-deal", 23, 0.47, 1);
}

#[test]
fn morbi_bridge_collapse_scores() {
    assert_floor_known("morbi-bridge-collapse", 21, 0.52, 2);
}

#[test]
fn chauvin_verdict_scores() {
    assert_floor("chauvin-verdict", 22, 0.58);
}

#[test]
fn paris_climate_agreement_scores() {
    assert_floor("paris-climate-agreement", 24, 0.58);
}

// Batch BA, tuned since f4459125 (first sight on 960db34c in tests/stories/FIRST_SIGHT.md).
// Known false conflicts: nice-truck-attack's first toll of 80 dead against the later 84 (a
// revision the labels leave unlabelled), and nusantara-capital-law's 77 members who sat in
// the chamber against the 190 who followed the session by video link.
#[test]
fn nice_truck_attack_scores() {
    assert_floor_known("nice-truck-attack", 23, 0.45, 1);
}

#[test]
fn fukushima_water_release_scores() {
    assert_floor("fukushima-water-release", 20, 0.52);
}

#[test]
fn nusantara_capital_law_scores() {
    assert_floor_known("nusantara-capital-law", 27, 0.55, 1);
}

// Batch BB, tuned since 9365cb42 (first sight on 0095afbb in tests/stories/FIRST_SIGHT.md).
// argentina-imf-loan-2018's labels of the dollar's closing prices were written as bare
// numbers; they are amounts in pesos ("28.43 ARS"), as the brief asks. Known false conflicts
// in puebla-quake-2017: the day the president decreed mourning taken from the clause before
// it (the day he activated the emergency plan); a list of tolls by state ("94 in Mexico City,
// 71 in Morelos and 43 in Puebla") keyed by the first place, so that Morelos's toll meets the
// country's; the earlier Chiapas quake's "close to 100" dead told as background, against
// this quake's toll; and the church's 15 dead against the school's six adults.
#[test]
fn puebla_quake_2017_scores() {
    assert_floor_known("puebla-quake-2017", 24, 0.56, 4);
}

#[test]
fn thamrin_attack_2016_scores() {
    assert_floor("thamrin-attack-2016", 22, 0.45);
}

#[test]
fn argentina_imf_loan_2018_scores() {
    assert_floor("argentina-imf-loan-2018", 24, 0.64);
}
