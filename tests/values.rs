//! Catch-all values on a small fixture written for it (tests/fixtures/catch-all): an English
//! and a French report of one (fictional) airport opening. Values no frame reads still become
//! claims, and agree across languages by the concepts around them.

use crosscheck::{analyze, ingest, judge::Verdict, rules};
use std::collections::BTreeSet;
use std::path::PathBuf;

/// Each claim's verdict and its mentions' (file, value).
type Claims = Vec<(Verdict, Vec<(String, String)>)>;

fn report() -> Claims {
    report_of("catch-all")
}

fn report_of(fixture: &str) -> Claims {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(fixture);
    let set = rules::load(&rules::default_sources()).expect("rules");
    let story = ingest::ingest(&dir, None, &set).expect("story");
    let a = analyze(story, &set);
    a.claims
        .iter()
        .map(|j| {
            let ms = j
                .claim
                .mentions
                .iter()
                .map(|&i| (a.mentions[i].file.clone(), a.mentions[i].value_text()))
                .collect();
            (j.verdict, ms)
        })
        .collect()
}

/// The claim that has a mention of `value`.
fn claim_with<'c>(claims: &'c Claims, value: &str) -> &'c (Verdict, Vec<(String, String)>) {
    claims
        .iter()
        .find(|(_, ms)| ms.iter().any(|(_, v)| v == value))
        .unwrap_or_else(|| panic!("no claim gives {value}: {claims:?}"))
}

/// tests/fixtures/lone-twins: a German and an Indonesian report of a bridge section
/// falling, whose sentences share too few words to link. The same measurement, told once
/// in each and given by no other claim, is one fact; the same bare count (47 fire engines,
/// 47 other bridges) is two.
#[test]
fn a_measure_told_once_in_each_article_is_one_fact_and_a_bare_count_is_not() {
    let claims = report_of("lone-twins");
    let length = claim_with(&claims, "100 m");
    assert_eq!(length.0, Verdict::Agreement, "{length:?}");
    assert_eq!(length.1.len(), 2, "{length:?}");
    let counts: Vec<_> = claims
        .iter()
        .filter(|(_, ms)| ms.iter().any(|(_, v)| v == "47"))
        .collect();
    assert_eq!(counts.len(), 2, "{counts:?}");
    assert!(
        counts.iter().all(|(v, _)| *v == Verdict::SingleSource),
        "{counts:?}"
    );
}

#[test]
fn a_cost_no_frame_reads_agrees_across_languages() {
    let claims = report();
    let cost = claim_with(&claims, "1200000000 EUR");
    assert_eq!(cost.0, Verdict::Agreement, "{cost:?}");
    let files: Vec<&str> = cost.1.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(files, ["a-en.txt", "b-fr.txt"]);
}

#[test]
fn times_of_day_are_values_on_their_day() {
    let claims = report();
    let values: Vec<&str> = claims
        .iter()
        .flat_map(|(_, ms)| ms.iter().map(|(_, v)| v.as_str()))
        .collect();
    assert!(values.contains(&"2024-05-13T06:15"), "{values:?}");
    assert!(values.contains(&"2024-05-13T06:40"), "{values:?}");
    // "on Monday" is the time's day, not a second value.
    assert_eq!(
        values.iter().filter(|v| **v == "2024-05-13").count(),
        2,
        "{values:?}"
    );
}

#[test]
fn no_conflict_without_a_shared_concept_beside_the_values() {
    // The first flight's time differs (06:15, 06:40), but "flight" and "vol" share no
    // concept: the two stay single-source rather than make a conflict nobody can explain.
    let claims = report();
    assert!(
        claims.iter().all(|(v, _)| *v != Verdict::Conflict),
        "{claims:?}"
    );
}

#[test]
fn a_telling_figure_given_once_in_each_article_is_one_figure() {
    // "4,385 signatures" and "4 385 noms" share no word a lexicon knows; a figure of four
    // significant digits, given once in each article, is still the same figure.
    let claims = report();
    let names = claim_with(&claims, "4385");
    assert_eq!(names.0, Verdict::Agreement, "{names:?}");
    assert_eq!(names.1.len(), 2, "{names:?}");
}

#[test]
fn two_times_of_one_moment_conflict_though_both_give_its_day() {
    // tests/fixtures/moment: a crash "at 9:03 a.m. on Sunday" and "à 9 h 07 dimanche". Both
    // articles give Sunday, which must not settle the minutes: the times conflict.
    let claims = report_of("moment");
    let times = claim_with(&claims, "2024-12-29T09:03");
    assert_eq!(times.0, Verdict::Conflict, "{times:?}");
    let values: Vec<&str> = times.1.iter().map(|(_, v)| v.as_str()).collect();
    assert_eq!(values, ["2024-12-29T09:03", "2024-12-29T09:07"]);
}

#[test]
fn compound_number_words_read_whole_in_every_pack() {
    // "Thirty-one", "Trente et une", "Treinta y una", "Einunddreißig", "Тридцать один",
    // "Tiga puluh satu": one toll of 31, never its last word (1) or its tens (30).
    let claims = report_of("number-words");
    let toll = claim_with(&claims, "31");
    assert_eq!(toll.0, Verdict::Agreement, "{toll:?}");
    let files: Vec<&str> = toll.1.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(
        files,
        [
            "a-en.txt", "b-fr.txt", "c-es.txt", "d-de.txt", "e-ru.txt", "f-id.txt"
        ]
    );
    assert!(toll.1.iter().all(|(_, v)| v == "31"), "{toll:?}");
}

