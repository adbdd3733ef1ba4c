//! Titles and roles around a person's name: premodifiers ("White House press secretary
//! Karoline Leavitt"), appositions after ("Rustem Umerov, Ukraine's national security chief")
//! and before ("the head of Ukrainian military intelligence, Kyrylo Budanov").

use crate::lexicon::Lexicon;
use crate::token::{Token, TokenKind, is_plural_possessive};

/// Longest role phrase, in tokens.
const MAX_ROLE_TOKENS: usize = 12;

fn is_title(token: &Token, lexicon: &Lexicon) -> bool {
    token.kind == TokenKind::Word && lexicon.titles.contains(&token.lower())
}

pub(crate) fn is_possessive(token: &Token) -> bool {
    matches!(token.text, "'s" | "\u{2019}s")
}

/// A token that may stand inside a role phrase.
fn is_role_part(token: &Token, lexicon: &Lexicon, sentence_start: bool) -> bool {
    if token.kind != TokenKind::Word {
        return false;
    }
    let lower = token.lower();
    if is_title(token, lexicon) || lexicon.role_words.contains(&lower) || is_possessive(token) {
        return true;
    }
    if token.is_capitalized() {
        let common_at_start = sentence_start && lexicon.common_words.contains(&lower);
        let excluded =
            lexicon.cues.contains(&lower) || matches!(lower.as_str(), "the" | "a" | "an");
        return !(common_at_start || excluded);
    }
    false
}

/// A lowercase word that may stand between an owner and its role ("Olmerra's water and
/// irrigation minister"): a title, a role word or "and".
pub(crate) fn is_role_modifier(token: &Token, lexicon: &Lexicon) -> bool {
    let lower = token.lower();
    token.kind == TokenKind::Word
        && token.text.starts_with(char::is_lowercase)
        && (lexicon.titles.contains(&lower)
            || lexicon.role_words.contains(&lower)
            || lower == "and")
}

/// Joins tokens `from..to` as the text writes them.
fn text_of(text: &str, tokens: &[Token], from: usize, to: usize) -> String {
    if from >= to {
        return String::new();
    }
    text[tokens[from].span.start..tokens[to - 1].span.end].to_string()
}

/// Splits "envoy and Army Secretary" into roles at "and" when each side has a title.
fn split_coordinated(
    text: &str,
    tokens: &[Token],
    from: usize,
    to: usize,
    lexicon: &Lexicon,
) -> Vec<String> {
    let mut roles = Vec::new();
    let mut start = from;
    for i in from..to {
        if tokens[i].is("and") || tokens[i].is(",") {
            let left_ok = (start..i).any(|k| is_title(&tokens[k], lexicon));
            let right_ok = (i + 1..to).any(|k| is_title(&tokens[k], lexicon));
            if left_ok && right_ok {
                roles.push(text_of(text, tokens, start, i));
                start = i + 1;
            }
        }
    }
    roles.push(text_of(text, tokens, start, to));
    roles.retain(|r| !r.is_empty());
    roles
}

/// The role phrase ending right before token `end` (exclusive), walking back within the
/// sentence that starts at `sentence_start`. Returns the roles and the first token used.
pub fn premodifier(
    text: &str,
    tokens: &[Token],
    end: usize,
    sentence_start: usize,
    lexicon: &Lexicon,
) -> Option<(Vec<String>, usize)> {
    if end == 0 || end <= sentence_start || !is_title(&tokens[end - 1], lexicon) {
        return None;
    }
    let mut start = end;
    while start > sentence_start && end - start < MAX_ROLE_TOKENS {
        let token = &tokens[start - 1];
        let at_start = start - 1 == sentence_start || tokens[start - 2].kind == TokenKind::Quote;
        let coordinated = token.is("and")
            && start >= 2
            && start - 1 > sentence_start
            && is_title(&tokens[start - 2], lexicon);
        if is_role_part(token, lexicon, at_start) || coordinated {
            start -= 1;
        } else {
            break;
        }
    }
    // A possessive needs its owner: "Ukraine's" is kept whole, a lone "'s" is not.
    while start < end && is_possessive(&tokens[start]) {
        start += 1;
    }
    Some((split_coordinated(text, tokens, start, end, lexicon), start))
}

