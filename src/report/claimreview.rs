//! ClaimReview writer: schema.org `ClaimReview` JSON-LD, one review per claim, for the
//! fact-checking world's tools.
//!
//! `claimReviewed` is the claim's summary; `itemReviewed` is a `Claim` whose `appearance`
//! lists each article that states it (its url, else its file name), once per speaker, with
//! the speaker as `author` (a bare `name`: crosscheck does not know whether a speaker is a
//! person or an organisation); `reviewRating.alternateName` is "Sources conflict",
//! "Sources agree" or "Single source", and `ratingExplanation` the reason. The review's own
//! `author` and `datePublished` are left to the newsroom that publishes it (crosscheck
//! never reads the clock).
//!
//! Input: an [`Analysis`]. Output: a JSON array of review objects, each with its
//! `@context`, pretty-printed and byte-identical for the same input.

use crate::Analysis;
use crate::judge::Verdict;
use serde::Serialize;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ClaimReview<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    /// The claim id: stable across runs (see `matching`).
    identifier: &'a str,
    claim_reviewed: &'a str,
    item_reviewed: Claim<'a>,
    review_rating: Rating<'a>,
}

#[derive(Serialize)]
struct Claim<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    appearance: Vec<Appearance<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Appearance<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    /// The file name, always (the url alone may not tell the folder's file).
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<Named<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    publisher: Option<Organization<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_published: Option<String>,
    in_language: &'a str,
    /// The sentence that states the claim (the first, where the speaker says it twice).
    text: &'a str,
}

#[derive(Serialize)]
struct Named<'a> {
    name: &'a str,
}

#[derive(Serialize)]
struct Organization<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rating<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    alternate_name: &'static str,
    rating_explanation: &'a str,
}

/// The rating's name for a verdict.
pub fn rating_name(v: Verdict) -> &'static str {
    match v {
        Verdict::Conflict => "Sources conflict",
        Verdict::Agreement => "Sources agree",
        Verdict::SingleSource => "Single source",
    }
}

/// schema.org ClaimReview JSON-LD: an array of reviews.
pub fn report_claimreview(a: &Analysis) -> String {
    let reviews: Vec<ClaimReview> = a
        .claims
        .iter()
        .map(|j| {
            let mut appearance: Vec<Appearance> = Vec::new();
            let mut seen: Vec<(usize, Option<&str>)> = Vec::new();
            for &i in &j.claim.mentions {
                let m = &a.mentions[i];
                let who = (m.article, m.speaker.as_deref());
                if seen.contains(&who) {
                    continue;
                }
                seen.push(who);
                let art = &a.story.articles[m.article];
                appearance.push(Appearance {
                    kind: "CreativeWork",
                    url: art.url.as_deref(),
                    name: &art.file,
                    author: m.speaker.as_deref().map(|name| Named { name }),
                    publisher: art.outlet.as_deref().map(|name| Organization {
                        kind: "Organization",
                        name,
                    }),
                    date_published: art.published.map(|p| p.to_string()),
                    in_language: &art.language,
                    text: &m.text,
                });
            }
            ClaimReview {
                context: "https://schema.org",
                kind: "ClaimReview",
                identifier: &j.claim.id,
                claim_reviewed: &j.claim.summary,
                item_reviewed: Claim {
                    kind: "Claim",
                    appearance,
                },
                review_rating: Rating {
                    kind: "Rating",
                    alternate_name: rating_name(j.verdict),
                    rating_explanation: &j.reason,
                },
            }
        })
        .collect();
    let mut s = serde_json::to_string_pretty(&reviews).expect("ClaimReview serializes");
    s.push('\n');
    s
}