#[test]
fn a_toll_told_as_background_never_contradicts_the_story() {
    // "revived memories of the collapse …, in which 52 miners were killed": an earlier
    // disaster's toll, not a third report of Monday's 14.
    let claims = report_of("backdrop");
    let toll = claim_with(&claims, "14");
    assert_eq!(toll.0, Verdict::Agreement, "{toll:?}");
    assert!(toll.1.iter().all(|(_, v)| v == "14"), "{toll:?}");
    let earlier = claim_with(&claims, "52");
    assert_eq!(earlier.0, Verdict::SingleSource, "{earlier:?}");
    assert!(
        claims.iter().all(|(v, _)| *v != Verdict::Conflict),
        "{claims:?}"
    );
}

#[test]
fn the_only_count_of_one_thing_in_each_article_is_one_count() {
    // "carrying 212 passengers" and "transportait 230 passagers": each report's only
    // passenger count, so one count in conflict; the Spanish report's second passenger
    // figure (400 waiting in port) is not its count of those on board.
    let claims = report_of("sole-count");
    let count = claim_with(&claims, "230");
    assert_eq!(count.0, Verdict::Conflict, "{count:?}");
    let values: Vec<(&str, &str)> = count
        .1
        .iter()
        .map(|(f, v)| (f.as_str(), v.as_str()))
        .collect();
    assert_eq!(
        values,
        [
            ("a-en.txt", "212"),
            ("b-fr.txt", "230"),
            ("c-es.txt", "212")
        ]
    );
    let waiting = claim_with(&claims, "400");
    assert_eq!(waiting.0, Verdict::SingleSource, "{waiting:?}");
}

#[test]
fn a_part_of_the_dead_is_no_report_of_the_toll() {
    // "Среди погибших четверо детей", "Darunter waren drei Kinder, die … getötet wurden":
    // counts of the children among the dead, in conflict with each other, never with the
    // toll of 24 both reports give.
    let claims = report_of("subgroup");
    let toll = claim_with(&claims, "24");
    assert_eq!(toll.0, Verdict::Agreement, "{toll:?}");
    assert!(toll.1.iter().all(|(_, v)| v == "24"), "{toll:?}");
    let children = claim_with(&claims, "3");
    assert_eq!(children.0, Verdict::Conflict, "{children:?}");
    let values: Vec<&str> = children.1.iter().map(|(_, v)| v.as_str()).collect();
    assert_eq!(values, ["4", "3"]);
}

#[test]
fn a_past_date_named_once_agrees_at_two_precisions() {
    // "el 3 de mayo de 2019" and "in May 2019": each article's only date of that month,
    // told in different words and languages, is one date.
    let claims = report_of("sole-date");
    let date = claim_with(&claims, "2019-05");
    assert_eq!(date.0, Verdict::Agreement, "{date:?}");
    let values: Vec<&str> = date.1.iter().map(|(_, v)| v.as_str()).collect();
    assert_eq!(values, ["2019-05-03", "2019-05"]);
}

#[test]
fn the_figures_of_two_options_never_meet() {
    // tests/fixtures/two-options: "la opción Rechazo obtenía el 57,6%…, frente al 42,4% del
    // Apruebo" and "58,2 % … ont rejeté…, contre 41,8 % pour l'« Apruebo »". Each sentence
    // gives Apruebo a figure of its own, so Apruebo's 42.4% never meets the rejection's
    // 58.2%, nor Rechazo's 57.6% Apruebo's 41.8%: no claim holds a share above one half
    // and one below.
    let claims = report_of("two-options");
    let share = |v: &str| v.trim_end_matches('%').parse::<f64>().ok();
    for (verdict, ms) in &claims {
        let shares: Vec<f64> = ms.iter().filter_map(|(_, v)| share(v)).collect();
        assert!(
            shares.iter().all(|&x| x > 50.0) || shares.iter().all(|&x| x < 50.0),
            "{verdict:?} {ms:?}"
        );
    }
    // The rejection's two shares, one per article, are one claim.
    let rejection = claim_with(&claims, "57.6%");
    assert!(
        rejection.1.iter().any(|(_, v)| v == "58.2%"),
        "{rejection:?}"
    );
}

#[test]
fn a_datelines_outlet_tells_nothing_about_the_values_after_it() {
    // "PUERTO ALTO, 12 mars (La Gazette des Îles) — …": the outlet of the dateline is no
    // context of the lede's figures ("Îles" would be the concept @island); its place may be.
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/two-options");
    let set = rules::load(&rules::default_sources()).expect("rules");
    let a = analyze(ingest::ingest(&dir, None, &set).expect("story"), &set);
    let lede: Vec<_> = a
        .mentions
        .iter()
        .filter(|m| m.value_text().ends_with('%'))
        .collect();
    assert_eq!(lede.len(), 4, "{:?}", a.mentions);
    for m in lede {
        let tokens: Vec<&String> = m.context.values().flatten().collect();
        assert!(
            !tokens.iter().any(
                |t| ["@island", "#gazet", "#faro", "#insul", "#faro-insular"].contains(&t.as_str())
            ),
            "{}: {tokens:?}",
            m.value_text()
        );
    }
}

#[test]
fn a_figure_followed_by_of_the_dead_is_a_part() {
    // tests/fixtures/partitive: "bislang drei der Toten identifiziert" counts the identified
    // among the dead, not the dead; "eleven people were killed" is the toll.
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/partitive");
    let set = rules::load(&rules::default_sources()).expect("rules");
    let a = analyze(ingest::ingest(&dir, None, &set).expect("story"), &set);
    let part = |value: &str| {
        a.mentions
            .iter()
            .find(|m| m.value_text() == value)
            .unwrap_or_else(|| panic!("no mention of {value}: {:?}", a.mentions))
            .part
    };
    assert!(part("3"));
    assert!(!part("11"));
}

