//! The shape of a rule file, as serde reads it (first validation pass).
//!
//! Every struct denies unknown fields, so a misspelt key is an error with a line and column.
//! Fields whose *meaning* is checked later (regexes, ids, types) are `Spanned` so that the
//! second pass can still point at them.

use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

/// One TOML file under `rules/`. Any section may appear; by convention a file holds one thing.
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RuleFile {
    pub language: Option<LangFile>,
    #[serde(default)]
    pub frame: Vec<FrameFile>,
    #[serde(default)]
    pub entity: Vec<EntityFile>,
    #[serde(default)]
    pub office: Vec<OfficeFile>,
    #[serde(default)]
    pub demonym: Vec<DemonymFile>,
    #[serde(default)]
    pub topic: Vec<TopicFile>,
    #[serde(default)]
    pub furniture: Vec<FurnitureFile>,
    #[serde(default)]
    pub concept: Vec<ConceptFile>,
    pub settings: Option<SettingsFile>,
    pub names: Option<NamesFile>,
}

/// Words of nationality for a country defined elsewhere (see `rules/entities/demonyms.toml`):
/// adjectives and nouns in every language, matched case-sensitively as whole words, as the
/// country's own `demonyms` are.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemonymFile {
    /// The country entity's `name`.
    pub country: Spanned<String>,
    /// Forms per language ("cambodgien", "cambodgienne", …).
    pub words: BTreeMap<String, Vec<String>>,
}

/// One term of one office: who held it, from when, until when (see `rules/entities/offices.toml`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfficeFile {
    /// The full name as news writes it.
    pub person: Spanned<String>,
    /// Other full-name spellings (other languages and scripts).
    #[serde(default)]
    pub aliases: Vec<String>,
    pub role: String,
    /// ISO date of taking office.
    pub from: Spanned<String>,
    /// ISO date of leaving office; none while in office.
    pub to: Option<Spanned<String>>,
}

/// How one name is spelt in the Latin letters of different languages: rewrites that make
/// "Peseschkian", "Pezeshkian" and "Пезешкиан" one name key.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NamesFile {
    /// Letter sequences of a transliterated, lowercased name and what they become ("sch" =
    /// "sh", "w" = "v"); at each place the longest sequence listed is rewritten.
    pub spellings: BTreeMap<String, Spanned<String>>,
    /// Spellings of one name that must give one key.
    #[serde(default)]
    pub example: Vec<NamesExampleFile>,
    /// Names that must stay apart.
    #[serde(default)]
    pub counter: Vec<NamesExampleFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NamesExampleFile {
    pub names: Spanned<Vec<String>>,
}

