//! Dates without a manifest (issue 10): publication months assumed from the articles' own
//! dates, year-less dates as partial values, identical undated values, and undated figures
//! taken as the story's time. Each story is written here, in a temporary folder.

use crosscheck::judge::Verdict;
use crosscheck::{analyze, ingest, rules};

/// A claim's verdict, reason and values.
type Judged = (Verdict, String, Vec<String>);

/// The claims of a story made of `files`, and its warnings.
fn check(files: &[(&str, &str)]) -> (Vec<Judged>, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let set = rules::load(&rules::default_sources()).expect("rules");
    let story = ingest::ingest(dir.path(), None, &set).expect("story");
    let analysis = analyze(story, &set);
    let claims = analysis
        .claims
        .iter()
        .map(|j| {
            let values = j
                .claim
                .mentions
                .iter()
                .map(|&i| analysis.mentions[i].value_text())
                .collect();
            (j.verdict, j.reason.clone(), values)
        })
        .collect();
    (claims, analysis.story.warnings.clone())
}

#[test]
fn undated_counts_are_compared_as_of_the_storys_time() {
    let (claims, _) = check(&[
        (
            "a.txt",
            "Gas leak in the port city\n\nHospitals in the port city treated 240 patients after the gas leak, health officials said.\n",
        ),
        (
            "b.txt",
            "Leak sends hundreds to hospital\n\nAbout 200 patients were treated in hospitals after the gas leak, the mayor said.\n",
        ),
    ]);
    let toll = claims
        .iter()
        .find(|(_, _, v)| v.iter().any(|x| x == "240"))
        .expect("a claim holds 240");
    assert_eq!(toll.0, Verdict::Conflict, "{toll:?}");
    assert!(
        toll.1.ends_with("undated, taken as the story's time"),
        "{}",
        toll.1
    );
}

#[test]
fn a_date_without_its_year_agrees_with_that_day() {
    let (claims, warnings) = check(&[
        (
            "a.txt",
            "Putin in Tehran\n\nRussian President Vladimir Putin visited Tehran on 19 July 2022 for talks with Iranian leaders.\n",
        ),
        (
            "b.txt",
            "Wheat and drones\n\nPutin visited Tehran in July, where he met the supreme leader.\n",
        ),
    ]);
    // b.txt tells one claim of a.txt's: no twin, so its year stays unknown.
    assert!(
        !warnings.iter().any(|w| w.starts_with("b.txt")),
        "{warnings:?}"
    );
    let visit = &claims[0];
    assert_eq!(visit.0, Verdict::Agreement, "{claims:?}");
    assert!(visit.1.contains("the year is not given"), "{}", visit.1);
}

#[test]
fn the_same_undated_words_in_two_articles_are_one_claim() {
    let (claims, _) = check(&[
        (
            "a.txt",
            "Satellite in orbit\n\nRussia launched an Iranian satellite this month from Kazakhstan.\n",
        ),
        (
            "b.txt",
            "New satellite\n\nThis month Russia launched a satellite for Iran from Baikonur in Kazakhstan.\n",
        ),
    ]);
    let launch = claims
        .iter()
        .find(|(_, _, v)| v.len() == 2)
        .expect("one claim holds both launches");
    assert_eq!(launch.0, Verdict::Agreement);
    assert!(launch.1.contains("neither could be dated"), "{}", launch.1);
}

#[test]
fn a_twin_gives_the_year_and_a_later_month_is_the_storys() {
    // b.txt dates nothing with a year; it tells two of a.txt's claims, so it takes a.txt's
    // year, and its latest date ("on Aug. 9") is its month; a.txt, a little earlier by its
    // own dates, takes that month too, so their "this month" is one month.
    let (claims, warnings) = check(&[
        (
            "a.txt",
            "Putin in Tehran\n\nRussian President Vladimir Putin visited Tehran on 19 July 2022. Russia launched an Iranian satellite this month from Kazakhstan.\n",
        ),
        (
            "b.txt",
            "Satellite and summit\n\nPutin visited Tehran in July. This month Russia launched a satellite for Iran from Kazakhstan; the rocket lifted off on Aug. 9.\n",
        ),
    ]);
    assert!(
        warnings
            .iter()
            .any(|w| w.starts_with("b.txt: published 2022-08 assumed")
                && w.contains("the year from a.txt")),
        "{warnings:?}"
    );
    assert!(
        warnings
            .iter()
            .any(|w| w.starts_with("a.txt: published 2022-08 assumed")),
        "{warnings:?}"
    );
    assert!(
        !claims.iter().any(|(v, _, _)| *v == Verdict::Conflict),
        "{claims:?}"
    );
    assert!(
        claims
            .iter()
            .filter(|(v, _, _)| *v == Verdict::Agreement)
            .count()
            >= 2,
        "{claims:?}"
    );
}

#[test]
fn an_article_that_tells_of_both_days_tells_two_events() {
    // One article dates the pagers on the 17th and the radios on the 18th: the others'
    // days join the event of their own day, and no day contradicts the other.
    let (claims, _) = check(&[
        (
            "01-a-en.txt",
            "Blasts across Lebanon\n\nHundreds of pagers exploded across Lebanon on 17 September 2024, officials said.\n\nA second wave of explosions hit the country on 18 September 2024, when walkie-talkies blew up during funerals.\n",
        ),
        (
            "02-b-en.txt",
            "Radios explode in Lebanon\n\nWalkie-talkies exploded across Lebanon on 18 September 2024, a day of funerals.\n",
        ),
        (
            "03-c-en.txt",
            "Pager blasts in Lebanon\n\nThousands of pagers exploded in Lebanon on 17 September 2024.\n",
        ),
    ]);
    let days: Vec<&Judged> = claims
        .iter()
        .filter(|(_, _, v)| v.iter().any(|x| x.starts_with("2024-09-1")))
        .collect();
    assert!(
        days.iter()
            .all(|(verdict, _, _)| *verdict == Verdict::Agreement),
        "{days:?}"
    );
    for day in ["2024-09-17", "2024-09-18"] {
        assert!(
            days.iter()
                .any(|(_, _, v)| v.len() == 2 && v.iter().all(|x| x == day)),
            "{day}: {days:?}"
        );
    }
}

#[test]
fn days_no_frame_reads_contradict_only_a_day_apart() {
    let story = |day: &str| {
        let second = format!(
            "Northwind\n\nThe regional carrier Northwind ceased trading on {day} September 2019, its chairman Peter Holm told staff in Leeds.\n"
        );
        check(&[
            (
                "01-a-en.txt",
                "Northwind\n\nThe regional carrier Northwind ceased trading on 23 September 2019, its chairman Peter Holm told staff in Leeds.\n",
            ),
            ("02-b-en.txt", second.as_str()),
        ])
    };
    let dates = |claims: &[Judged]| -> Vec<(Verdict, usize)> {
        claims
            .iter()
            .filter(|(_, _, v)| v.iter().any(|x| x.starts_with("2019-09")))
            .map(|(verdict, _, v)| (*verdict, v.len()))
            .collect()
    };
    // A day apart: one event told two ways, a conflict.
    let (near, _) = story("24");
    assert_eq!(dates(&near), [(Verdict::Conflict, 2)], "{near:?}");
    // Two days apart, with no frame to say what happened: two days, never a conflict.
    let (far, _) = story("25");
    assert!(
        dates(&far)
            .iter()
            .all(|&(v, n)| v == Verdict::SingleSource && n == 1),
        "{far:?}"
    );
}