#[test]
fn a_quarters_figure_never_contradicts_a_years() {
    // tests/fixtures/periods: "revenue of $18.4 billion in the first quarter" and "с годовой
    // выручкой более $70 млрд": a quarter's revenue and a year's are two figures.
    let claims = report_of("periods");
    let quarter = claim_with(&claims, "18400000000 USD");
    assert_ne!(quarter.0, Verdict::Conflict, "{quarter:?}");
    assert!(
        claims.iter().all(|(v, _)| *v != Verdict::Conflict),
        "{claims:?}"
    );
}

#[test]
fn the_word_after_an_abbreviated_scale_is_what_it_counts() {
    // tests/fixtures/scale-dot: "погибли около 12,5 тыс. рыб" counts fish, not the dead: the
    // dot of "тыс." is the number's. "3 400 — молодь" counts young fish after a dash.
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/scale-dot");
    let set = rules::load(&rules::default_sources()).expect("rules");
    let a = analyze(ingest::ingest(&dir, None, &set).expect("story"), &set);
    let rule = |value: &str| {
        a.mentions
            .iter()
            .find(|m| m.value_text() == value)
            .unwrap_or_else(|| panic!("no mention of {value}: {:?}", a.mentions))
            .rule
            .clone()
    };
    assert_ne!(rule("12500"), "casualties");
    assert_ne!(rule("3400"), "casualties");
    assert_eq!(rule("2"), "casualties");
}

#[test]
fn a_target_year_is_not_the_time_of_the_next_sentences_figure() {
    // tests/fixtures/target-year: "bis 2031" in one sentence is a target; the next
    // sentence's "415.000 Fahrzeuge im Jahr" is still one figure with the other article's
    // "mehr als 410.000 Fahrzeuge pro Jahr".
    let claims = report_of("target-year");
    let cut = claim_with(&claims, "415000");
    assert_eq!(cut.0, Verdict::Agreement, "{cut:?}");
    assert_eq!(cut.1.len(), 2, "{cut:?}");
}

#[test]
fn a_treaty_told_with_one_of_its_parties_is_the_same_treaty() {
    // tests/fixtures/part-of-key: "Spain and France signed … on 10 May" and "France signed
    // the water treaty on 11 May" are one signing (key "france+spain" and "france"), told
    // on two days: a conflict.
    let claims = report_of("part-of-key");
    let signed = claim_with(&claims, "2025-05-10");
    assert_eq!(signed.0, Verdict::Conflict, "{signed:?}");
    let values: Vec<&str> = signed.1.iter().map(|(_, v)| v.as_str()).collect();
    assert_eq!(values, ["2025-05-10", "2025-05-11"]);
}

#[test]
fn a_running_total_since_january_is_the_total_as_of_the_report() {
    // tests/fixtures/running-total: "1.006 personas han muerto … desde enero" in an October
    // report and "1 006 morts au 1er octobre" are one toll as of the report, not a toll of
    // January against one of October.
    let claims = report_of("running-total");
    let toll = claim_with(&claims, "1006");
    assert_eq!(toll.0, Verdict::Agreement, "{toll:?}");
    assert_eq!(toll.1.len(), 2, "{toll:?}");
}

#[test]
fn a_rejected_offers_raise_is_not_the_accepted_offers() {
    // tests/fixtures/opposite-acts: "rechazaron … una subida salarial del 30%" and "agreed
    // … to a wage increase of 33%" are two offers (concepts `refuse` and `agree` are
    // opposites), not one raise told two ways.
    let claims = report_of("opposite-acts");
    let rejected = claim_with(&claims, "30%");
    assert_eq!(rejected.0, Verdict::SingleSource, "{rejected:?}");
    let accepted = claim_with(&claims, "33%");
    assert_eq!(accepted.0, Verdict::SingleSource, "{accepted:?}");
}

#[test]
fn a_name_told_short_is_the_name_told_in_full() {
    // tests/fixtures/short-name: "Rassemblement National … won 143 seats" and "Der
    // Rassemblement kam … auf 143 Sitze" are one party's seats; the dateline's "July" is no
    // party.
    let claims = report_of("short-name");
    let seats = claim_with(&claims, "143");
    assert_eq!(seats.0, Verdict::Agreement, "{seats:?}");
    assert_eq!(seats.1.len(), 2, "{seats:?}");
}

#[test]
fn a_name_spelt_two_ways_is_one_name() {
    // tests/fixtures/name-spellings: "President Masoud Pezeshkian will visit Moscow on 17
    // January 2025" and "Präsident Massud Peseschkian besucht am 17. Januar 2025 Moskau":
    // one visitor, one visit (rules/entities/spellings.toml).
    let claims = report_of("name-spellings");
    let visit = claim_with(&claims, "2025-01-17");
    assert_eq!(visit.0, Verdict::Agreement, "{visit:?}");
    assert_eq!(visit.1.len(), 2, "{visit:?}");
}

#[test]
fn parts_of_the_dead_are_not_the_toll() {
    // tests/fixtures/among-the-dead: "All 67 people on board … were killed" against "Au
    // total, 67 personnes ont péri : les 60 passagers et les 4 membres d'équipage …" (a
    // breakdown after the colon) and "Vingt-huit membres … figuraient parmi les morts" (a
    // membership cue later in the clause): one toll of 67, and two parts of it.
    let claims = report_of("among-the-dead");
    let toll = claim_with(&claims, "67");
    assert_eq!(toll.0, Verdict::Agreement, "{toll:?}");
    assert_eq!(toll.1.len(), 2, "{toll:?}");
    for part in ["60", "28"] {
        let c = claim_with(&claims, part);
        assert_ne!(c.0, Verdict::Conflict, "{part}: {c:?}");
    }
}