/// A concept of the lexicon: one meaning, its words in every language ("die" = die, dead,
/// death toll / mourir, mort, décès / tewas, meninggal …). Frames and topics name concepts
/// instead of listing words.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConceptFile {
    pub id: Spanned<String>,
    /// What the concept means, in a few English words.
    pub gloss: Option<String>,
    /// Word patterns per language, matched on stems (see `words::WordPattern`): "death
    /// toll", "perdu .. vie" (up to four words between), "Todesopfer*" (a prefix),
    /// "=lives" (exactly that word).
    pub words: BTreeMap<String, Vec<Spanned<String>>>,
    /// Sentences the concept's words must find.
    #[serde(default)]
    pub example: Vec<FrameCounterFile>,
    /// Sentences they must not find.
    #[serde(default)]
    pub counter: Vec<FrameCounterFile>,
    /// Whether the concept's words attribute words to a speaker: `"speech"` ("said",
    /// "a déclaré") or `"denial"` ("denied", "a démenti"). Such a concept finds speakers
    /// and denials, and is no word two statements share.
    pub cue: Option<Cue>,
    /// Whether the concept names who acts or speaks (an official, a ministry, a lawyer)
    /// rather than what happens: beside a value it says who gives the figure, as a name
    /// does, not what the figure is.
    #[serde(default)]
    pub actor: bool,
    /// Whether the concept names the period a figure is counted over ("annual",
    /// "quarterly", "per day"): two figures over different periods are two figures.
    #[serde(default)]
    pub rate: bool,
    /// Whether the concept makes a figure a projection of another ("forecast", "quick
    /// count"): a projection and the figure itself, once known, are two figures.
    #[serde(default)]
    pub projection: bool,
    /// Whether the concept is a rank ("first", "second"): the event or figure told beside
    /// one rank is not the one told beside another ("the first aid package", "a second
    /// package").
    #[serde(default)]
    pub ordinal: bool,
    /// Whether a number right beside the concept tells what a counted thing is like, not
    /// how many there are ("aged 67 and 56", "a 56-year-old woman", "im Alter von 56"): no
    /// frame counts it.
    #[serde(default)]
    pub attribute: bool,
    /// Whether the concept's words make what they name when they tell it ("announced the
    /// suspension", "ordered the evacuation"): a date beside them dates what they name, as
    /// a date beside other speech ("described the attack") does not.
    #[serde(default)]
    pub act: bool,
    /// Whether the concept's words tell a change of a figure ("rose", "lowered", "fell"): a
    /// date right beside them, with them between it and an event's words, dates the change
    /// ("on Friday lowered the death toll from the crash to 48"), not the event.
    #[serde(default)]
    pub change: bool,
    /// Whether a duration right beside the concept is the time elapsed up to when the
    /// article was written ("two weeks ago", "vor zwei Wochen", "hace dos
    /// semanas"): two such durations are compared only when told on the same day.
    #[serde(default)]
    pub elapsed: bool,
    /// Whether the concept points back at the country the article last named ("the
    /// country", "le pays", "negara itu"): a place slot that finds no place of its own in
    /// the sentence takes that country.
    #[serde(default)]
    pub anaphor: bool,
    /// Whether a duration right beside the concept is the time between an event and the day
    /// its sentence tells ("on Sunday, two days after the attack", "ce lundi, trois jours
    /// après l'attaque"): two such durations are compared only when their days agree.
    #[serde(default)]
    pub between: bool,
    /// Whether the concept covers the things of narrower ones ("people" covers workers,
    /// crew and firefighters): a word counted under it and under a narrower concept is
    /// told by the narrower one when two figures differ.
    #[serde(default)]
    pub broad: bool,
    /// Whether the rank is the first one: a thing told without a rank is most often the
    /// first, so a value told beside a later rank is not compared with one told without.
    #[serde(default)]
    pub earliest: bool,
    /// Whether the concept only says what a statement is about ("sanctions", "fraud",
    /// "ceasefire"): statements in two languages share it, and no figure is told by it.
    #[serde(default)]
    pub subject: bool,
    /// The concepts that mean the opposite act ("agree" and "approve" for "refuse"): a
    /// figure told beside one is not the figure told beside the other. Symmetric; name it
    /// on one of the two.
    #[serde(default)]
    pub opposite: Vec<Spanned<String>>,
}

/// What a cue concept does in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Cue {
    Speech,
    Denial,
    /// The sentence tells an earlier event as background ("revived memories of", "à
    /// l'époque", "тогда"): its figures and dates are that event's.
    Backdrop,
    /// A figure right beside it counts part of a group ("five children are among the dead",
    /// "среди них четверо детей", "dont deux enfants"): not the group's own count.
    Subgroup,
    /// Right after a figure, it makes the figure a part of a group already counted ("three
    /// of the dead were identified", "drei der Toten", "трое из погибших").
    Partitive,
    /// Later in a figure's clause, it makes the figure a part of the casualties ("28 skaters
    /// were among the dead", "drei Deutsche waren unter den Toten", "трое россиян оказались
    /// среди погибших"): not the toll.
    Member,
    /// A word that points back at what was said ("the accusation", "kesimpulan itu", "den
    /// Vorwurf"): a denial made of such words denies the statement before it.
    Reference,
    /// A verb that turns something down ("rejected", "dismissed", "a écarté", "menolak"): a
    /// denial when what it turns down is something said (a `reference` word, or a clause
    /// it opens: "dismissed the idea that …", "menolak tudingan itu"), no cue otherwise
    /// ("rejected the offer").
    Rejection,
}

