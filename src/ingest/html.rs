//! Read a saved news page: its main text, where each character of that text stands in the
//! file, and the metadata the page carries (date, outlet, URL, language).
//!
//! Input: the page's decoded source. Output: a [`Page`]: one paragraph of text per block of
//! the article body (headline first), blocks separated by a blank line, with a [`LineMap`]
//! back to the file's lines and character columns.
//!
//! The page is parsed with html5ever (through `scraper`). The main text is found as
//! Readability does: paragraphs score the elements that hold them, the best-scoring element
//! is the body, and its well-scoring siblings join it. Navigation, scripts, styles, forms,
//! asides, footers and elements whose class, id or role name page furniture (cookie
//! banners, "related stories", share bars, bylines, comments, ads) are never read, and a
//! block that is mostly links is dropped.
//!
//! The parser gives no source positions, so a second, small scan of the source finds each
//! text run between tags with the byte offset of every character, entities decoded as the
//! HTML standard decodes them; each text node of the parsed tree is then matched to the
//! runs it came from, in document order.

use ego_tree::{NodeId, NodeRef};
use scraper::{ElementRef, Html, Node};
use std::collections::{HashMap, HashSet};

/// What a page says about itself. Every field is as written in the page.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Meta {
    /// `article:published_time`, JSON-LD `datePublished`, or the body's `<time datetime>`.
    pub published: Vec<String>,
    /// `og:site_name`, else JSON-LD `publisher.name`.
    pub outlet: Option<String>,
    /// `og:url`, else `<link rel="canonical">`.
    pub url: Option<String>,
    /// `<html lang>`, reduced to its primary subtag ("en-US" is "en"), lowercase.
    pub language: Option<String>,
}

/// A page, read.
#[derive(Debug)]
pub struct Page {
    pub text: String,
    pub map: LineMap,
    pub meta: Meta,
}

/// Where the text extracted from a file stands in that file.
///
/// Built as anchors: each anchor ties a byte offset of the text to a byte offset, line and
/// character column of the file; the characters after an anchor follow it one for one in
/// the file, on the same line, up to the next anchor.
#[derive(Debug, Clone, Default)]
pub struct LineMap {
    anchors: Vec<Anchor>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Anchor {
    text: usize,
    byte: usize,
    line: usize,
    column: usize,
}

/// A place in a file: byte offset (of the decoded source), 1-based line, 1-based column in
/// characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub byte: usize,
    pub line: usize,
    pub column: usize,
}

impl LineMap {
    /// The file place of byte `at` of `text` (the text this map was built with).
    pub fn place(&self, text: &str, at: usize) -> Place {
        let i = self.anchors.partition_point(|a| a.text <= at);
        let Some(a) = i.checked_sub(1).map(|i| self.anchors[i]) else {
            return Place {
                byte: 0,
                line: 1,
                column: 1,
            };
        };
        let at = at.min(text.len());
        let between = text.get(a.text..at).unwrap_or("");
        Place {
            byte: a.byte + between.len(),
            line: a.line,
            column: a.column + between.chars().count(),
        }
    }
}

/// Read a page's main text and metadata.
pub fn read(source: &str) -> Page {
    let doc = Html::parse_document(source);
    let root = doc.root_element();
    let furniture = furniture_of(root);
    let places = align(&doc, &runs(source));
    // A page too short to score (no paragraph of 25 characters) is read whole.
    let body = main_body(root, &furniture)
        .or_else(|| root.child_elements().find(|e| e.value().name() == "body"));
    let mut b = Builder::new(source, &places, &furniture);
    if let Some(body) = body {
        if let Some(h1) = headline_outside(root, body, &furniture) {
            b.walk(*h1);
            b.end_block();
        }
        for part in with_siblings(body, &furniture) {
            b.walk(*part);
            b.end_block();
        }
    }
    let mut meta = metadata(&doc);
    // A <time> in the body (or before it, in the article's header) dates the article; one
    // in a "related stories" box dates another.
    if let Some(t) = body.and_then(|body| article_time(root, body, &furniture)) {
        meta.published.push(t);
    }
    Page {
        text: b.text,
        map: LineMap { anchors: b.anchors },
        meta,
    }
}

// ---------------------------------------------------------------------------------------
// Furniture and scoring

/// Elements never read, whatever their class.
const SKIPPED_TAGS: &str = "\
    script style noscript template svg math iframe object embed canvas nav footer aside \
    form button select textarea input label menu dialog head figcaption video audio \
    picture";

/// Class, id and role words that mark furniture wherever they appear.
const FURNITURE_WORDS: &str = "\
    nav navbar navigation menu footer sidebar aside related recommended recommendations \
    promo share sharing sharebar social cookie cookies consent gdpr newsletter subscribe \
    subscription signup comment comments disqus byline author authors ad ads advert \
    advertisement sponsor sponsored breadcrumb breadcrumbs tags popular trending \
    mostread outbrain taboola widget modal popup paywall masthead skip banner \
    complementary contentinfo search toolbar pagination pager";

/// Parts of class and id words that name the article itself, as in Readability
/// ("storytext", "entry-content", "article__body").
const BODY_WORDS: &str = "article body content entry main story text post prose";