#[test]
fn a_toll_whose_sentence_names_no_place_is_the_storys_toll() {
    // tests/fixtures/unplaced-toll: one article gives Spain's toll (190), Portugal's (25)
    // and "En total, 215"; the other "In all, 215". The 215s are one toll, not Portugal's.
    let claims = report_of("unplaced-toll");
    let total = claim_with(&claims, "215");
    assert_eq!(total.0, Verdict::Agreement, "{total:?}");
    assert_eq!(total.1.len(), 2, "{total:?}");
    let portugal = claim_with(&claims, "25");
    assert_eq!(portugal.0, Verdict::SingleSource, "{portugal:?}");
}

#[test]
fn a_place_named_once_for_another_attack_is_not_where_the_toll_happened() {
    // tests/fixtures/background-place: the German report gives the toll ("Zwei Menschen
    // kamen … ums Leben", a sentence of capitalised nouns and no place) and names Magdeburg
    // once, for last year's attack; the English one gives the same toll and two other
    // cities' tolls. The two tolls of two are one claim, in no city.
    let claims = report_of("background-place");
    let toll = claim_with(&claims, "2");
    assert_eq!(toll.0, Verdict::Agreement, "{claims:?}");
    assert_eq!(toll.1.len(), 2, "{toll:?}");
}

#[test]
fn a_year_is_no_figure_that_competes_with_a_day() {
    // tests/fixtures/owner-shape: "Statnova published the accounts for 2023 on Monday" and
    // "the accounts that Statnova published on Tuesday". The year 2023 is Statnova's too,
    // but it is no other day: the two days of one publication are one event told two
    // ways, and they differ.
    let claims = report_of("owner-shape");
    let day = claim_with(&claims, "2024-03-25");
    assert_eq!(day.0, Verdict::Conflict, "{claims:?}");
    assert!(day.1.iter().any(|(_, v)| v == "2024-03-26"), "{day:?}");
    // The year stays a claim of its own.
    assert!(!day.1.iter().any(|(_, v)| v == "2023"), "{day:?}");
}

#[test]
fn a_projection_is_no_figure_to_contradict() {
    // tests/fixtures/projection: "In its forecast, the ministry … put the season's catch …
    // at 41,200 tonnes" and "The season's catch … came to 38,700 tonnes". The forecast
    // (the lexicon's `forecast` is a `projection`) and the figure once known are two
    // figures, not a conflict.
    let claims = report_of("projection");
    assert!(
        claims.iter().all(|(v, _)| *v != Verdict::Conflict),
        "{claims:?}"
    );
    let forecast = claim_with(&claims, "41200 t");
    assert!(
        !forecast.1.iter().any(|(_, v)| v == "38700 t"),
        "{forecast:?}"
    );
}

#[test]
fn a_possibility_in_a_later_clause_makes_no_projection() {
    // tests/fixtures/projection-later-clause: "Shares … fell 38% on Tuesday amid fears that
    // a rating downgrade could force it to sell part of its fleet" and "… fell 41% on
    // Tuesday". The "could" is the fears', not the fall's: the two falls are one figure
    // told two ways, in conflict.
    let claims = report_of("projection-later-clause");
    let fall = claim_with(&claims, "-38%");
    assert_eq!(fall.0, Verdict::Conflict, "{claims:?}");
    assert!(fall.1.iter().any(|(_, v)| v == "-41%"), "{fall:?}");
}

#[test]
fn two_known_owners_own_two_figures_and_a_number_in_a_name_is_no_value() {
    // tests/fixtures/index-owners: "the Dow Jones industrial average fell 311.52 points, or
    // 2.86 percent" and "Der Dow-Jones-Index verlor am Montag 311,52 Punkte, der breiter
    // gefasste S&P 500 büßte 3,4 Prozent ein". The 3.4% is the S&P 500's (the nearest known
    // name with no other percentage nearer), the 2.86% the Dow's (the points stand nearer
    // the Dow, but they are no percentage): two figures, no conflict. The 500 of "S&P 500"
    // is part of the name, no value.
    let claims = report_of("index-owners");
    assert!(
        claims.iter().all(|(v, _)| *v != Verdict::Conflict),
        "{claims:?}"
    );
    let dow = claim_with(&claims, "2.86%");
    assert!(!dow.1.iter().any(|(_, v)| v == "3.4%"), "{dow:?}");
    assert_eq!(
        claim_with(&claims, "311.52").0,
        Verdict::Agreement,
        "{claims:?}"
    );
    assert!(
        claims
            .iter()
            .all(|(_, ms)| ms.iter().all(|(_, v)| v != "500")),
        "{claims:?}"
    );
}

#[test]
fn a_time_with_no_day_is_on_the_earliest_day_its_article_last_named() {
    // tests/fixtures/time-earliest-day: "vanished from radar early on Saturday, and a search
    // … had found no trace of it by nightfall on Sunday", then "Flight CA88 took off from
    // Perth at 1.05am". The take-off is Saturday's (2025-05-10), the day the sentence tells
    // of first, not Sunday's.
    let claims = report_of("time-earliest-day");
    let all: Vec<&String> = claims
        .iter()
        .flat_map(|(_, ms)| ms.iter().map(|(_, v)| v))
        .collect();
    assert!(all.iter().any(|v| *v == "2025-05-10T01:05"), "{claims:?}");
    assert!(!all.iter().any(|v| *v == "2025-05-11T01:05"), "{claims:?}");
}