/// The "of" phrase right after a titled name that names what the title is of: "of the Tamsk
/// region", "of Brenmoor", "of the Central Bank" — names, "the" and the nouns of an area or an
/// organisation, ending before a comma or a verb. None unless it names something.
pub fn of_phrase_after(
    text: &str,
    tokens: &[Token],
    end: usize,
    limit: usize,
    lexicon: &Lexicon,
) -> Option<String> {
    if end + 1 >= limit || !tokens[end].is("of") {
        return None;
    }
    let mut to = end + 1;
    let mut named = false;
    while to < limit && to < end + 8 {
        let token = &tokens[to];
        let lower = token.lower();
        let part = token.kind == TokenKind::Word
            && (token.is_capitalized()
                || lower == "the"
                || (lower == "of" && named)
                || lexicon.settlement_nouns.contains(&lower)
                || lexicon.organization_heads.contains(&lower));
        if !part || lexicon.cues.contains(&lower) {
            break;
        }
        named |= token.is_capitalized();
        to += 1;
    }
    while to > end + 1 && matches!(tokens[to - 1].lower().as_str(), "of" | "the") {
        to -= 1;
    }
    named.then(|| text_of(text, tokens, end, to))
}

/// The title a coordination of names shares: "Justices Corinne Yalden and Marcus Deverill"
/// gives "Justice" to Marcus Deverill too. `name_start` is the name's first token.
pub fn shared_plural_title(
    tokens: &[Token],
    name_start: usize,
    sentence_start: usize,
    lexicon: &Lexicon,
) -> Option<String> {
    const MAX_NAME_WORDS: usize = 4;
    if name_start < 3 || name_start <= sentence_start + 2 || !tokens[name_start - 1].is("and") {
        return None;
    }
    let mut k = name_start - 1;
    while k > sentence_start
        && name_start - 1 - k < MAX_NAME_WORDS
        && tokens[k - 1].is_capitalized()
    {
        k -= 1;
        let token = &tokens[k];
        if token.kind == TokenKind::Word
            && let Some(title) = lexicon.plural_title(token.text)
        {
            return Some(title);
        }
    }
    None
}

/// The comma after a name's age ("Halvor Brisk, 71, a retired ferry engineer"), else `comma`
/// itself: where what the text says of the name begins. Stops at `limit`.
pub fn past_age(tokens: &[Token], comma: usize, limit: usize) -> usize {
    let aged = tokens.get(comma + 1).is_some_and(|t| {
        t.kind == TokenKind::Number
            && t.text.len() <= 3
            && t.text.chars().all(|c| c.is_ascii_digit())
    }) && tokens.get(comma + 2).is_some_and(|t| t.is(","))
        && comma + 3 < limit;
    if aged { comma + 2 } else { comma }
}

