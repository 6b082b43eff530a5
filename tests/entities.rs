//! The gazetteer on the default rules: the generated world list (rules/entities/world.toml,
//! from CLDR) names every country in its language's spellings and case forms, and a
//! spelling of one language is no name in another.

use crosscheck::entities::Gazetteer;
use crosscheck::rules;

/// The entities the gazetteer finds in `text` that `keep` keeps, by canonical name.
fn found(text: &str, lang: &str, keep: fn(&crosscheck::entities::Hit) -> bool) -> Vec<String> {
    let set = rules::load(&rules::default_sources()).expect("rules");
    let gazetteer = Gazetteer::new(&set);
    gazetteer
        .find(text, &set.langs[lang])
        .into_iter()
        .filter(keep)
        .map(|h| h.name)
        .collect()
}

fn names(text: &str, lang: &str) -> Vec<String> {
    found(text, lang, |h| h.kind == rules::EntityKind::Country)
}

#[test]
fn countries_the_hand_written_list_lacks_are_known_in_every_language() {
    assert_eq!(
        names("Floods hit Bangladesh on Monday.", "en"),
        ["Bangladesh"]
    );
    assert_eq!(names("Des incendies ravagent le Chili.", "fr"), ["Chile"]);
    assert_eq!(
        names("Der Regierungschef Griechenlands sprach.", "de"),
        ["Greece"]
    );
    // Russian case forms: genitive and prepositional.
    assert_eq!(
        names("Премьер-министр Греции заявил об этом.", "ru"),
        ["Greece"]
    );
    assert_eq!(
        names("Пожары бушуют в Чили и в Аргентине.", "ru"),
        ["Chile", "Argentina"]
    );
    assert_eq!(
        names("Kapal itu tenggelam di lepas pantai Yunani.", "id"),
        ["Greece"]
    );
}

#[test]
fn one_languages_spelling_is_no_country_in_another() {
    // "Island" is Iceland in German, an island in English.
    assert_eq!(
        names("Die Regierung von Island bestätigte das.", "de"),
        ["Iceland"]
    );
    assert!(names("Island residents were evacuated.", "en").is_empty());
}

/// Demonyms of the countries the hand-written list lacks (rules/entities/demonyms.toml).
fn demonyms(text: &str, lang: &str) -> Vec<String> {
    found(text, lang, |h| {
        h.form == crosscheck::entities::Form::Demonym
    })
}

#[test]
fn demonyms_of_every_country_name_it_in_every_language() {
    assert_eq!(
        demonyms("Côté cambodgien, on compte treize morts.", "fr"),
        ["Cambodia"]
    );
    assert_eq!(
        demonyms("Die thailändische Armee meldete Verluste.", "de"),
        ["Thailand"]
    );
    assert_eq!(
        demonyms("El ejército sudanés no respondió.", "es"),
        ["Sudan"]
    );
    assert_eq!(
        demonyms("Бразильский суд вынес приговор.", "ru"),
        ["Brazil"]
    );
    // Matched case-sensitively as whole words: "polish" is no Pole.
    assert!(demonyms("They polish the floor.", "en").is_empty());
}