#[test]
fn two_ranks_are_two_things() {
    // tests/fixtures/ranks: "aprobó este martes un primer paquete de ayudas de 10.600
    // millones" and "a adopté lundi un deuxième paquet d'aides de 3,765 milliards". The
    // first package and the second (the lexicon's ranks are `ordinal`) are two acts and two
    // amounts: without the ranks the two days and the two amounts are conflicts.
    let claims = report_of("ranks");
    assert!(
        claims.iter().all(|(v, _)| *v != Verdict::Conflict),
        "{claims:?}"
    );
    let first = claim_with(&claims, "10600000000 EUR");
    assert!(
        !first.1.iter().any(|(_, v)| v == "3765000000 EUR"),
        "{first:?}"
    );
    let tuesday = claim_with(&claims, "2024-11-05");
    assert!(
        !tuesday.1.iter().any(|(_, v)| v == "2024-11-04"),
        "{tuesday:?}"
    );
}

#[test]
fn a_large_count_or_a_duration_told_once_is_one_figure() {
    // tests/fixtures/telling-figure: "some 8.5 million office computers" and "etwa 8,5
    // Millionen Geräte", "held power for 24 years" and "24 Jahre lang an der Macht": across
    // languages the sentences share too few words, but each article gives the figure once,
    // and a count of a hundred thousand or more, or a duration, with two significant digits
    // is telling enough.
    let claims = report_of("telling-figure");
    for v in ["8500000", "P24Y"] {
        let c = claim_with(&claims, v);
        assert_eq!(c.0, Verdict::Agreement, "{c:?}");
        assert_eq!(c.1.len(), 2, "{c:?}");
    }
}

#[test]
fn two_figures_one_sentence_gives_side_by_side_are_no_conflict() {
    // tests/fixtures/two-figures: "the number of people killed had risen from 95 to 126";
    // one article gives 95, another 126. The first article tells both figures: an earlier
    // and a later toll, not a disagreement.
    let claims = report_of("two-figures");
    for (verdict, ms) in &claims {
        let values: Vec<&str> = ms.iter().map(|(_, v)| v.as_str()).collect();
        assert!(
            !(*verdict == Verdict::Conflict && values.contains(&"126")),
            "{verdict:?} {ms:?}"
        );
    }
}

#[test]
fn a_figure_of_another_kind_beside_settles_nothing() {
    // tests/fixtures/two-kinds: "six morts et neuf blessés" against "Six people were
    // injured": the 6 beside the 9 counts the dead, so the injured still conflict.
    let claims = report_of("two-kinds");
    let injured = claim_with(&claims, "9");
    assert_eq!(injured.0, Verdict::Conflict, "{injured:?}");
}

#[test]
fn a_count_of_workers_meets_a_count_of_employees() {
    // tests/fixtures/counted-kinds: "About 4,300 workers" and "Unos 4.300 empleados": the
    // English word counts people and workers, the Spanish one workers; one count.
    let claims = report_of("counted-kinds");
    let strikers = claim_with(&claims, "4300");
    assert_eq!(strikers.0, Verdict::Agreement, "{strikers:?}");
    assert_eq!(strikers.1.len(), 2, "{strikers:?}");
    // Six crew members and eight people hurt are two figures, not a conflict.
    let crew = claim_with(&claims, "6");
    assert_ne!(crew.0, Verdict::Conflict, "{crew:?}");
}

#[test]
fn one_minute_of_one_day_given_once_in_each_article_is_one_moment() {
    // tests/fixtures/same-minute: "Um 3.42 Uhr ging der erste Notruf … ein" and "Laporan
    // darurat pertama diterima pukul 03.42": no word in common across the two languages,
    // but the same minute of the same day, given once in each article.
    let claims = report_of("same-minute");
    let call = claim_with(&claims, "2024-09-17T03:42");
    assert_eq!(call.0, Verdict::Agreement, "{call:?}");
    assert_eq!(call.1.len(), 2, "{call:?}");
}

#[test]
fn a_later_rank_is_not_the_thing_told_without_one() {
    // tests/fixtures/later-rank: "An explosion ripped through the plant on Tuesday" and
    // "Une deuxième explosion a secoué jeudi l'usine": the second explosion is not the one
    // told without a rank, so Tuesday and Thursday are no conflict.
    let claims = report_of("later-rank");
    let blast = claim_with(&claims, "2024-10-08");
    assert_eq!(blast.0, Verdict::SingleSource, "{blast:?}");
}

#[test]
fn time_elapsed_up_to_two_articles_days_never_conflicts() {
    // "burst two weeks ago" on 12 March and "burst three weeks ago" on 19 March tell one
    // day: an "ago" duration is told of its article's day, and days differ.
    let claims = report_of("elapsed");
    for value in ["P2W", "P3W"] {
        let c = claim_with(&claims, value);
        assert_eq!(c.0, Verdict::SingleSource, "{c:?}");
    }
    assert!(
        claims.iter().all(|(v, _)| *v != Verdict::Conflict),
        "{claims:?}"
    );
}

#[test]
fn a_count_told_with_another_before_the_act_is_a_part() {
    // "Two men … and a 48-year-old woman were killed" counts two of the three the German
    // report gives: a part, never a conflict with the toll.
    let claims = report_of("coordinated");
    let toll = claim_with(&claims, "3");
    assert_ne!(toll.0, Verdict::Conflict, "{toll:?}");
    assert!(toll.1.iter().all(|(_, v)| v != "2"), "{toll:?}");
    assert!(
        claims.iter().all(|(v, _)| *v != Verdict::Conflict),
        "{claims:?}"
    );
}