/// The apposition after a name: ", Driscoll's spokesman," — `after` is the token after the
/// name. Stops at the sentence end `limit`.
pub fn apposition_after(
    text: &str,
    tokens: &[Token],
    after: usize,
    limit: usize,
    lexicon: &Lexicon,
) -> Vec<String> {
    if after >= limit || !tokens[after].is(",") {
        return Vec::new();
    }
    let after = past_age(tokens, after, limit);
    let from = after + 1;
    let mut to = from;
    while to < limit && to - from <= MAX_ROLE_TOKENS {
        let token = &tokens[to];
        if matches!(
            token.text,
            "," | "." | ";" | ":" | "--" | "\u{2014}" | "(" | ")"
        ) || (token.kind == TokenKind::Quote && !is_plural_possessive(tokens, to))
        {
            break;
        }
        // ", said ..." ends the name's phrase; "the state engineer" holds a cue word as a noun
        let modified = to > from
            && (matches!(tokens[to - 1].lower().as_str(), "the" | "a" | "an")
                || is_possessive(&tokens[to - 1]));
        // (a capitalised word is a name's: "Lissavar State University")
        if token.kind == TokenKind::Word
            && token.text.starts_with(char::is_lowercase)
            && lexicon.cues.contains(&token.lower())
            && !modified
        {
            return Vec::new();
        }
        // "a nurse who lives on ...": the role ends where the relative clause begins.
        if matches!(token.lower().as_str(), "who" | "which" | "whose" | "whom") && to > from {
            break;
        }
        to += 1;
    }
    if to == from || to - from > MAX_ROLE_TOKENS {
        return Vec::new();
    }
    // ", who chairs the committee," / ", a lawmaker who chairs the committee,"
    let first = tokens[from].lower();
    // A verb in the present or the past after the name's comma opens the predicate, not an
    // apposition ("The lead plaintiff, Harlan Voss, runs about 900 head of cattle"), unless a
    // title follows it ("operations director").
    let verb_like = first.len() > 3
        && ((first.ends_with('s') && !first.ends_with("ss")) || first.ends_with("ed"))
        && tokens[from].text.starts_with(char::is_lowercase)
        && !is_title(&tokens[from], lexicon)
        && !lexicon.role_words.contains(&first)
        && !tokens.get(from + 1).is_some_and(|next| {
            is_title(next, lexicon) || lexicon.role_words.contains(&next.lower())
        });
    if verb_like {
        return Vec::new();
    }
    if first == "who" {
        // ", who chairs the committee," gives "chair of the committee" and, as written,
        // "chairs the committee"; ", who teaches aviation safety at the university," and ",
        // who is leading the investigation," describe the person as they stand.
        let as_written = describing_clause_end(tokens, from, limit, lexicon)
            .filter(|&end| end - from <= MAX_DESCRIBED)
            .map(|end| text_of(text, tokens, from + 1, end));
        return relative_role(text, tokens, from, limit, lexicon)
            .into_iter()
            .chain(as_written)
            .collect();
    }
    let clause = if to < limit && tokens[to].is("who") {
        relative_role(text, tokens, to, limit, lexicon)
    } else {
        None
    };
    // "an independent researcher who tracks ransomware leak sites,": a short relative clause
    // that no role verb opens describes the title and stays with it.
    let described = if clause.is_none() && to < limit && tokens[to].is("who") {
        describing_clause_end(tokens, to, limit, lexicon).filter(|&end| end - from <= MAX_DESCRIBED)
    } else {
        None
    };
    if matches!(
        first.as_str(),
        "which" | "that" | "where" | "when" | "and" | "but" | "whose"
    ) {
        return Vec::new();
    }
    // The phrase must be headed by a title: its last word, or the word before "of"; after an
    // article, a noun of agency heads it too ("a retired beekeeper from Vesterkolm", "a
    // forecaster at the institute", "a trial participant").
    let article = matches!(first.as_str(), "a" | "an" | "the");
    let head_ok = (from..to).any(|k| {
        (is_title(&tokens[k], lexicon)
            || (article && k > from && is_agent_noun(&tokens[k], lexicon)))
            && (k + 1 == to
                || matches!(
                    tokens[k + 1].lower().as_str(),
                    "of"
                        | "and"
                        | "for"
                        | "at"
                        | "to"
                        | "in"
                        | "on"
                        | "from"
                        | "with"
                        | "since"
                        | "near"
                        | "above"
                        | "outside"
                )
                // "the partner leading the administration", "the official overseeing the
                // talks": a participle with its object says what the title holder does
                || is_participle_link(&tokens[k + 1]))
    });
    if !head_ok {
        return clause.into_iter().collect();
    }
    // "the" goes ("the finance minister" → "finance minister"); "a"/"an" stay, as written:
    // "an angler", "a sheep farmer" say that the person is one of many
    let start = if first == "the" { from + 1 } else { from };
    if let Some(end) = described {
        return vec![text_of(text, tokens, start, end)];
    }
    let to = without_trailing_place(tokens, start, to);
    let mut roles = split_coordinated(text, tokens, start, to, lexicon);
    roles.extend(clause);
    roles
}