fn names_body(words: &[String]) -> bool {
    words
        .iter()
        .any(|w| BODY_WORDS.split_whitespace().any(|b| w.contains(b)))
}

/// Tags that end a block of text.
const BLOCK_TAGS: &str = "\
    p div section article main h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote pre table \
    tr td th tbody thead figure header hr address details summary caption center body \
    html";

/// The words of an element's class, id, role, itemprop and rel: split at anything not a
/// letter or digit, lowercased, with "most-read"-style pairs also joined ("mostread").
fn words(el: &scraper::node::Element) -> Vec<String> {
    let mut out = Vec::new();
    for attr in ["class", "id", "role", "itemprop", "rel"] {
        let Some(v) = el.attr(attr) else { continue };
        let parts: Vec<String> = v
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        for pair in parts.windows(2) {
            out.push(format!("{}{}", pair[0], pair[1]));
        }
        out.extend(parts);
    }
    out
}

/// Is `word` one of the space-separated words of `list`?
fn listed(list: &str, word: &str) -> bool {
    list.split_whitespace().any(|w| w == word)
}

/// Class words that mark furniture even beside a word of [`BODY_WORDS`] ("related-content",
/// "comment-body", "main-nav").
const STRONG_FURNITURE_WORDS: &str = "\
    nav navbar navigation cookie consent related byline author comments share social \
    newsletter ad ads advert advertisement taboola outbrain breadcrumb banner \
    contentinfo complementary footer sidebar";

/// Class words that keep an element whatever else its class says ("article-body").
const STRONG_BODY_WORDS: &str = "\
    articlebody storybody articletext storytext";

/// Is this element page furniture, by its tag, attributes or class words?
fn looks_like_furniture(e: &scraper::node::Element) -> bool {
    let name = e.name();
    if listed(SKIPPED_TAGS, name) {
        return true;
    }
    if e.attr("hidden").is_some()
        || e.attr("aria-hidden") == Some("true")
        || e.attr("style").is_some_and(|s| {
            let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
            let s = s.to_lowercase();
            s.contains("display:none") || s.contains("visibility:hidden")
        })
    {
        return true;
    }
    if matches!(name, "html" | "body" | "main" | "article") {
        return false;
    }
    let words = words(e);
    let has = |list: &str| words.iter().any(|w| listed(list, w));
    if has(STRONG_BODY_WORDS) {
        return false;
    }
    has(STRONG_FURNITURE_WORDS) || (has(FURNITURE_WORDS) && !names_body(&words))
}

/// Every node inside page furniture, the furniture included. An element that holds the
/// article (`<article>`, `<main>`, `role="main"`, `itemprop="articleBody"`) is never
/// furniture, whatever its class ("layout-with-sidebar" on a page's wrapper). A `<time>`
/// outside running text is furniture too.
fn furniture_of(root: ElementRef) -> HashSet<NodeId> {
    let mut holds_article = HashSet::new();
    for el in root.descendent_elements() {
        let e = el.value();
        if matches!(e.name(), "article" | "main")
            || e.attr("role") == Some("main")
            || e.attr("itemprop") == Some("articleBody")
        {
            holds_article.extend(el.ancestors().map(|a| a.id()));
        }
    }
    let mut out = HashSet::new();
    for node in root.descendants() {
        let inside = node.parent().is_some_and(|p| out.contains(&p.id()));
        let own = node.value().as_element().is_some_and(|e| {
            (!holds_article.contains(&node.id()) && looks_like_furniture(e))
                || (e.name() == "time" && !in_running_text(node))
        });
        if inside || own {
            out.insert(node.id());
        }
    }
    out
}

/// Is `node` inside a paragraph of running text? A `<time>` outside one is the page's
/// dateline, metadata rather than text (its date is read as metadata).
fn in_running_text(node: NodeRef<Node>) -> bool {
    node.ancestors()
        .filter_map(|a| a.value().as_element().map(|e| e.name()))
        .any(|n| matches!(n, "p" | "li" | "blockquote" | "td" | "dd" | "pre"))
}

/// Text of an element with whitespace collapsed, furniture left out; and how much of it is
/// link text.
fn text_of(el: ElementRef, furniture: &HashSet<NodeId>) -> (String, usize) {
    fn go(
        node: NodeRef<Node>,
        furniture: &HashSet<NodeId>,
        in_link: bool,
        out: &mut String,
        links: &mut usize,
    ) {
        if furniture.contains(&node.id()) {
            return;
        }
        match node.value() {
            Node::Text(t) => {
                for c in t.chars() {
                    if c.is_whitespace() {
                        if !out.is_empty() && !out.ends_with(' ') {
                            out.push(' ');
                        }
                    } else {
                        out.push(c);
                        if in_link {
                            *links += 1;
                        }
                    }
                }
            }
            Node::Element(e) => {
                let link = in_link || e.name() == "a";
                for c in node.children() {
                    go(c, furniture, link, out, links);
                }
            }
            _ => {}
        }
    }
    let (mut out, mut links) = (String::new(), 0);
    go(*el, furniture, false, &mut out, &mut links);
    (out.trim().to_string(), links)
}

/// Share of an element's letters that are link text.
fn link_density(el: ElementRef, furniture: &HashSet<NodeId>) -> f64 {
    let (text, links) = text_of(el, furniture);
    let n = text.chars().filter(|c| !c.is_whitespace()).count();
    if n == 0 { 0.0 } else { links as f64 / n as f64 }
}