#[test]
fn time_between_an_event_and_two_other_days_never_conflicts() {
    // "on Sunday, two days after the attack" and "on Monday, three days after the knife
    // attack": each is the time up to its own sentence's day, and the days differ.
    let claims = report_of("between");
    for value in ["P2D", "P3D"] {
        let c = claim_with(&claims, value);
        assert_eq!(c.0, Verdict::SingleSource, "{c:?}");
    }
    assert!(
        claims.iter().all(|(v, _)| *v != Verdict::Conflict),
        "{claims:?}"
    );
}

#[test]
fn a_figure_told_without_its_owner_joins_the_owner_whose_figure_it_gives() {
    // tests/fixtures/empty-key: one article gives Ana Ruiz five years and Tom Hale six; the
    // other gives "the former mayor" five years, naming no one. The unnamed sentence is
    // Ana Ruiz's, the only one of the two whose sentence it gives, and agrees with it.
    let claims = report_of("empty-key");
    let (verdict, ms) = claim_with(&claims, "P5Y");
    assert_eq!(*verdict, Verdict::Agreement, "{claims:?}");
    let files: Vec<&str> = ms.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(files, ["01-court-en.txt", "02-daily-en.txt"], "{claims:?}");
    let (six, _) = claim_with(&claims, "P6Y");
    assert_eq!(*six, Verdict::SingleSource, "{claims:?}");
}

#[test]
fn the_only_age_each_article_gives_is_one_age_and_two_ages_never_conflict() {
    // tests/fixtures/ages: "The 70-year-old" (en, November), "Der 70-Jährige" (de, October)
    // and "âgé de 70 ans" (fr, September, in a paragraph about 2007) are one man's age; the
    // guard's "41-year-old" in a fourth article is someone else's, and no conflict.
    let claims = report_of("ages");
    let (verdict, ms) = claim_with(&claims, "70");
    assert_eq!(*verdict, Verdict::Agreement, "{claims:?}");
    assert_eq!(ms.len(), 3, "{claims:?}");
    let (guard, _) = claim_with(&claims, "41");
    assert_eq!(*guard, Verdict::SingleSource, "{claims:?}");
    assert!(
        claims.iter().all(|(v, _)| *v != Verdict::Conflict),
        "{claims:?}"
    );
}

#[test]
fn the_same_age_given_once_in_each_article_is_one_age_among_others() {
    // tests/fixtures/ages-among-others: the minister's 70 in three languages, in sentences
    // that share nothing else, each beside another person's age (the guard's 41, the
    // driver's 35, the lawyer's 52): one age, and the others single-source.
    let claims = report_of("ages-among-others");
    let (verdict, ms) = claim_with(&claims, "70");
    assert_eq!(*verdict, Verdict::Agreement, "{claims:?}");
    assert_eq!(ms.len(), 3, "{claims:?}");
    for other in ["41", "35", "52"] {
        let (verdict, _) = claim_with(&claims, other);
        assert_eq!(*verdict, Verdict::SingleSource, "{other}: {claims:?}");
    }
    assert!(
        claims.iter().all(|(v, _)| *v != Verdict::Conflict),
        "{claims:?}"
    );
}

#[test]
fn a_month_named_in_its_sentence_is_the_figures_own_period() {
    // tests/fixtures/monthly-tolls: both articles give 612 dead since January; one adds
    // "In August alone, 140 people died" and "In October, 20 more people have died", the
    // other "Sepanjang September, 185 orang meninggal". A month's toll is that month's, not
    // a report of the running total, even in the month the total is told: the totals
    // agree and the three monthly tolls are single-source, with no conflict.
    let claims = report_of("monthly-tolls");
    let (total, ms) = claim_with(&claims, "612");
    assert_eq!(*total, Verdict::Agreement, "{claims:?}");
    assert_eq!(ms.len(), 2, "{claims:?}");
    for month in ["140", "185", "20"] {
        let (verdict, ms) = claim_with(&claims, month);
        assert_eq!(*verdict, Verdict::SingleSource, "{claims:?}");
        assert_eq!(ms.len(), 1, "{claims:?}");
    }
    assert!(
        claims.iter().all(|(v, _)| *v != Verdict::Conflict),
        "{claims:?}"
    );
}

#[test]
fn two_dates_in_two_countries_are_two_events() {
    // tests/fixtures/two-places: trains collide in Austria on March 3 (en) and in der
    // Schweiz on March 5 (de): two crashes, no conflict. Trains collide in Canada on March
    // 7 (en) and in Kanada on March 8 (de): one crash told with two dates, a conflict.
    let claims = report_of("two-places");
    for day in ["2025-03-03", "2025-03-05"] {
        let (verdict, ms) = claim_with(&claims, day);
        assert_eq!(*verdict, Verdict::SingleSource, "{claims:?}");
        assert_eq!(ms.len(), 1, "{claims:?}");
    }
    let (verdict, ms) = claim_with(&claims, "2025-03-07");
    assert_eq!(*verdict, Verdict::Conflict, "{claims:?}");
    assert!(ms.iter().any(|(_, v)| v == "2025-03-08"), "{claims:?}");
}

#[test]
fn a_place_of_another_year_lends_itself_to_no_toll() {
    // tests/fixtures/past-place: 22 died at Krasnovo airport (en, "in Moscow"; fr, a name
    // the gazetteer cannot place). The French article names Indonésie twice, for a crash of
    // 2012: that place is no home for this year's toll, which agrees with the English one.
    let claims = report_of("past-place");
    let (verdict, ms) = claim_with(&claims, "22");
    assert_eq!(*verdict, Verdict::Agreement, "{claims:?}");
    assert_eq!(ms.len(), 2, "{claims:?}");
    let (verdict, ms) = claim_with(&claims, "45");
    assert_eq!(*verdict, Verdict::SingleSource, "{claims:?}");
    assert_eq!(ms.len(), 1, "{claims:?}");
}