/// A present participle after a title ("leading", "overseeing"), which goes on to say what
/// the holder does.
pub(crate) fn is_participle_link(token: &Token) -> bool {
    let lower = token.lower();
    token.kind == TokenKind::Word
        && token.text.starts_with(char::is_lowercase)
        && lower.len() > 5
        && lower.ends_with("ing")
}

/// A role with a described relative clause is at most this many tokens long.
const MAX_DESCRIBED: usize = 9;

/// Where a relative clause that describes what someone does ends ("who tracks ransomware leak
/// sites"): see [`clause_end`]. Its verb is a present-tense one of habit ("tracks",
/// "teaches"); "who was arrested" or "who has written" tells an event, not a role. `who` is
/// the index of "who".
fn describing_clause_end(
    tokens: &[Token],
    who: usize,
    limit: usize,
    lexicon: &Lexicon,
) -> Option<usize> {
    let verb = tokens.get(who + 1).filter(|_| who + 1 < limit)?.lower();
    let habitual = verb.len() > 3
        && verb.ends_with('s')
        && !verb.ends_with("ss")
        && !matches!(verb.as_str(), "says" | "does" | "goes");
    // "who is leading the investigation": a role held now, by a role verb
    // (`data/role_verbs.txt`) in "-ing"
    let holding = matches!(verb.as_str(), "is" | "was")
        && tokens.get(who + 2).is_some_and(|t| {
            let lower = t.lower();
            lower.strip_suffix("ing").is_some_and(|stem| {
                // "leading" → "leads", "managing" → "manages", "running" → "runs"
                let doubled = stem.get(..stem.len().saturating_sub(1)).unwrap_or(stem);
                [
                    format!("{stem}s"),
                    format!("{stem}es"),
                    format!("{doubled}s"),
                ]
                .iter()
                .any(|verb| lexicon.role_verbs.contains_key(verb))
            })
        });
    if !habitual && !holding {
        return None;
    }
    clause_end(tokens, who + 1, limit, lexicon).filter(|&to| to > who + 2)
}

/// A role's end without the town its organisation stands in: "head of rates strategy at
/// Pellmoor Capital in Halcester" → "… at Pellmoor Capital". Only after an "at" or "of" link,
/// and only a capitalised name to the end.
fn without_trailing_place(tokens: &[Token], from: usize, to: usize) -> usize {
    let Some(at) = (from..to).rev().find(|&k| tokens[k].is("in")) else {
        return to;
    };
    let linked = (from..at).any(|k| tokens[k].is("at") || tokens[k].is("of"));
    let place_to_end = at + 1 < to && (at + 1..to).all(|k| tokens[k].is_capitalized());
    if linked && place_to_end && at > from + 2 {
        at
    } else {
        to
    }
}

/// A lowercase noun that names what someone does by its ending ("beekeeper", "forecaster",
/// "neurologist", "biostatistician", "participant"), not a common word.
fn is_agent_noun(token: &Token, lexicon: &Lexicon) -> bool {
    const ENDINGS: &[&str] = &["er", "or", "ist", "ian", "ant", "ent", "man", "person"];
    let lower = token.lower();
    token.kind == TokenKind::Word
        && token.text.starts_with(char::is_lowercase)
        && lower.len() >= 6
        && lower.chars().all(|c| c.is_alphabetic() || c == '-')
        && ENDINGS.iter().any(|ending| lower.ends_with(ending))
        && !lexicon.common_words.contains(&lower)
}

