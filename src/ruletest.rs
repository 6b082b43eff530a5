//! `crosscheck rules test`: run every example and counter-example in the rule packs.
//!
//! Input: a rule set. Output: a [`TestRun`] with one line per failure and the totals.

use crate::extract::Extractor;
use crate::rules::RuleSet;
use crate::time::PartialDate;
use std::collections::BTreeSet;

#[derive(Debug, Default)]
pub struct TestRun {
    pub passed: usize,
    pub failures: Vec<String>,
    /// Examples per language pack and per frame: (name, passed, total).
    pub groups: Vec<(String, usize, usize)>,
}

impl TestRun {
    fn record(&mut self, group: &str, ok: bool, failure: impl FnOnce() -> String) {
        if self.groups.last().is_none_or(|g| g.0 != group) {
            self.groups.push((group.to_string(), 0, 0));
        }
        let g = self.groups.last_mut().expect("pushed");
        g.2 += 1;
        if ok {
            g.1 += 1;
            self.passed += 1;
        } else {
            self.failures.push(failure());
        }
    }

    pub fn total(&self) -> usize {
        self.passed + self.failures.len()
    }
}

/// Run every example of every rule.
pub fn run(rules: &RuleSet) -> TestRun {
    let ex = Extractor::new(rules);
    let mut t = TestRun::default();

    for (code, lang) in &rules.langs {
        let Some(g) = ex.grammar(code) else { continue };
        let group = format!("language {code}");
        for e in &lang.examples {
            let anchor = e.published.as_deref().and_then(PartialDate::parse);
            let got: Vec<String> = g
                .scan(&e.text, anchor)
                .iter()
                .map(|f| format!("{}{}", f.approx.sign(), f.value.canonical()))
                .collect();
            t.record(&group, got == e.expect, || {
                format!(
                    "{}: {:?}: expected {:?}, got {:?}",
                    e.at, e.text, e.expect, got
                )
            });
        }
    }

    for frame in &rules.frames {
        let group = format!("frame {}", frame.id);
        for e in &frame.examples {
            let anchor = e.published.as_deref().and_then(PartialDate::parse);
            let mentions = ex.text(&e.text, &e.language, anchor);
            // The example passes when one of the frame's mentions meets every expectation;
            // otherwise the first mention's problems are reported.
            let check = |m: &crate::extract::Mention| {
                let mut problems = Vec::new();
                for (k, want) in &e.expect {
                    let got = match k.as_str() {
                        "value" => m.value_text(),
                        "period" => m
                            .period
                            .as_ref()
                            .map_or("undated".into(), |p| p.canonical()),
                        "speaker" => m.speaker.clone().unwrap_or_else(|| "none".into()),
                        "polarity" => m.polarity.as_str().to_string(),
                        slot => m.slots.get(slot).map_or("none".into(), |v| v.join(" and ")),
                    };
                    if &got != want {
                        problems.push(format!("{k}: expected {want:?}, got {got:?}"));
                    }
                }
                problems
            };
            let ours: Vec<&crate::extract::Mention> =
                mentions.iter().filter(|m| m.rule == frame.id).collect();
            let problems = if ours.is_empty() {
                vec!["the frame did not fire".to_string()]
            } else if ours.iter().any(|m| check(m).is_empty()) {
                Vec::new()
            } else {
                check(ours[0])
            };
            t.record(&group, problems.is_empty(), || {
                format!("{}: {}: {}", e.at, frame.id, problems.join("; "))
            });
        }
        for c in &frame.counters {
            let mentions = ex.text(&c.text, &c.language, None);
            let fired = mentions.iter().any(|m| m.rule == frame.id);
            t.record(&group, !fired, || {
                format!(
                    "{}: {}: counter-example fired: {:?}",
                    c.at, frame.id, c.text
                )
            });
        }
    }

    for c in rules.concepts.values() {
        let group = format!("concept {}", c.id);
        // One index per language of the concept, built once for all its examples.
        let indexes: std::collections::BTreeMap<&str, crate::words::WordIndex> = c
            .words
            .iter()
            .map(|(l, ws)| (l.as_str(), crate::words::WordIndex::new(ws.clone())))
            .collect();
        let finds = |lang: &str, text: &str| -> bool {
            match (rules.langs.get(lang), indexes.get(lang)) {
                (Some(pack), Some(index)) => !index.find(&pack.tokens(text)).is_empty(),
                _ => false,
            }
        };
        for e in &c.examples {
            t.record(&group, finds(&e.language, &e.text), || {
                format!("{}: {}: no word of the concept in {:?}", e.at, c.id, e.text)
            });
        }
        for e in &c.counters {
            t.record(&group, !finds(&e.language, &e.text), || {
                format!("{}: {}: counter-example matched: {:?}", e.at, c.id, e.text)
            });
        }
    }

    let sp = &rules.spellings;
    for (names, at) in &sp.examples {
        let keys: Vec<String> = names.iter().map(|n| sp.key(n)).collect();
        t.record("name spellings", keys.iter().all(|k| *k == keys[0]), || {
            format!("{at}: {names:?} should be one name, but give {keys:?}")
        });
    }
    for (names, at) in &sp.counters {
        let keys: BTreeSet<String> = names.iter().map(|n| sp.key(n)).collect();
        t.record("name spellings", keys.len() == names.len(), || {
            format!("{at}: {names:?} should stay apart, but give {keys:?}")
        });
    }

    for f in &rules.furniture {
        let group = format!("furniture {}", f.id);
        for line in &f.examples {
            t.record(&group, f.pattern.is_match(line.trim()), || {
                format!("{}: {}: does not drop {:?}", f.at, f.id, line)
            });
        }
        for line in &f.counter {
            t.record(&group, !f.pattern.is_match(line.trim()), || {
                format!("{}: {}: drops article text {:?}", f.at, f.id, line)
            });
        }
    }
    t
}