/// A paragraph's score: one, plus one per comma, plus one per hundred characters (at most
/// three). Shorter than 25 characters: none.
fn paragraph_score(text: &str) -> f64 {
    let n = text.chars().count();
    if n < 25 {
        return 0.0;
    }
    let commas = text
        .chars()
        .filter(|c| matches!(c, ',' | '،' | '，' | '、'))
        .count();
    1.0 + commas as f64 + (n as f64 / 100.0).floor().min(3.0)
}

/// A candidate's own weight from its tag and class words.
fn base_score(el: ElementRef) -> f64 {
    let tag = match el.value().name() {
        "article" => 10.0,
        "div" | "main" => 5.0,
        "pre" | "td" | "blockquote" | "section" => 3.0,
        "form" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "address" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    let words = words(el.value());
    let class = if names_body(&words) { 25.0 } else { 0.0 };
    tag + class
}

/// Elements that hold paragraphs: `p`, `pre`, and `div`s with text of their own.
fn is_paragraph(el: ElementRef) -> bool {
    match el.value().name() {
        "p" | "pre" => true,
        "div" => el.children().any(|c| {
            c.value()
                .as_text()
                .is_some_and(|t| t.trim().chars().count() >= 25)
        }),
        _ => false,
    }
}

/// The element that holds the article body: the best-scoring holder of paragraphs.
fn main_body<'a>(root: ElementRef<'a>, furniture: &HashSet<NodeId>) -> Option<ElementRef<'a>> {
    let mut scores: HashMap<NodeId, f64> = HashMap::new();
    let mut order: Vec<NodeId> = Vec::new();
    for el in root.descendent_elements() {
        if !is_paragraph(el) || furniture.contains(&el.id()) {
            continue;
        }
        let (text, _) = text_of(el, furniture);
        let score = paragraph_score(&text);
        if score == 0.0 {
            continue;
        }
        for (level, anc) in el
            .ancestors()
            .filter_map(ElementRef::wrap)
            .take(3)
            .enumerate()
        {
            let entry = scores.entry(anc.id()).or_insert_with(|| {
                order.push(anc.id());
                base_score(anc)
            });
            *entry += score / [1.0, 2.0, 3.0][level];
        }
    }
    let doc = root.tree();
    let mut ranked: Vec<(f64, usize, ElementRef)> = Vec::new();
    for (i, id) in order.into_iter().enumerate() {
        let el = ElementRef::wrap(doc.get(id)?)?;
        ranked.push((scores[&id] * (1.0 - link_density(el, furniture)), i, el));
    }
    // Best score first; ties to the first in document order.
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let (top_score, _, mut top) = *ranked.first()?;
    // A body split in parts (between ads, say) scores in each part: when three of the next
    // four candidates come close to the best, their nearest common holder with it is the
    // body (Readability does the same).
    let close: Vec<HashSet<NodeId>> = ranked
        .iter()
        .skip(1)
        .take(4)
        .filter(|c| c.0 >= top_score * 0.75)
        .map(|c| c.2.ancestors().map(|a| a.id()).collect())
        .collect();
    if close.len() >= 3 {
        for anc in top.ancestors().filter_map(ElementRef::wrap) {
            if matches!(anc.value().name(), "body" | "html") {
                break;
            }
            if close.iter().filter(|a| a.contains(&anc.id())).count() >= 3 {
                top = anc;
                break;
            }
        }
    }
    Some(top)
}

/// The body and those of its siblings that read as article text, in document order.
fn with_siblings<'a>(body: ElementRef<'a>, furniture: &HashSet<NodeId>) -> Vec<ElementRef<'a>> {
    let Some(parent) = body.parent().and_then(ElementRef::wrap) else {
        return vec![body];
    };
    let threshold = (paragraph_total(body, furniture) * 0.2).max(10.0);
    let mut out = Vec::new();
    for sib in parent.child_elements() {
        if sib.id() == body.id() {
            out.push(sib);
            continue;
        }
        if furniture.contains(&sib.id()) {
            continue;
        }
        let (text, links) = text_of(sib, furniture);
        let n = text.chars().count();
        let density = if n == 0 { 1.0 } else { links as f64 / n as f64 };
        let same_class = sib.value().attr("class").is_some()
            && sib.value().attr("class") == body.value().attr("class");
        let keep = (same_class && density < 0.5)
            || (sib.value().name() == "p"
                && ((n >= 80 && density < 0.25)
                    || (n > 0 && density == 0.0 && text.ends_with('.'))))
            || (paragraph_total(sib, furniture) >= threshold && density < 0.25);
        if keep {
            out.push(sib);
        }
    }
    out
}

/// Sum of the paragraph scores inside an element.
fn paragraph_total(el: ElementRef, furniture: &HashSet<NodeId>) -> f64 {
    el.descendent_elements()
        .filter(|e| is_paragraph(*e) && !furniture.contains(&e.id()))
        .map(|e| paragraph_score(&text_of(e, furniture).0))
        .sum()
}