/// The role a relative clause gives: "who chairs parliament's consumer affairs committee" →
/// "chair of parliament's consumer affairs committee". `who` is the index of "who"; the clause
/// must end at a comma, a dash or the sentence end `limit`.
fn relative_role(
    text: &str,
    tokens: &[Token],
    who: usize,
    limit: usize,
    lexicon: &Lexicon,
) -> Option<String> {
    let verb = tokens.get(who + 1).filter(|_| who + 1 < limit)?;
    let noun = lexicon.role_verbs.get(&verb.lower())?;
    let from = who + 2;
    let to = clause_end(tokens, from, limit, lexicon)?;
    Some(format!("{noun} of {}", text_of(text, tokens, from, to)))
}

/// Where a relative clause's words from `from` end: at a comma, a dash or the sentence end
/// `limit`, with no quotation, cue or second clause among them, and at most
/// [`MAX_ROLE_TOKENS`] of them; `None` when they are not such a clause.
fn clause_end(tokens: &[Token], from: usize, limit: usize, lexicon: &Lexicon) -> Option<usize> {
    let mut to = from;
    while to < limit && to - from <= MAX_ROLE_TOKENS {
        let token = &tokens[to];
        if matches!(token.text, "," | ";" | "." | "--" | "\u{2014}" | "\u{2013}") {
            break;
        }
        if (token.kind == TokenKind::Quote && !is_plural_possessive(tokens, to))
            || (token.kind == TokenKind::Word && lexicon.cues.contains(&token.lower()))
            || matches!(
                token.lower().as_str(),
                "and" | "but" | "who" | "which" | "since"
            )
        {
            return None;
        }
        to += 1;
    }
    (to > from && to - from <= MAX_ROLE_TOKENS).then_some(to)
}

/// The words that tie a title to what it heads: "head of", "spokesperson for", "analyst at",
/// "ambassador to".
fn is_role_link(token: &Token) -> bool {
    token.is("of") || token.is("for") || token.is("at") || token.is("in") || token.is("to")
}

/// The most words a role is given in: a longer one is said more briefly.
pub const MAX_ROLE_WORDS: usize = 8;

/// A role of at most [`MAX_ROLE_WORDS`] words where it can be said so: without its articles
/// ("professor of water law at the University of Corvale" → "professor of water law at
/// University of Corvale"), then with the named body first ("branch secretary of the Guild of
/// Water and Process Workers" → "Guild of Water and Process Workers branch secretary");
/// otherwise as written.
pub fn concise(role: &str) -> String {
    let words: Vec<&str> = role.split_whitespace().collect();
    if words.len() <= MAX_ROLE_WORDS {
        return role.to_string();
    }
    let bare: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !matches!(*w, "the" | "a" | "an"))
        .collect();
    if bare.len() <= MAX_ROLE_WORDS {
        return bare.join(" ");
    }
    // "HEAD of|at Named Body": the body's name (capitalised from its first word) first
    let capital = |w: &str| w.starts_with(char::is_uppercase);
    if let Some(k) = bare
        .iter()
        .position(|w| matches!(*w, "of" | "at"))
        .filter(|&k| k > 0 && bare.get(k + 1).is_some_and(|w| capital(w)))
    {
        let body = &bare[k + 1..];
        let named = body
            .iter()
            .all(|w| capital(w) || matches!(*w, "of" | "and" | "for" | "&"));
        if named && body.len() + k <= MAX_ROLE_WORDS {
            return format!("{} {}", body.join(" "), bare[..k].join(" "));
        }
    }
    role.to_string()
}