/// Engine-wide knobs that are still data.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SettingsFile {
    /// Jaro-Winkler similarity above which an unknown name is taken as a known entity.
    pub name_similarity: Option<Spanned<f64>>,
    /// Days within which two different dates of one event are a conflict, not two events.
    pub event_window_days: Option<Spanned<i64>>,
    /// Days within which two reports of a count without its own period are one count.
    pub count_window_days: Option<Spanned<i64>>,
    /// Weighted share of content words two statements must share to be one claim.
    pub content_overlap: Option<Spanned<f64>>,
    /// Weighted share of context two catch-all values must share to be one claim when
    /// their values agree.
    pub value_agreement: Option<Spanned<f64>>,
    /// The share they must have in common to be one claim when their values differ.
    pub value_conflict: Option<Spanned<f64>>,
    /// Units of measures that vary by hour and place (temperatures): an article's only
    /// such measure is not one figure with another article's for being alone.
    pub varying_units: Option<Vec<Spanned<String>>>,
}

/// A language pack: `[language]` with its sub-tables.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LangFile {
    pub code: Spanned<String>,
    pub name: Option<String>,
    /// Frequent function words, used to detect the language of an article.
    #[serde(default)]
    pub stopwords: Vec<String>,
    /// Tokens ending in a period that do not end a sentence ("Aug.", "U.S.").
    #[serde(default)]
    pub abbreviations: Vec<String>,
    /// Titles and roles stripped from names ("President", "Brig. Gen.").
    #[serde(default)]
    pub titles: Vec<String>,
    /// Whether titles form compounds ("Bundeskanzlerin" is a "Kanzlerin"): German does,
    /// English does not ("speaking" is no "king"). Default false.
    pub title_compounds: Option<bool>,
    /// Words after which a lone capitalised word is a noun, not a name, in a language
    /// that capitalises its nouns ("jede Verwicklung", "eine Lüge", "reine Erfindung").
    #[serde(default)]
    pub noun_markers: Vec<String>,
    /// Lowercase words inside personal names ("bin", "van", "de").
    #[serde(default)]
    pub name_particles: Vec<String>,
    /// Words for administrative areas before a place's name ("Landkreis", "Kabupaten"):
    /// stripped from the name, and allowed between a preposition of place and it.
    #[serde(default)]
    pub place_titles: Vec<String>,
    /// Prepositions of place: a name no list knows, right after one, is a place ("in
    /// Sinzig", "di Kepanjen", "в Красногорске").
    #[serde(default)]
    pub locatives: Vec<String>,
    /// The stemmer for word patterns and statement words.
    #[serde(default)]
    pub stem: StemFile,
    #[serde(default)]
    pub dates: DatesFile,
    #[serde(default)]
    pub numbers: NumbersFile,
    #[serde(default)]
    pub attribution: AttributionFile,
    #[serde(default)]
    pub example: Vec<NormExampleFile>,
}