/// The page's headline when the body does not hold it: the first `h1` before the body that
/// is not furniture.
fn headline_outside<'a>(
    root: ElementRef<'a>,
    body: ElementRef<'a>,
    furniture: &HashSet<NodeId>,
) -> Option<ElementRef<'a>> {
    if body.descendent_elements().any(|e| e.value().name() == "h1") {
        return None;
    }
    root.descendent_elements()
        .take_while(|e| e.id() != body.id())
        .find(|e| {
            e.value().name() == "h1"
                && !furniture.contains(&e.id())
                && !text_of(*e, furniture).0.is_empty()
        })
}

/// The `datetime` of the body's `<time>`, or of one in the article's header before it.
fn article_time(root: ElementRef, body: ElementRef, furniture: &HashSet<NodeId>) -> Option<String> {
    let scope = body
        .ancestors()
        .filter_map(ElementRef::wrap)
        .find(|e| e.value().name() == "article")
        .unwrap_or(body);
    let times: Vec<ElementRef> = scope
        .descendent_elements()
        .chain(if scope.id() == body.id() {
            headline_outside(root, body, furniture)
                .and_then(|h| h.parent().and_then(ElementRef::wrap))
                .map(|p| p.descendent_elements().collect::<Vec<_>>())
                .unwrap_or_default()
        } else {
            Vec::new()
        })
        .filter(|e| e.value().name() == "time" && e.value().attr("datetime").is_some())
        .filter(|e| {
            // Not in a box about other articles; a byline's time is the article's own.
            !e.ancestors()
                .filter_map(ElementRef::wrap)
                .take_while(|a| a.id() != scope.id())
                .any(|a| {
                    looks_like_furniture(a.value())
                        && !words(a.value()).iter().any(|w| {
                            matches!(w.as_str(), "byline" | "author" | "meta" | "dateline")
                        })
                })
        })
        .collect();
    let published = times.iter().find(|e| {
        e.value().attr("itemprop") == Some("datePublished") || e.value().attr("pubdate").is_some()
    });
    published
        .or(times.first())
        .and_then(|e| e.value().attr("datetime"))
        .map(|s| s.trim().to_string())
}

// ---------------------------------------------------------------------------------------
// Metadata

fn metadata(doc: &Html) -> Meta {
    let mut meta = Meta::default();
    let root = doc.root_element();
    meta.language = root
        .value()
        .attr("lang")
        .or_else(|| root.value().attr("xml:lang"))
        .and_then(|l| l.split(['-', '_']).next())
        .map(|l| l.trim().to_lowercase())
        .filter(|l| !l.is_empty());
    let mut og_site = None;
    let mut og_url = None;
    let mut published_meta = Vec::new();
    let mut canonical = None;
    let mut ld = Vec::new();
    for el in root.descendent_elements() {
        let e = el.value();
        match e.name() {
            "meta" => {
                let key = e
                    .attr("property")
                    .or_else(|| e.attr("name"))
                    .or_else(|| e.attr("itemprop"))
                    .map(str::to_lowercase);
                let Some(content) = e.attr("content").map(str::trim).filter(|c| !c.is_empty())
                else {
                    continue;
                };
                match key.as_deref() {
                    Some("og:site_name") => og_site = og_site.or(Some(content.to_string())),
                    Some("og:url") => og_url = og_url.or(Some(content.to_string())),
                    Some("article:published_time" | "datepublished") => {
                        published_meta.push(content.to_string())
                    }
                    _ => {}
                }
            }
            "link" => {
                let canon = e.attr("rel").is_some_and(|r| {
                    r.split_whitespace()
                        .any(|w| w.eq_ignore_ascii_case("canonical"))
                });
                if canon && canonical.is_none() {
                    canonical = e.attr("href").map(|h| h.trim().to_string());
                }
            }
            "script"
                if e.attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) =>
            {
                let text: String = el.text().collect();
                if let Ok(v) = serde_json::from_str::<serde_json::Value>(&text) {
                    ld_articles(&v, &mut ld);
                }
            }
            _ => {}
        }
    }
    meta.published = published_meta;
    meta.published.extend(
        ld.iter()
            .filter_map(|a| a.get("datePublished").and_then(|d| d.as_str()))
            .map(|s| s.trim().to_string()),
    );
    meta.outlet = og_site.or_else(|| {
        ld.iter().find_map(|a| match a.get("publisher")? {
            serde_json::Value::String(s) => Some(s.trim().to_string()),
            p => {
                let p = if let serde_json::Value::Array(v) = p {
                    v.first()?
                } else {
                    p
                };
                p.get("name")?.as_str().map(|s| s.trim().to_string())
            }
        })
    });
    meta.url = og_url.or(canonical).filter(|u| !u.is_empty());
    meta
}

/// JSON-LD objects that describe a news article, at the top, in an array or in `@graph`.
fn ld_articles(v: &serde_json::Value, out: &mut Vec<serde_json::Value>) {
    const TYPES: [&str; 8] = [
        "NewsArticle",
        "Article",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "BackgroundNewsArticle",
        "OpinionNewsArticle",
        "BlogPosting",
        "LiveBlogPosting",
    ];
    match v {
        serde_json::Value::Array(items) => items.iter().for_each(|i| ld_articles(i, out)),
        serde_json::Value::Object(o) => {
            let is_article = match o.get("@type") {
                Some(serde_json::Value::String(t)) => TYPES.contains(&t.as_str()),
                Some(serde_json::Value::Array(ts)) => ts
                    .iter()
                    .any(|t| t.as_str().is_some_and(|t| TYPES.contains(&t))),
                _ => false,
            };
            if is_article {
                out.push(v.clone());
            }
            if let Some(g) = o.get("@graph") {
                ld_articles(g, out);
            }
        }
        _ => {}
    }
}