/// The apposition before a name: "the head of Ukrainian military intelligence, Kyrylo Budanov"
/// — `name_start` is the name's first token, which must follow a comma. Gives the role and
/// its first token.
pub fn apposition_before(
    text: &str,
    tokens: &[Token],
    name_start: usize,
    sentence_start: usize,
    lexicon: &Lexicon,
) -> Option<(String, usize)> {
    if name_start < 2 || name_start <= sentence_start + 1 || !tokens[name_start - 1].is(",") {
        return None;
    }
    let end = name_start - 1;
    let mut start = end;
    while start > sentence_start && end - start < MAX_ROLE_TOKENS {
        let token = &tokens[start - 1];
        let at_start = start - 1 == sentence_start;
        let lower = token.lower();
        // ("citing the ministry's economist, ...": a participle is no noun of a role)
        let noun_like = token.kind == TokenKind::Word
            && token.text.starts_with(char::is_lowercase)
            && !lexicon.common_words.contains(&lower)
            && !lexicon.cues.contains(&lower)
            && !lower.ends_with("ing");
        // "Police questioned the ferry's captain, Tobin Harsk": a verb before the role's
        // article ends it ("the retired judge" keeps its participle after the article)
        let verb = crate::clause::is_past_form(&lower)
            && matches!(
                tokens[start].lower().as_str(),
                "the" | "a" | "an" | "his" | "her" | "its" | "their"
            );
        if verb {
            break;
        }
        // "water and irrigation minister": two modifiers of one head
        let coordinated = lower == "and"
            && start >= 2
            && start - 1 > sentence_start
            && start < end
            && tokens[start - 2].kind == TokenKind::Word
            && tokens[start - 2].text.starts_with(char::is_lowercase)
            && !lexicon.cues.contains(&tokens[start - 2].lower())
            && (lexicon.role_words.contains(&tokens[start - 2].lower())
                || !lexicon.common_words.contains(&tokens[start - 2].lower()));
        if is_role_part(token, lexicon, at_start)
            || is_role_link(token)
            || (lower == "the" && !at_start)
            || noun_like
            || coordinated
        {
            start -= 1;
        } else {
            break;
        }
    }
    while start < end
        && (is_role_link(&tokens[start])
            || is_possessive(&tokens[start])
            || matches!(tokens[start].lower().as_str(), "the" | "a" | "an"))
    {
        start += 1;
    }
    // ("Its chief forecaster, Dr Ilse Hamarsten": a noun of agency after a determiner heads
    // the role too)
    let determined = start > sentence_start
        && (matches!(
            tokens[start - 1].lower().as_str(),
            "the" | "its" | "his" | "her" | "their"
        ) || is_possessive(&tokens[start - 1]));
    let has_head = (start..end).any(|k| {
        (is_title(&tokens[k], lexicon) && (k + 1 == end || is_role_link(&tokens[k + 1])))
            || (determined && k + 1 == end && is_agent_noun(&tokens[k], lexicon))
    });
    // Stopping on a verb or a determiner is fine; stopping on a name is a list ("A, B, C").
    let in_list = start >= 2 && tokens[start - 1].is(",") && tokens[start - 2].is_capitalized();
    let stop_ok = !in_list;
    if !has_head || !stop_ok || start == end {
        return None;
    }
    Some((text_of(text, tokens, start, end), start))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    #[test]
    fn a_long_role_is_said_in_at_most_eight_words_where_it_can_be() {
        assert_eq!(
            concise("professor of water law at the University of Corvale"),
            "professor of water law at University of Corvale"
        );
        assert_eq!(
            concise("a professor of dam engineering at the Tolvane Technical University"),
            "professor of dam engineering at Tolvane Technical University"
        );
        assert_eq!(
            concise("branch secretary of the Guild of Water and Process Workers"),
            "Guild of Water and Process Workers branch secretary"
        );
        assert_eq!(
            concise("the city's chief engineer"),
            "the city's chief engineer"
        );
        let long = "the retired engineer who designed the bridge over the river in 1987";
        assert_eq!(concise(long), long);
    }

    /// The roles of the apposition after the name that opens `text` (a name of `name_words`
    /// tokens).
    fn roles_after(text: &str, name_words: usize) -> Vec<String> {
        let lexicon = Lexicon::builtin();
        let tokens = tokenize(text, &lexicon);
        apposition_after(text, &tokens, name_words, tokens.len(), &lexicon)
    }

    #[test]
    fn a_verb_before_the_article_is_no_part_of_the_role_before_a_name() {
        let text = "Police questioned the ferry's captain, Tobin Harsk, on Tuesday.";
        let tokens = tokenize(text, &Lexicon::builtin());
        let name = tokens.iter().position(|t| t.text == "Tobin").expect("name");
        assert_eq!(
            apposition_before(text, &tokens, name, 0, &Lexicon::builtin()).map(|(role, _)| role),
            Some("ferry's captain".to_string())
        );
    }

    #[test]
    fn a_noun_of_agency_after_a_determiner_heads_a_role_before_a_name() {
        let text = "Its chief forecaster, Dr Ilse Hamarsten, told reporters.";
        let tokens = tokenize(text, &Lexicon::builtin());
        let name = tokens.iter().position(|t| t.text == "Dr").expect("name");
        assert_eq!(
            apposition_before(text, &tokens, name, 0, &Lexicon::builtin()).map(|(role, _)| role),
            Some("chief forecaster".to_string())
        );
        let text = "Police questioned people, Ilse Hamarsten among them.";
        let tokens = tokenize(text, &Lexicon::builtin());
        let name = tokens.iter().position(|t| t.text == "Ilse").expect("name");
        assert_eq!(
            apposition_before(text, &tokens, name, 0, &Lexicon::builtin()),
            None
        );
    }

    #[test]
    fn a_describing_relative_clause_stays_with_its_title() {
        assert_eq!(
            roles_after(
                "Rafe Colter, an independent researcher who tracks leak sites, said so.",
                2
            ),
            ["an independent researcher who tracks leak sites"]
        );
        assert_eq!(
            roles_after(
                "Fen Oyel, who teaches aviation safety at the university, said so.",
                2
            ),
            ["teaches aviation safety at the university"]
        );
        // An event is no role.
        assert!(roles_after("Ann Lee, who was arrested on Monday, said so.", 2).is_empty());
    }

    #[test]
    fn a_noun_of_agency_after_an_article_heads_a_role() {
        assert_eq!(
            roles_after(
                "Bertil Amsel, a retired beekeeper from Vesterkolm, said so.",
                2
            ),
            ["a retired beekeeper from Vesterkolm"]
        );
        assert_eq!(
            roles_after("Ylva Sorn, a forecaster at the institute, said so.", 2),
            ["a forecaster at the institute"]
        );
        assert!(roles_after("Ann Lee, the moment she arrived, said so.", 2).is_empty());
        assert_eq!(
            roles_after(
                "Aurel Pelt, a 41-year-old salesman from Ostvel, was there.",
                2
            ),
            ["a 41-year-old salesman from Ostvel"]
        );
        assert_eq!(
            roles_after(
                "Anna Berg, the partner leading the administration, said so.",
                2
            ),
            ["partner leading the administration"]
        );
    }

    #[test]
    fn a_role_verb_in_ing_gives_a_role_held_now() {
        assert_eq!(
            roles_after("Ana Lisk, who is running the inquiry, said so.", 2),
            ["is running the inquiry"]
        );
        assert_eq!(
            roles_after("Ana Lisk, who is managing the fund, said so.", 2),
            ["is managing the fund"]
        );
        assert!(roles_after("Ana Lisk, who is visiting the town, said so.", 2).is_empty());
    }

    #[test]
    fn a_role_verb_clause_reads_through_a_plural_possessive() {
        assert_eq!(
            roles_after(
                "Bet Rusk, who chairs the Saltmere Homeowners\u{2019} League, said so.",
                2
            ),
            [
                "chair of the Saltmere Homeowners\u{2019} League",
                "chairs the Saltmere Homeowners\u{2019} League"
            ]
        );
    }

    #[test]
    fn the_town_of_an_organisation_is_no_part_of_the_role() {
        assert_eq!(
            roles_after(
                "Joost Amber, head of rates strategy at Pellmoor Capital in Halcester, said so.",
                2
            ),
            ["head of rates strategy at Pellmoor Capital"]
        );
        assert_eq!(
            roles_after("Paul Bren, an external member of the board, voted.", 2),
            ["an external member of the board"]
        );
    }
}