/// Affixes stripped from content words so that "stalled" meets "stalling" and
/// "menembakkan" meets "ditembakkan". The longest matching prefix goes first, then the
/// longest suffix; what is left keeps at least three letters.
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct StemFile {
    /// A Snowball algorithm ("english", "french", "german", "spanish", "russian", …) for
    /// word patterns. Without one, word patterns use the affixes below.
    pub snowball: Option<Spanned<String>>,
    /// Prefixes; "men>t" rewrites the prefix to "t" before a vowel (Indonesian
    /// "menembak" is "tembak"), and strips it otherwise.
    #[serde(default)]
    pub prefixes: Vec<String>,
    #[serde(default)]
    pub suffixes: Vec<String>,
    /// The letters before which a rewrite applies (without them, prefixes are only
    /// stripped).
    pub vowels: Option<String>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct DatesFile {
    /// Twelve lists, January first: every spelling and abbreviation of each month.
    pub months: Option<Spanned<Vec<Vec<String>>>>,
    /// Seven lists, Monday first.
    pub weekdays: Option<Spanned<Vec<Vec<String>>>>,
    /// Suffixes after a day number ("st", "th", ".").
    #[serde(default)]
    pub day_suffixes: Vec<String>,
    /// Words that introduce a bare month or year ("in July", "pada 2021").
    #[serde(default)]
    pub prefixes: Vec<String>,
    /// Words between day, month and year ("19 de julio de 2022").
    #[serde(default)]
    pub connectors: Vec<String>,
    /// Words after a date that belong to it ("Juli kemarin" = last July).
    #[serde(default)]
    pub absorb_after: Vec<String>,
    /// Order of all-numeric dates: "dmy" or "mdy".
    pub numeric_order: Option<Spanned<String>>,
    /// Relative expressions: canonical English phrase -> spellings in this language.
    #[serde(default)]
    pub relative: BTreeMap<String, Vec<String>>,
    /// Words that open a range of years or days ("between", "from").
    #[serde(default)]
    pub range_start: Vec<String>,
    /// Words that join its two ends ("and", "to"). A dash always joins.
    #[serde(default)]
    pub range_join: Vec<String>,
    /// Words that make a date a deadline ("until 22 May", "до 22 мая"): it dates no
    /// event.
    #[serde(default)]
    pub until: Vec<String>,
    /// Words that open a period running to the report ("since January", "depuis le 1er
    /// janvier", "seit Jahresbeginn"): a running total's time is the report's, not the
    /// date named.
    #[serde(default)]
    pub since: Vec<String>,
    /// The day before or after the last day the article named ("a day earlier", "am
    /// Vortag", "накануне"; "the next day"). Resolved against that day, not publication.
    #[serde(default)]
    pub day_before: Vec<String>,
    #[serde(default)]
    pub day_after: Vec<String>,
    /// Words right after "the day before" that make it the day before what follows ("la
    /// veille de l'attaque", "am Vortag des Anschlags"): a day no sentence gives, so no date.
    #[serde(default)]
    pub day_of: Vec<String>,
    /// Words right before a weekday that look ahead ("starting", "à partir de", "ab",
    /// "mulai"): the weekday is the next one from publication, not the last.
    #[serde(default)]
    pub ahead: Vec<String>,
    /// Words that put a clause in the future ("will", "soll", "akan", "состоится",
    /// "vorgesehen"): a weekday in the same clause, up to six words after one or right
    /// before one, is the next one from publication.
    #[serde(default)]
    pub future: Vec<String>,
    /// Words after the weekday, in its clause, that undo a `future` word: "soll am
    /// Freitag … eingestochen haben" reports what is said to have happened.
    #[serde(default)]
    pub not_future: Vec<String>,
    /// Times of day: regexes with the groups `h` (the hour), and optionally `m` (minutes)
    /// and `half` (a word of `am` or `pm`): "20:11", "um 20.11 Uhr", "pukul 20.11".
    #[serde(default)]
    pub times: Vec<Spanned<String>>,
    /// Words after an hour for the morning ("a.m.", "утра") and the afternoon or evening
    /// ("p.m.", "вечера"): a `half` group in `pm` adds twelve hours.
    #[serde(default)]
    pub am: Vec<String>,
    #[serde(default)]
    pub pm: Vec<String>,
    /// Time zones named right after a time, and their offset from UTC ("WIB" = "+07:00",
    /// "GMT" = "Z").
    #[serde(default)]
    pub zones: BTreeMap<String, Spanned<String>>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct NumbersFile {
    /// Decimal separator: "." or ",".
    pub decimal: Option<Spanned<String>>,
    /// Scale words and their factor ("billion" = 1e9, "miliar" = 1e9).
    #[serde(default)]
    pub scales: BTreeMap<String, f64>,
    /// Small number words ("four" = 4).
    #[serde(default)]
    pub words: BTreeMap<String, f64>,
    /// How compound numbers are written, from the tens (20–90) and units (1–9) among
    /// `words`: "{tens}-{units}" (twenty-one), "{units}und{tens}" (einundzwanzig).
    #[serde(default)]
    pub compounds: Vec<Spanned<String>>,
    /// Forms of the units used only inside compounds ("ein" in "einundzwanzig").
    #[serde(default)]
    pub compound_units: BTreeMap<String, f64>,
    /// How a range of numbers is written: "between {a} and {b}", "{a} bis {b}". The first
    /// end reads "at least", the second "at most" (unless a change word comes before:
    /// "rose from 12 to 15" is no range).
    #[serde(default)]
    pub ranges: Vec<Spanned<String>>,
    /// How a change from one figure to another is written: "from {a} to {b}", "с {a} до
    /// {b}". After a change word in the clause ("the toll rose from 86 to 91"), {a} is an
    /// earlier figure, not the story's.
    #[serde(default)]
    pub updates: Vec<Spanned<String>>,
    /// Words of a change with no direction ("passé de 12 à 15", "revised from 6 to 8"):
    /// with `up` and `down`, they make "from {a} to {b}" a change, not a range.
    #[serde(default)]
    pub changes: Vec<String>,
    /// Endings that make a number an ordinal ("32nd", "32e", "32-м"): it is read as the
    /// number, and an ending that is also a unit ("м") is no unit.
    #[serde(default)]
    pub ordinal_suffixes: Vec<String>,
    /// Percent signs and words.
    #[serde(default)]
    pub percent: Vec<String>,
    /// Currency symbols, codes and names -> ISO 4217 code.
    #[serde(default)]
    pub currencies: BTreeMap<String, Spanned<String>>,
    /// Words that make a following or preceding change positive or negative.
    #[serde(default)]
    pub up: Vec<String>,
    #[serde(default)]
    pub down: Vec<String>,
    /// Verbs whose particle is no direction ("turned down by 64% of members" is a
    /// rejection, not a fall): two words, the verb and the particle.
    #[serde(default)]
    pub particle_verbs: Vec<String>,
    /// Words that make the number after them a level, not a change: "fell to 6.9%" is
    /// 6.9%, "fell 6.9%" is -6.9%.
    #[serde(default)]
    pub level: Vec<String>,
    /// Words after a number that make it a part, not a count: "one of the deadliest",
    /// "dua dari", "один из".
    #[serde(default)]
    pub partitive: Vec<String>,
    /// Words that introduce an earlier figure for comparison ("from", "compared with",
    /// "dibandingkan"): the amount after one may carry a period of its own.
    #[serde(default)]
    pub compare: Vec<String>,
    /// Indefinite articles ("a", "une", "eine", "seorang"): after a conjunction, one more
    /// thing counted with the count before ("two men and a woman were killed").
    #[serde(default)]
    pub indefinites: Vec<String>,
    /// Multiplier words ("doubled" = 2).
    #[serde(default)]
    pub factors: BTreeMap<String, f64>,
    /// Words that stand for a number before a scale word written out, with `{scale}` where
    /// the scale word goes: "a {scale}" = 1 ("a million people"), "half a {scale}" = 0.5,
    /// "пол{scale}" = 0.5 ("полмиллиона"), "se{scale}" = 1 ("sejuta").
    #[serde(default)]
    pub scale_leads: BTreeMap<String, Spanned<f64>>,
    /// Duration unit words -> ISO 8601 designator (Y, M, W, D), or H, MIN, S for hours,
    /// minutes and seconds.
    #[serde(default)]
    pub durations: BTreeMap<String, Spanned<String>>,
    /// Words that join a person to a number of years, making the years an age ("Faye, de
    /// 44 años", "une Japonaise de 58 ans"), after a comma or a word for a person.
    #[serde(default)]
    pub age_of: Vec<String>,
    /// Unit words of a number of years written as an adjective that makes the years an
    /// age when a person comes right after ("20-летний Кутим", "26-летний гражданин"; not
    /// "25-летний договор").
    #[serde(default)]
    pub age_before: Vec<String>,
    /// Currency words several countries' currencies share ("roupies": Indian, Indonesian,
    /// Pakistani…), each with the ISO 4217 codes it may mean and their countries: in an
    /// article that names one of these countries, the word means the currency of the one
    /// it names most; in one that names none, the code of `currencies`.
    #[serde(default)]
    pub shared_currencies: BTreeMap<String, BTreeMap<String, Spanned<String>>>,
    /// Words between a number and a unit of time that add a half ("two and a half hours",
    /// "два с половиной часа", "dua setengah jam"); German writes it in one number word
    /// ("zweieinhalb", in `words`).
    #[serde(default)]
    pub half: Vec<String>,
    /// Words after a unit of time that add a half ("deux heures et demie", "siete años y
    /// medio").
    #[serde(default)]
    pub half_after: Vec<String>,
    /// Words that make a figure one per unit, not a total ("131 millones de dólares cada
    /// una", "jeweils 131 Millionen", "masing-masing"): right before the figure, or at most
    /// one word after it.
    #[serde(default)]
    pub each: Vec<String>,
    /// Words that make a figure one per unit only right before it ("по 131 млн", "je 131
    /// Millionen"; "14:50 по местному времени" is no such figure).
    #[serde(default)]
    pub each_before: Vec<String>,
    /// Words right before the part of a partitive that make it the whole group ("every
    /// one of the 298 people aboard": 298, not one).
    #[serde(default)]
    pub whole_before: Vec<String>,
    /// Words right before a number that make "N hours" a time of day ("à 9 heures", "a las
    /// 9 horas", "в 9 часов"), not a duration.
    #[serde(default)]
    pub clock_before: Vec<String>,
    /// Units of measure -> their symbol ("kilómetros" = "km", "feet" = "ft"): a number
    /// before one is a measurement ("26 km"), not a count.
    #[serde(default)]
    pub units: BTreeMap<String, Spanned<String>>,
    /// Approximation markers before a number -> about | over | under | nearly | at-least |
    /// at-most ("less than" = under, "nearly" = nearly, "more than" = over, "sekitar" =
    /// about).
    #[serde(default)]
    pub approx: BTreeMap<String, Spanned<String>>,
    /// Approximation words that are a preposition right after a capitalised word (a German
    /// noun): "eine Garantie über neun Milliarden" is a guarantee of nine billion.
    #[serde(default)]
    pub prepositions: Vec<String>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct AttributionFile {
    /// Speech verbs with the speaker before them ("X said"). Regexes.
    #[serde(default)]
    pub speech: Vec<Spanned<String>>,
    /// Cues with the speaker after them ("according to X", "menurut X"). Regexes.
    #[serde(default)]
    pub speech_after: Vec<Spanned<String>>,
    /// Participles of speech after a comma ("…, saying", "…, estimant que", "…, заявив,
    /// что"): the speaker is the subject of the sentence's main clause. Regexes.
    #[serde(default)]
    pub speech_participle: Vec<Spanned<String>>,
    /// Cues that carry their own pronoun ("ujarnya", "katanya"): the speaker is the last
    /// one named. Regexes.
    #[serde(default)]
    pub speech_self: Vec<Spanned<String>>,
    /// Denial cues; a mention in their scope `denies`. Regexes.
    #[serde(default)]
    pub denial: Vec<Spanned<String>>,
    /// Hedges kept on the mention ("reportedly"). Regexes.
    #[serde(default)]
    pub hedge: Vec<Spanned<String>>,
    /// Citations of an upstream source; the group `source` names it. Regexes.
    #[serde(default)]
    pub citation: Vec<Spanned<String>>,
    /// Pronouns that refer back to the last named speaker.
    #[serde(default)]
    pub pronouns: Vec<String>,
    /// Role nouns that make an unnamed speaker ("the railway ministry", "officials").
    #[serde(default)]
    pub roles: Vec<String>,
    /// Words that open a reported clause ("that", "bahwa", "dass"); left out of summaries.
    #[serde(default)]
    pub complementizers: Vec<String>,
    /// Words that join two clauses ("and", "y", "und", "dan"): the object of a denial
    /// ends at one ("rechazó la acusación y aseguró que …").
    #[serde(default)]
    pub conjunctions: Vec<String>,
    /// Words after a comma that take up the clause before as the object of a denial that
    /// follows ("…, which the army denied", "…, ce que l'armée a démenti", "…, was die
    /// Armee bestritt"): what the clause says, another denies.
    #[serde(default)]
    pub relatives: Vec<String>,
    /// Pronouns that open a relative clause on the noun before them ("der", "die",
    /// "который", "yang", "qui"): a denial in such a clause right after a comma ("eine
    /// Seitenwindkomponente, die der Feuerwehrchef bestritten hatte") denies that noun, in
    /// its own sentence, not the statement before.
    #[serde(default)]
    pub relative_pronouns: Vec<String>,
    /// Negation cues ("not", "nicht", "tidak", "не", "ne … pas"): a statement whose own
    /// predicate they negate `denies` it. Regexes.
    #[serde(default)]
    pub negation: Vec<Spanned<String>>,
    /// Phrases in which a negation cue negates nothing ("not only", "no fewer than", "no
    /// later than", "cannot rule out"): a cue inside one of their matches is no negation.
    /// Regexes.
    #[serde(default)]
    pub not_negation: Vec<Spanned<String>>,
    /// Words that open a subordinate clause ("who", "when", "because", "weil", "yang"): a
    /// negation after one negates that clause, not the statement.
    #[serde(default)]
    pub subordinators: Vec<String>,
    /// Words that open, after a comma, a clause about another thing ("while", "mientras",
    /// "sementara"): a figure in that clause is not the figure of a trigger before it.
    #[serde(default)]
    pub contrast: Vec<String>,
    /// Whether a speech verb right after a comma has its speaker after it, whatever stands
    /// before the comma ("Die Berichte seien reine Erfindung, sagte Georgescu"): German
    /// puts the verb second, and the noun before the comma is no subject. Default false
    /// (in English, "Smith, 62, said Moscow had …" keeps Smith).
    pub inverted_after_comma: Option<bool>,
    /// Whether the language drops its subject pronouns ("«…», añadió."): a speech verb
    /// right after a quotation, ending the sentence, is the last speaker's.
    #[serde(default)]
    pub drops_pronouns: Option<bool>,
}

/// An example for the normalizer: every value found in `text`, in order.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NormExampleFile {
    pub text: Spanned<String>,
    /// The document date the text is resolved against.
    pub published: Option<String>,
    pub expect: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrameFile {
    pub id: Spanned<String>,
    /// event | quantity | statement
    pub kind: Spanned<String>,
    /// Template with `{slot}` and `{period}` placeholders.
    pub summary: Spanned<String>,
    /// Trigger regexes per language. Named groups fill slots of the same name.
    #[serde(default)]
    pub triggers: BTreeMap<String, Vec<Spanned<String>>>,
    /// Concepts of the lexicon whose words trigger the frame in every language.
    #[serde(default)]
    pub concepts: Vec<Spanned<String>>,
    /// Trigger word patterns per language, matched on stems (beside the concepts' words).
    #[serde(default)]
    pub terms: BTreeMap<String, Vec<Spanned<String>>>,
    /// Regexes per language: a trigger overlapping one of these does not fire.
    #[serde(default)]
    pub exclude: BTreeMap<String, Vec<Spanned<String>>>,
    #[serde(default)]
    pub slots: BTreeMap<String, SlotFile>,
    pub value: ValueFile,
    /// Where the time of the claim may come from when the sentence has none:
    /// "sentence" (nowhere else), "paragraph", or "document" (default).
    pub time: Option<Spanned<String>>,
    /// Slots whose values must agree for two mentions to be one claim.
    #[serde(default)]
    pub key: Vec<Spanned<String>>,
    /// Slots that keep claims apart when two mentions name different fillers ("93 dead in
    /// Ahrweiler", "49 dead in North Rhine-Westphalia"). A mention that names none takes
    /// its article's most frequent filler, else the story's.
    #[serde(default)]
    pub qualifiers: Vec<Spanned<String>>,
    /// A fallback (default false): a statement frame fires only where no other frame took a
    /// speaker in the sentence; a quantity frame only on numbers no other frame took.
    pub fallback: Option<bool>,
    /// Key values a story tells one figure of (a fallback quantity frame's "depth": the
    /// quake's): their different figures are one claim whatever words stand around them.
    #[serde(default)]
    pub told_once: Vec<Spanned<String>>,
    /// A catch-all (default false): every value of the frame's type that no other frame
    /// took becomes a mention, with no trigger.
    pub catch_all: Option<bool>,
    /// Drop mentions without a speaker (default false).
    pub needs_speaker: Option<bool>,
    #[serde(default)]
    pub example: Vec<FrameExampleFile>,
    /// Texts on which the frame must not fire.
    #[serde(default)]
    pub counter: Vec<FrameCounterFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SlotFile {
    /// One type or several in order of preference: person, country, city, org, place,
    /// party, topic, unknown.
    #[serde(rename = "type")]
    pub types: Spanned<TypeList>,
    /// How many distinct entities the slot takes (default 1).
    pub count: Option<usize>,
    /// before | after | any (default any): where the filler stands relative to the trigger.
    pub side: Option<Spanned<String>>,
    /// nearest (default) | first: which candidate on that side.
    pub pick: Option<Spanned<String>>,
    /// For topic slots: the topic group to draw from.
    pub group: Option<String>,
    /// Default true: a mention without this slot is dropped.
    pub required: Option<bool>,
    /// "paragraph": take the filler from an earlier sentence of the paragraph when absent.
    pub inherit: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(untagged)]
pub enum TypeList {
    One(String),
    Many(Vec<String>),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ValueFile {
    /// date | money | percent | count | duration | factor | polarity
    #[serde(rename = "type")]
    pub kind: Spanned<String>,
    /// Relative tolerance for numbers (default 0.05 for money, 0.0 otherwise).
    pub tolerance: Option<f64>,
    /// Keep only values with this sign change for percent frames: "signed" makes
    /// "fell 6%" -6%.
    pub side: Option<Spanned<String>>,
    /// For counts, per language: what a number may count. A count followed by a content
    /// word ("17 coaches", "101 bodies") fills the frame only when one of these regexes
    /// matches that word, or the word is one of the frame's triggers ("40 dead").
    #[serde(default)]
    pub units: BTreeMap<String, Vec<Spanned<String>>>,
    /// Concepts whose words a count may count, in every language ("person": people,
    /// personnes, orang …), beside `units`.
    #[serde(default)]
    pub unit_concepts: Vec<Spanned<String>>,
    /// Concepts of the lexicon that make a count one of a group of its own when they are
    /// what it counts ("15 civilians", "three soldiers"): the concept joins the key, so that
    /// a group's count is compared with the same group's only, never with the total.
    #[serde(default)]
    pub subgroups: Vec<Spanned<String>>,
    /// The value must lie inside the trigger's match (default false).
    pub in_trigger: Option<bool>,
    /// For dates: at most this many characters between the trigger and the date, so that
    /// "the attack" named in passing takes no date from "…, police said on Saturday".
    pub near: Option<usize>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrameExampleFile {
    pub language: Spanned<String>,
    pub text: Spanned<String>,
    pub published: Option<String>,
    /// Expected `value`, `period`, `speaker`, `polarity` and slot values.
    pub expect: BTreeMap<String, String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrameCounterFile {
    pub language: Spanned<String>,
    pub text: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntityFile {
    pub name: Spanned<String>,
    /// person | country | city | org | outlet
    #[serde(rename = "type")]
    pub kind: Spanned<String>,
    /// Spellings in any language and script, matched case-sensitively as whole words.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Spellings valid in one language only ("AS" is the United States in Indonesian).
    #[serde(default)]
    pub local: BTreeMap<String, Vec<String>>,
    /// Adjectives and nouns of nationality ("Russian", "Iranian").
    #[serde(default)]
    pub demonyms: Vec<String>,
    /// Words that stand for the entity as a speaker or agent ("the Kremlin").
    #[serde(default)]
    pub metonyms: Vec<String>,
    /// For cities and organisations: the country they stand for as an agent.
    pub country: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopicFile {
    pub id: Spanned<String>,
    pub group: String,
    /// Regexes per language, matched case-insensitively.
    #[serde(default)]
    pub words: BTreeMap<String, Vec<Spanned<String>>>,
    /// Concepts of the lexicon whose words name the topic in every language.
    #[serde(default)]
    pub concepts: Vec<Spanned<String>>,
    /// Word patterns per language, matched on stems.
    #[serde(default)]
    pub terms: BTreeMap<String, Vec<Spanned<String>>>,
    /// The dimensions of the units (normalize's table: "length", "speed") a measure it
    /// names may have: a distance is no figure in km/h.
    #[serde(default)]
    pub measures: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FurnitureFile {
    pub id: Spanned<String>,
    /// Regex matched against one trimmed line; a match drops the line.
    pub pattern: Spanned<String>,
    /// Lines it must drop.
    #[serde(default)]
    pub examples: Vec<String>,
    /// Lines it must keep.
    #[serde(default)]
    pub counter: Vec<String>,
}