// ---------------------------------------------------------------------------------------
// Building the text

/// The extracted text, its anchors, and the state of the block being read.
struct Builder<'a> {
    source: &'a str,
    places: &'a HashMap<NodeId, Vec<usize>>,
    furniture: &'a HashSet<NodeId>,
    text: String,
    anchors: Vec<Anchor>,
    /// Where the current block starts, in text and in anchors.
    block: (usize, usize),
    /// Letters of the current block, and how many of them are link text.
    letters: usize,
    link_letters: usize,
    /// White space not yet written: a space (with the file byte of the first white space
    /// character of its run) or a line break (`<br>`, which stands nowhere in the file).
    space: Option<(char, Option<usize>)>,
    /// The file byte and character of the last character written, if it had one.
    last: Option<(usize, char)>,
    locator: Locator<'a>,
}

impl<'a> Builder<'a> {
    fn new(
        source: &'a str,
        places: &'a HashMap<NodeId, Vec<usize>>,
        furniture: &'a HashSet<NodeId>,
    ) -> Self {
        Builder {
            source,
            places,
            furniture,
            text: String::new(),
            anchors: Vec::new(),
            block: (0, 0),
            letters: 0,
            link_letters: 0,
            space: None,
            last: None,
            locator: Locator::new(source),
        }
    }

    fn walk(&mut self, node: NodeRef<Node>) {
        self.walk_in(node, false);
    }

    fn walk_in(&mut self, node: NodeRef<Node>, in_link: bool) {
        if self.furniture.contains(&node.id()) {
            return;
        }
        match node.value() {
            Node::Text(t) => {
                let places = self.places.get(&node.id());
                for (k, c) in t.chars().enumerate() {
                    let at = places.map(|p| p[k]);
                    self.push(c, at, in_link);
                }
            }
            Node::Element(e) => {
                let name = e.name();
                if name == "br" {
                    self.space = Some(('\n', None));
                    return;
                }
                let block = listed(BLOCK_TAGS, name);
                if block {
                    self.end_block();
                }
                let link = in_link || name == "a";
                for c in node.children() {
                    self.walk_in(c, link);
                }
                if block {
                    self.end_block();
                }
            }
            _ => {}
        }
    }

    /// Write one character of a text node; `at` is its file byte when known.
    fn push(&mut self, c: char, at: Option<usize>, in_link: bool) {
        if c.is_whitespace() {
            if self.text.len() > self.block.0 && self.space.is_none() {
                self.space = Some((' ', at));
            }
            return;
        }
        if let Some((space, at)) = self.space.take()
            && self.text.len() > self.block.0
        {
            self.write(space, at);
        }
        if self.text.len() == self.block.0 && !self.text.is_empty() {
            // A new block: a blank line before it, which stands nowhere in the file.
            self.text.push_str("\n\n");
            self.block.0 = self.text.len();
            self.last = None;
        }
        self.write(c, at);
        self.letters += 1;
        if in_link {
            self.link_letters += 1;
        }
    }

    fn write(&mut self, c: char, at: Option<usize>) {
        let follows = match (self.last, at) {
            (Some((b, p)), Some(a)) => {
                a == b + p.len_utf8() && self.source[b..].starts_with(p) && p != '\n'
            }
            _ => false,
        };
        if let Some(a) = at
            && !follows
        {
            let (line, column) = self.locator.locate(a);
            self.anchors.push(Anchor {
                text: self.text.len(),
                byte: a,
                line,
                column,
            });
        }
        self.last = at.map(|a| (a, c));
        self.text.push(c);
    }

    /// End the current block: keep it unless it is mostly links.
    fn end_block(&mut self) {
        self.space = None;
        if self.letters > 0 && self.link_letters * 2 > self.letters {
            // Roll back to before the block, and before its blank line.
            let start = self.block.0;
            let keep = if start >= 2 && self.text[..start].ends_with("\n\n") {
                start - 2
            } else {
                start
            };
            self.text.truncate(keep);
            self.anchors.truncate(self.block.1);
        }
        self.block = (self.text.len(), self.anchors.len());
        self.letters = 0;
        self.link_letters = 0;
        self.last = None;
    }
}

/// Lines and character columns of byte offsets in a source, fastest when asked in order.
struct Locator<'a> {
    source: &'a str,
    at: usize,
    line: usize,
    column: usize,
}

impl<'a> Locator<'a> {
    fn new(source: &'a str) -> Self {
        Locator {
            source,
            at: 0,
            line: 1,
            column: 1,
        }
    }

    fn locate(&mut self, byte: usize) -> (usize, usize) {
        if byte < self.at {
            (self.at, self.line, self.column) = (0, 1, 1);
        }
        for c in self.source[self.at..byte].chars() {
            if c == '\n' {
                self.line += 1;
                self.column = 1;
            } else {
                self.column += 1;
            }
        }
        self.at = byte;
        (self.line, self.column)
    }
}