/// tests/fixtures/depths: an English and a Spanish report of one (fictional) quake. Its
/// depth, told in sentences that share no word across the languages, is one claim in
/// conflict (44 km against 66 km): a story tells one depth. Its distances, from two
/// different places, are no conflict.
#[test]
fn a_story_tells_one_depth_and_distances_from_two_places_stay_apart() {
    let claims = report_of("depths");
    let depth = claim_with(&claims, "44 km");
    assert_eq!(depth.0, Verdict::Conflict, "{depth:?}");
    let values: Vec<&str> = depth.1.iter().map(|(_, v)| v.as_str()).collect();
    assert_eq!(values, ["44 km", "66 km"], "{depth:?}");
    let conflicts = claims
        .iter()
        .filter(|(v, _)| *v == Verdict::Conflict)
        .count();
    assert_eq!(conflicts, 1, "{claims:?}");
}

/// tests/fixtures/event-times: a ferry sinks on a Wednesday, at 8:48 (en) or at 9.10 Uhr
/// (de); an Indonesian report gives the day only. A time beside the event's words is the
/// event's value: one sinking, in conflict, that the day alone agrees with. The English
/// article's other times (a departure, a lost contact) are no time of the sinking.
#[test]
fn an_events_time_of_day_is_its_value() {
    let claims = report_of("event-times");
    let (verdict, ms) = claim_with(&claims, "2025-03-12T08:48");
    assert_eq!(*verdict, Verdict::Conflict, "{claims:?}");
    let values: Vec<&str> = ms.iter().map(|(_, v)| v.as_str()).collect();
    assert_eq!(
        values,
        ["2025-03-12T08:48", "2025-03-12T09:10", "2025-03-12"],
        "{claims:?}"
    );
    for other in ["2025-03-12T06:15", "2025-03-12T08:31"] {
        assert_eq!(
            claim_with(&claims, other).0,
            Verdict::SingleSource,
            "{claims:?}"
        );
    }
}

/// tests/fixtures/event-day-and-time: the ferry sank at 8:48 (en); the German article dates
/// the sinking to Wednesday in one sentence and gives 9.10 Uhr in another, with no word of
/// sinking. Its time joins the sinking though the claim already holds its day, and its day
/// (which agrees with any time of it) does not settle 8:48 against 9:10.
#[test]
fn a_day_settles_no_two_times_and_a_later_time_joins_its_event() {
    let claims = report_of("event-day-and-time");
    let (verdict, ms) = claim_with(&claims, "2025-03-12T08:48");
    assert_eq!(*verdict, Verdict::Conflict, "{claims:?}");
    let values: Vec<&str> = ms.iter().map(|(_, v)| v.as_str()).collect();
    assert_eq!(
        values,
        ["2025-03-12T08:48", "2025-03-12", "2025-03-12T09:10"],
        "{claims:?}"
    );
}

#[test]
fn two_times_told_in_local_time_minutes_apart_are_one_moment_in_conflict() {
    // tests/fixtures/local-time-moment: "Беда случилась в 6:40 по местному времени" and "brach
    // das Feuer um 6.55 Uhr Ortszeit aus". Nothing else beside the two times is shared, but
    // "local time" is one concept in both languages: each is the only time of its article
    // told so, fifteen minutes apart, and they conflict.
    let claims = report_of("local-time-moment");
    let moment = claim_with(&claims, "2026-03-03T06:40");
    assert_eq!(moment.0, Verdict::Conflict, "{claims:?}");
    assert!(
        moment.1.iter().any(|(_, v)| v == "2026-03-03T06:55"),
        "{moment:?}"
    );
}

#[test]
fn tolls_more_than_a_revision_apart_are_two_figures() {
    // tests/fixtures/scopes: 212 and 230 dead in the whole valley (a conflict), and two
    // people swept away in their car. A toll more than five times another is not the same
    // toll misreported: it stands apart instead of making the valley's toll its conflict.
    // tests/fixtures/scopes-undated: the same articles with no manifest and no date in
    // them; undated figures join their own size only.
    for fixture in ["scopes", "scopes-undated"] {
        let claims = report_of(fixture);
        assert_scopes(&claims);
    }
}

/// The valley's two tolls in one conflict, the car's two dead a claim of their own.
fn assert_scopes(claims: &Claims) {
    let valley = claim_with(claims, "212");
    assert_eq!(valley.0, Verdict::Conflict, "{valley:?}");
    let values: Vec<&str> = valley.1.iter().map(|(_, v)| v.as_str()).collect();
    assert_eq!(values, ["212", "230"]);
    let car = claim_with(claims, "2");
    assert_eq!(car.0, Verdict::SingleSource, "{car:?}");
    assert_eq!(car.1.len(), 1, "{car:?}");
}

/// tests/fixtures/cognates: an English and a German report of one bird count, in another
/// order. "41 pelicans … 12 kilometres further north" and "Die 41 Pelikane … zwölf Kilometer
/// weiter nördlich" share one value beside the count (12 km) and no concept; the word both
/// begin alike ("kilom"), rare in the story, is the second token that makes them one fact.
#[test]
fn a_rare_word_two_languages_spell_alike_links_the_same_figure() {
    let claims = report_of("cognates");
    let pelicans = claim_with(&claims, "41");
    assert_eq!(pelicans.0, Verdict::Agreement, "{pelicans:?}");
    let files: Vec<&str> = pelicans.1.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(files, ["01-harbour-courier-en.txt", "02-seebote-de.txt"]);
}

