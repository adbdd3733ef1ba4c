//! Whether a clause marks itself as an update ("revised", "rose to") or as the earlier state
//! ("originally"); its polarity is [`dossier_model::Polarity::of_clause`].

use dossier_model::has_phrase;

const REVISION: &[&str] = &[
    "updated",
    "revised",
    "rewritten",
    "amended",
    "now",
    "rose to",
    "risen to",
    "raised to",
    "up from",
    "down from",
    "lowered to",
    "fell to",
    "fallen to",
    "cut to",
    "increased to",
    "reduced to",
    "new version",
    "latest version",
    "corrected",
    "has since",
    "widened",
    "narrowed",
    "grew to",
    "climbed to",
    "jumped to",
    "dropped to",
    "slipped to",
    "shrank to",
    "rises to",
    "climbs to",
    "toll reaches",
    "toll reached",
    "toll has reached",
    // "the improved terms value the company at …", "a sweetened offer"
    "improved terms",
    "improved offer",
    "improved bid",
    "sweetened",
    "raised offer",
    "raised bid",
    // "raising the death toll from Saturday's crush to 13"
    "raising the death toll",
    "bringing the death toll",
    "taking the death toll",
    "pushing the death toll",
    "raising the toll",
    "bringing the toll",
    "taking the toll",
    "raising the number",
    "bringing the number",
    "bringing the total",
    "raising the total",
    "taking the total",
    "upgraded",
    "downgraded",
];
const ORIGINAL: &[&str] = &[
    "originally",
    "original",
    "initial",
    "initially",
    "earlier draft",
    "first draft",
    "previously",
    "previous",
];

/// Whether the clause marks itself as the new state (update) and as the earlier state.
pub fn markers(clause: &str) -> (bool, bool) {
    let lower = clause.to_lowercase();
    (
        REVISION.iter().any(|p| has_phrase(&lower, p)),
        ORIGINAL.iter().any(|p| has_phrase(&lower, p)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_of_updates() {
        assert_eq!(markers("the updated 12-point plan"), (true, false));
        assert_eq!(
            markers("the recount widened her margin to 41 votes from 38"),
            (true, false)
        );
        assert_eq!(markers("the plan, originally 20 points"), (false, true));
        assert_eq!(
            markers("a boy died on Tuesday, raising the death toll from the crush to 13"),
            (true, false)
        );
        assert_eq!(
            markers("the improved terms value its equity at about 6.4 billion"),
            (true, false)
        );
        assert_eq!(
            markers("the solvent had fallen to four times the legal limit"),
            (true, false)
        );
        assert_eq!(
            markers("captain charged as death toll reaches 58"),
            (true, false)
        );
    }
}