// ---------------------------------------------------------------------------------------
// Source positions: the text runs of the source, matched to the parsed tree's text nodes

/// A run of text between two pieces of markup: each decoded character with the file byte
/// where it starts (an entity's characters all start at its `&`).
type Run = Vec<(char, usize)>;

/// Elements whose content is not markup: it runs to the matching end tag.
const RAW_TAGS: &str = "\
    script style xmp iframe noembed noframes noscript textarea title plaintext";

/// Every text run of the source, in order, entities decoded, "\r\n" and "\r" read as "\n"
/// (as an HTML parser reads them).
fn runs(source: &str) -> Vec<Run> {
    let b = source.as_bytes();
    let mut out = Vec::new();
    let mut run: Run = Vec::new();
    let mut i = 0;
    let flush = |run: &mut Run, out: &mut Vec<Run>| {
        if !run.is_empty() {
            out.push(std::mem::take(run));
        }
    };
    while i < b.len() {
        match b[i] {
            b'<' => {
                let next = b.get(i + 1).copied().unwrap_or(b' ');
                if source[i..].starts_with("<!--") {
                    flush(&mut run, &mut out);
                    i = source[i + 4..]
                        .find("-->")
                        .map_or(b.len(), |j| i + 4 + j + 3);
                } else if next == b'/' && i + 2 == b.len() {
                    // "</" at the end of the file is text.
                    run.push(('<', i));
                    run.push(('/', i + 1));
                    i += 2;
                } else if next == b'!'
                    || next == b'?'
                    || (next == b'/' && !b.get(i + 2).is_some_and(u8::is_ascii_alphabetic))
                {
                    flush(&mut run, &mut out);
                    i = source[i..].find('>').map_or(b.len(), |j| i + j + 1);
                } else if next == b'/' || next.is_ascii_alphabetic() {
                    flush(&mut run, &mut out);
                    let start = i + if next == b'/' { 2 } else { 1 };
                    let name_end = source[start..]
                        .find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
                        .map_or(b.len(), |j| start + j);
                    let name = source[start..name_end].to_ascii_lowercase();
                    i = tag_end(b, name_end);
                    if next != b'/' && listed(RAW_TAGS, &name) {
                        i = if name == "plaintext" {
                            b.len()
                        } else {
                            let close = format!("</{name}");
                            find_ascii_ci(b, i, close.as_bytes()).unwrap_or(b.len())
                        };
                    }
                } else {
                    run.push(('<', i));
                    i += 1;
                }
            }
            b'&' => {
                let (chars, len) = char_ref(&source[i..]);
                for c in chars {
                    run.push((c, i));
                }
                i += len;
            }
            b'\r' => {
                run.push(('\n', i));
                i += if b.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
            }
            _ => {
                let c = source[i..].chars().next().expect("on a char boundary");
                run.push((c, i));
                i += c.len_utf8();
            }
        }
    }
    flush(&mut run, &mut out);
    out
}

/// Where a tag whose name ends at `i` ends: after its `>`, skipping quoted attribute
/// values.
fn tag_end(b: &[u8], mut i: usize) -> usize {
    let mut quote: Option<u8> = None;
    let mut after_eq = false;
    while i < b.len() {
        let c = b[i];
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == b'>' => return i + 1,
            None if (c == b'"' || c == b'\'') && after_eq => quote = Some(c),
            None => {}
        }
        if quote.is_none() && !c.is_ascii_whitespace() {
            after_eq = c == b'=';
        }
        i += 1;
    }
    b.len()
}