/// tests/fixtures/sole-measure: an English and a German report of one bridge's cost, 410 and
/// 480 million euros, each the only amount in euros its article gives, beside the concept of
/// cost. The sentences share too little else across two languages for two different
/// figures to meet; being each article's only amount of its currency makes them one figure
/// in conflict.
#[test]
fn the_only_amount_of_one_currency_in_each_article_is_one_figure() {
    let claims = report_of("sole-measure");
    let cost = claim_with(&claims, "410000000 EUR");
    assert_eq!(cost.0, Verdict::Conflict, "{cost:?}");
    let values: Vec<&str> = cost.1.iter().map(|(_, v)| v.as_str()).collect();
    assert_eq!(values, ["410000000 EUR", "480000000 EUR"], "{cost:?}");
}

/// tests/fixtures/sole-measure-two: the same English report, and a German one that gives two
/// amounts in euros (the bridge's 480 million and 90 million for its roads): which of the two
/// is the bridge's, being in euros cannot say, so no conflict is reported.
#[test]
fn an_article_giving_two_amounts_of_one_currency_makes_no_conflict_by_currency() {
    let claims = report_of("sole-measure-two");
    assert!(
        claims.iter().all(|(v, _)| *v != Verdict::Conflict),
        "{claims:?}"
    );
}

/// tests/fixtures/sole-measure-apart: each report's only amount in euros, 410 and 980
/// million (more than a factor of two apart), and each one's only temperature, minus 12 and
/// minus 20 degrees (a unit `varying_units` names): neither pair is one figure by being alone.
#[test]
fn lone_measures_far_apart_or_in_a_varying_unit_make_no_conflict() {
    let claims = report_of("sole-measure-apart");
    for value in ["410000000 EUR", "12 °C"] {
        let claim = claim_with(&claims, value);
        assert_ne!(claim.0, Verdict::Conflict, "{value}: {claim:?}");
    }
}

/// A pack that sets `varying_units` replaces the list: with only °F in it, the two lone
/// temperatures of tests/fixtures/sole-measure-apart are one figure in conflict.
#[test]
fn a_pack_may_replace_the_varying_units() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sole-measure-apart");
    let mut sources = rules::default_sources();
    sources.push(rules::Source {
        trusted: false,
        path: "extra/settings.toml".into(),
        text: "[settings]\nvarying_units = [\"°F\"]\n".into(),
    });
    let set = rules::load(&sources).expect("rules");
    let a = analyze(ingest::ingest(&dir, None, &set).expect("story"), &set);
    let temperature = a
        .claims
        .iter()
        .find(|j| {
            j.claim
                .mentions
                .iter()
                .any(|&i| a.mentions[i].value_text() == "12 °C")
        })
        .expect("a claim gives 12 °C");
    assert_eq!(temperature.verdict, Verdict::Conflict);
}

/// tests/fixtures/pooled-figure: an English and a French report agree that a strike held 9
/// ferries in port; a German report gives the 9 with the harbour master's name, which only
/// the English one gives, and the shipping firm's, which only the French one gives. Neither
/// pair shares enough to link, but the two reports together say what the German one says:
/// one figure, in agreement over the three.
#[test]
fn a_lone_figure_joins_the_claim_whose_reports_together_say_the_same() {
    let claims = report_of("pooled-figure");
    let ferries = claim_with(&claims, "9");
    assert_eq!(ferries.0, Verdict::Agreement, "{ferries:?}");
    let files: BTreeSet<&str> = ferries.1.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(files.len(), 3, "{ferries:?}");
}

/// tests/fixtures/pooled-figure-apart and pooled-figure-near: the German report shares only
/// the harbour master's name with the others (too little, pooled or not), or gives "about
/// 10" (compatible with 9, but not the very figure): it stays a claim of its own.
#[test]
fn a_lone_figure_sharing_too_little_or_only_compatible_stays_apart() {
    for (fixture, value) in [("pooled-figure-apart", "9"), ("pooled-figure-near", "10")] {
        let claims = report_of(fixture);
        let german: Vec<_> = claims
            .iter()
            .filter(|(_, ms)| ms.iter().any(|(f, v)| f.starts_with("03-") && v == value))
            .collect();
        assert_eq!(german.len(), 1, "{fixture}: {claims:?}");
        let (verdict, ms) = german[0];
        assert_eq!(*verdict, Verdict::SingleSource, "{fixture}: {ms:?}");
        // The two other reports still agree.
        let ferries = claims
            .iter()
            .find(|(_, ms)| ms.iter().any(|(f, v)| f.starts_with("01-") && v == "9"))
            .expect("the English figure");
        assert_eq!(ferries.0, Verdict::Agreement, "{fixture}: {ferries:?}");
    }
}

/// tests/fixtures/pooled-figure-estimates: reports of 23 ferries, "about 22" and 23 agree
/// (an exact figure agrees with an estimate around it); a German report of "about 23"
/// shares enough with them, pooled, to be their figure, but the two estimates, "about 22"
/// and "about 23", are two figures to the judge: the join would make the claim a conflict,
/// so it is not made.
#[test]
fn a_lone_figure_never_joins_a_claim_to_make_it_a_conflict() {
    let claims = report_of("pooled-figure-estimates");
    assert!(
        claims.iter().all(|(v, _)| *v != Verdict::Conflict),
        "{claims:?}"
    );
    let ferries = claim_with(&claims, "22");
    assert_eq!(ferries.0, Verdict::Agreement, "{ferries:?}");
    assert_eq!(ferries.1.len(), 3, "{ferries:?}");
}