fn find_ascii_ci(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    (from..hay.len().saturating_sub(needle.len() - 1))
        .find(|&i| hay[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

/// Decode the character reference at the head of `s` (which starts with `&`), as an HTML
/// parser does in text: the characters, and how many bytes were read. Not a reference:
/// a lone `&`.
fn char_ref(s: &str) -> (Vec<char>, usize) {
    let b = s.as_bytes();
    if b.get(1) == Some(&b'#') {
        let hex = matches!(b.get(2), Some(b'x' | b'X'));
        let start = if hex { 3 } else { 2 };
        let digits = s[start..]
            .bytes()
            .take_while(|c| {
                if hex {
                    c.is_ascii_hexdigit()
                } else {
                    c.is_ascii_digit()
                }
            })
            .count();
        if digits == 0 {
            return (vec!['&'], 1);
        }
        let mut len = start + digits;
        if b.get(len) == Some(&b';') {
            len += 1;
        }
        let n = u32::from_str_radix(&s[start..start + digits], if hex { 16 } else { 10 })
            .unwrap_or(u32::MAX);
        let c = match n {
            0 => '\u{fffd}',
            0x80..=0x9f => html5ever::data::C1_REPLACEMENTS[(n - 0x80) as usize]
                .unwrap_or_else(|| char::from_u32(n).unwrap_or('\u{fffd}')),
            _ => char::from_u32(n).unwrap_or('\u{fffd}'),
        };
        return (vec![c], len);
    }
    // The longest name in the table; every prefix of a name is in it too (as (0, 0)).
    let mut best = None;
    for (j, c) in s.char_indices().skip(1) {
        if !(c.is_ascii_alphanumeric() || c == ';') {
            break;
        }
        match html5ever::data::NAMED_ENTITIES.get(&s[1..j + 1]) {
            None => break,
            Some(&(0, _)) => {}
            Some(&(a, z)) => best = Some((j + 1, a, z)),
        }
        if c == ';' {
            break;
        }
    }
    match best {
        Some((len, a, z)) => {
            let mut chars = vec![char::from_u32(a).unwrap_or('\u{fffd}')];
            if z != 0 {
                chars.extend(char::from_u32(z));
            }
            (chars, len)
        }
        None => (vec!['&'], 1),
    }
}

/// For every text node of the tree that has letters, the file byte of each of its
/// characters: the node is matched to the source's runs from where the last node ended
/// (a node may span runs the parser joined, and `<pre>` drops its first newline); a node
/// found nowhere after that is looked for from the start; one found nowhere is left out.
fn align(doc: &Html, runs: &[Run]) -> HashMap<NodeId, Vec<usize>> {
    let mut out = HashMap::new();
    let mut cursor = (0, 0);
    for node in doc.tree.root().descendants() {
        let Node::Text(t) = node.value() else {
            continue;
        };
        let raw = node
            .parent()
            .and_then(|p| p.value().as_element().map(|e| listed(RAW_TAGS, e.name())))
            .unwrap_or(false);
        if raw || t.chars().all(char::is_whitespace) {
            continue;
        }
        let want: Vec<char> = t.chars().collect();
        let found = find(runs, cursor, runs.len(), &want).map(|(p, end)| {
            cursor = end;
            p
        });
        if let Some(p) = found.or_else(|| find(runs, (0, 0), cursor.0, &want).map(|(p, _)| p)) {
            out.insert(node.id(), p);
        }
    }
    out
}

/// Match `want` to the runs, starting at `from` or at the start of a later run before run
/// `until`: the file byte of each character and where the match ends.
fn find(
    runs: &[Run],
    from: (usize, usize),
    until: usize,
    want: &[char],
) -> Option<(Vec<usize>, (usize, usize))> {
    let mut starts = vec![from];
    for r in from.0 + 1..until.min(runs.len()) {
        starts.push((r, 0));
    }
    for (r, k) in starts {
        let Some(run) = runs.get(r) else { continue };
        let mut tries = vec![k];
        if run.get(k).is_some_and(|&(c, _)| c == '\n') && want[0] != '\n' {
            tries.push(k + 1);
        }
        for k in tries {
            if let Some(m) = match_at(runs, (r, k), want) {
                return Some(m);
            }
        }
    }
    None
}

fn match_at(
    runs: &[Run],
    (mut r, mut k): (usize, usize),
    want: &[char],
) -> Option<(Vec<usize>, (usize, usize))> {
    let mut places = Vec::with_capacity(want.len());
    for &c in want {
        while k >= runs.get(r)?.len() {
            r += 1;
            k = 0;
        }
        let (have, at) = runs[r][k];
        if have != c {
            return None;
        }
        places.push(at);
        k += 1;
    }
    Some((places, (r, k)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page in the shape of a saved news page: furniture all round a short body.
    const PAGE: &str = r#"<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Bridge reopens | The Harbour Gazette</title>
<meta property="og:site_name" content="The Harbour Gazette">
<meta property="article:published_time" content="2023-04-11T09:30:00+01:00">
<link rel="canonical" href="https://gazette.example/bridge">
<script>var x = "<p>not text</p>"; if (a < b) {}</script>
<style>p { color: red }</style>
</head>
<body>
<nav class="site-nav"><a href="/">Home</a> <a href="/news">News from the harbour, the port and the docks</a></nav>
<div id="cookie-banner">We use cookies to improve your experience, as described in our policy.</div>
<article>
<h1>Old bridge reopens after repairs</h1>
<p class="byline">By Ann Other</p>
<div class="article-body">
<p>The old swing bridge reopened on Monday after repairs that cost &pound;4 million, the council said.</p>
<p>Engineers replaced 120 steel plates &amp; the deck, a job that took
  eleven months, and traffic returned by noon &#8212; ahead of plan.</p>
</div>
</article>
<aside class="related-stories"><h2>Related</h2><p>Ferry fares rise by 5% as the winter timetable starts next week, operators say.</p></aside>
<footer><p>Copyright 2023 The Harbour Gazette, all rights reserved, registered in England.</p></footer>
</body>
</html>
"#;

    fn line_of(page: &Page, needle: &str) -> (usize, usize) {
        let at = page.text.find(needle).expect("in the text");
        let p = page.map.place(&page.text, at);
        (p.line, p.column)
    }

    #[test]
    fn main_text_leaves_furniture_out() {
        let page = read(PAGE);
        assert_eq!(
            page.text,
            "Old bridge reopens after repairs\n\n\
             The old swing bridge reopened on Monday after repairs that cost £4 million, the council said.\n\n\
             Engineers replaced 120 steel plates & the deck, a job that took eleven months, and traffic returned by noon — ahead of plan."
        );
    }

    #[test]
    fn places_point_into_the_file() {
        let page = read(PAGE);
        assert_eq!(line_of(&page, "Old bridge"), (16, 5));
        assert_eq!(line_of(&page, "The old swing"), (19, 4));
        // After an entity the column still counts the file's characters.
        assert_eq!(line_of(&page, "4 million"), (19, 75));
        assert_eq!(line_of(&page, "the deck"), (20, 46));
        // Wrapped text: the second source line.
        assert_eq!(line_of(&page, "eleven months"), (21, 3));
        assert_eq!(line_of(&page, "ahead of plan"), (21, 55));
        let at = page.text.find("Engineers").unwrap();
        let p = page.map.place(&page.text, at);
        assert_eq!(&PAGE[p.byte..p.byte + 9], "Engineers");
    }

    #[test]
    fn metadata_comes_from_the_head() {
        let page = read(PAGE);
        assert_eq!(page.meta.outlet.as_deref(), Some("The Harbour Gazette"));
        assert_eq!(
            page.meta.url.as_deref(),
            Some("https://gazette.example/bridge")
        );
        assert_eq!(page.meta.language.as_deref(), Some("en"));
        assert_eq!(page.meta.published, ["2023-04-11T09:30:00+01:00"]);
    }

    #[test]
    fn json_ld_and_time_stand_in_for_meta_tags() {
        let page = read(
            r#"<html><head><script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},
             {"@type":["NewsArticle"],"datePublished":"2021-02-03","publisher":{"@type":"Organization","name":"Valley Times"}}]}
            </script></head><body>
            <div class="story"><p>A long enough paragraph about the flood, the dam, and the town.</p>
            <p><time datetime="2021-02-04">Thursday</time> A second paragraph, with commas, and more words.</p></div>
            <div class="related"><time datetime="2020-01-01">old</time><p>Another story, one that is not this one, at all.</p></div>
            </body></html>"#,
        );
        assert_eq!(page.meta.outlet.as_deref(), Some("Valley Times"));
        assert_eq!(page.meta.published, ["2021-02-03", "2021-02-04"]);
        assert!(!page.text.contains("Another story"));
        assert!(page.text.contains("Thursday A second"));
    }

    #[test]
    fn the_body_is_found_without_article_markup() {
        let page = read(
            "<body><div class=menu><p>Home, World, Business, Sport, Culture, Weather, Video</p></div>\
             <div><p>First paragraph of the story, with a comma, and another, and more.</p>\
             <div class=ad>Advertisement</div>\
             <p>Second paragraph of the story, also with a comma, and words.</p>\
             <ul><li><a href=a>Link one to another page</a></li><li><a href=b>Link two to another page</a></li></ul></div>\
             <div class=\"most-read\"><p>Most read: something else entirely, with commas, too.</p></div></body>",
        );
        assert_eq!(
            page.text,
            "First paragraph of the story, with a comma, and another, and more.\n\n\
             Second paragraph of the story, also with a comma, and words."
        );
    }

    #[test]
    fn a_body_split_by_ads_is_read_whole() {
        let part = |n: usize| {
            format!(
                "<section class=\"part\"><div class=\"wrap\"><div class=\"copy\">\
                 <p>Paragraph {n} of the story, with a comma, another, and a third one here.</p>\
                 <p>More of part {n}, told at length, with commas, so that it scores well.</p>\
                 </div></div></section>"
            )
        };
        let page = read(&format!(
            "<body><div id=\"layout\">{}<div class=\"ad\">Buy now, 50% off, today only, while stocks last.</div>{}\
             <div class=\"ad\">Another advert, with commas, for the same shop, again.</div>{}{}</div>\
             <div class=\"sidebar\"><p>Sidebar text, with commas, that is not the story at all.</p></div></body>",
            part(1),
            part(2),
            part(3),
            part(4)
        ));
        let blocks: Vec<&str> = page.text.split("\n\n").collect();
        assert_eq!(blocks.len(), 8, "{}", page.text);
        assert!(blocks[0].starts_with("Paragraph 1") && blocks[7].starts_with("More of part 4"));
        assert!(!page.text.contains("advert") && !page.text.contains("Sidebar"));
    }

    #[test]
    fn every_prefix_of_a_page_reads_and_maps_into_it() {
        for (cut, _) in PAGE.char_indices() {
            let source = &PAGE[..cut];
            let page = read(source);
            for (k, c) in page.text.char_indices().filter(|(_, c)| !c.is_whitespace()) {
                let p = page.map.place(&page.text, k);
                assert!(
                    source.is_char_boundary(p.byte)
                        && (source[p.byte..].starts_with(c) || source[p.byte..].starts_with('&')),
                    "cut at {cut}: {c:?} mapped to {p:?}"
                );
            }
        }
    }

    #[test]
    fn runs_decode_entities_and_skip_markup() {
        let r = runs("a&amp;b<!-- c --><b x='>'>d&notit;</b><script>e<f</script>g&#x41;\r\nh&zz;");
        let text: Vec<String> = r.iter().map(|r| r.iter().map(|c| c.0).collect()).collect();
        assert_eq!(text, ["a&b", "d¬it;", "gA\nh&zz;"]);
        assert_eq!(r[0][1], ('&', 1));
        assert_eq!(r[0][2], ('b', 6));
    }

    #[test]
    fn a_pre_drops_its_first_newline_and_keeps_its_place() {
        let src =
            "<body><pre>\nline one of the preformatted text, long, with commas.\n</pre></body>";
        let page = read(src);
        assert!(page.text.starts_with("line one"));
        assert_eq!(line_of(&page, "line one"), (2, 1));
    }
}
