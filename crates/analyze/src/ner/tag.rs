//! Entity types and tags: BIO outside the model, BILOU inside it (the model learns where a name
//! ends, not only where it starts).

use std::fmt;
use std::str::FromStr;

/// The four CoNLL-2003 entity types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityType {
    /// A person (PER).
    Person,
    /// An organisation: company, agency, team, party, outlet (ORG).
    Organization,
    /// A place: country, city, region, body of water (LOC).
    Location,
    /// Any other name: nationalities, events, products, works (MISC).
    Misc,
}

impl EntityType {
    /// Every type, in label order.
    pub const ALL: [EntityType; 4] = [
        EntityType::Person,
        EntityType::Organization,
        EntityType::Location,
        EntityType::Misc,
    ];

    /// The CoNLL label: PER, ORG, LOC or MISC.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "PER",
            EntityType::Organization => "ORG",
            EntityType::Location => "LOC",
            EntityType::Misc => "MISC",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

impl FromStr for EntityType {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text {
            "PER" => Ok(EntityType::Person),
            "ORG" => Ok(EntityType::Organization),
            "LOC" => Ok(EntityType::Location),
            "MISC" => Ok(EntityType::Misc),
            other => Err(format!(
                "entity type \"{other}\" is not PER, ORG, LOC or MISC"
            )),
        }
    }
}

/// A token's place in a name, BIO (IOB2): `B-PER` begins a name, `I-PER` continues it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tag {
    /// Outside any name.
    O,
    /// The first token of a name.
    Begin(EntityType),
    /// A later token of a name.
    Inside(EntityType),
}

impl Tag {
    /// The entity type, if the token is in a name.
    pub fn entity_type(self) -> Option<EntityType> {
        match self {
            Tag::O => None,
            Tag::Begin(t) | Tag::Inside(t) => Some(t),
        }
    }
}

impl fmt::Display for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Tag::O => f.write_str("O"),
            Tag::Begin(t) => write!(f, "B-{}", t.as_str()),
            Tag::Inside(t) => write!(f, "I-{}", t.as_str()),
        }
    }
}

impl FromStr for Tag {
    type Err = String;

    /// Reads BIO tags; IOB1 `I-` tags read as `Inside` and are fixed by [`bio_to_labels`].
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        if text == "O" {
            return Ok(Tag::O);
        }
        match text.split_once('-') {
            Some(("B", t)) => Ok(Tag::Begin(t.parse()?)),
            Some(("I", t)) => Ok(Tag::Inside(t.parse()?)),
            _ => Err(format!("tag \"{text}\" is not O, B-TYPE or I-TYPE")),
        }
    }
}

/// Number of BILOU labels: O and B, I, L, U for each of the four types.
pub(crate) const LABELS: usize = 17;

/// A BILOU label as an index: 0 is O, then B, I, L, U of each type in turn.
pub(crate) type Label = u8;

pub(crate) const O: Label = 0;

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    Begin = 0,
    Inside = 1,
    Last = 2,
    Unit = 3,
}

pub(crate) fn label(entity: EntityType, part: Part) -> Label {
    (1 + entity.index() * 4 + part as usize) as Label
}

pub(crate) fn part(label: Label) -> Option<(EntityType, Part)> {
    if label == O {
        return None;
    }
    let i = (label - 1) as usize;
    let part = match i % 4 {
        0 => Part::Begin,
        1 => Part::Inside,
        2 => Part::Last,
        _ => Part::Unit,
    };
    Some((EntityType::ALL[i / 4], part))
}

/// Whether `label` may follow `previous` (None at the start of a sentence); `is_last` when no
/// token follows, so that every name closes.
pub(crate) fn is_allowed(previous: Label, label: Label, is_last: bool) -> bool {
    let open =
        part(previous).and_then(|(t, p)| matches!(p, Part::Begin | Part::Inside).then_some(t));
    let current = part(label);
    let ok = match (open, current) {
        (Some(t), Some((u, Part::Inside | Part::Last))) => t == u,
        (Some(_), _) => false,
        (None, Some((_, Part::Inside | Part::Last))) => false,
        (None, _) => true,
    };
    ok && !(is_last && matches!(current, Some((_, Part::Begin | Part::Inside))))
}

/// BIO (or IOB1) tags of one sentence to BILOU labels.
pub(crate) fn bio_to_labels(tags: &[Tag]) -> Vec<Label> {
    let mut labels = Vec::with_capacity(tags.len());
    for (i, tag) in tags.iter().enumerate() {
        let Some(t) = tag.entity_type() else {
            labels.push(O);
            continue;
        };
        let begins = match tag {
            Tag::Begin(_) => true,
            _ => i == 0 || tags[i - 1].entity_type() != Some(t),
        };
        let continues = tags.get(i + 1).is_some_and(|next| *next == Tag::Inside(t));
        let part = match (begins, continues) {
            (true, true) => Part::Begin,
            (true, false) => Part::Unit,
            (false, true) => Part::Inside,
            (false, false) => Part::Last,
        };
        labels.push(label(t, part));
    }
    labels
}

/// BILOU labels to BIO tags.
pub(crate) fn labels_to_bio(labels: &[Label]) -> Vec<Tag> {
    let mut tags = Vec::with_capacity(labels.len());
    for (i, &l) in labels.iter().enumerate() {
        tags.push(match part(l) {
            None => Tag::O,
            Some((t, Part::Begin | Part::Unit)) => Tag::Begin(t),
            Some((t, _)) => {
                // A label the decoder could not close properly still yields valid BIO.
                if i > 0 && part(labels[i - 1]).is_some_and(|(u, _)| u == t) {
                    Tag::Inside(t)
                } else {
                    Tag::Begin(t)
                }
            }
        });
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(text: &str) -> Vec<Tag> {
        text.split_whitespace()
            .map(|t| t.parse().expect("tag"))
            .collect()
    }

    #[test]
    fn bio_round_trips_through_bilou() {
        let bio = tags("B-PER I-PER O B-LOC B-LOC I-LOC I-LOC O B-MISC");
        let labels = bio_to_labels(&bio);
        assert_eq!(
            labels,
            [
                label(EntityType::Person, Part::Begin),
                label(EntityType::Person, Part::Last),
                O,
                label(EntityType::Location, Part::Unit),
                label(EntityType::Location, Part::Begin),
                label(EntityType::Location, Part::Inside),
                label(EntityType::Location, Part::Last),
                O,
                label(EntityType::Misc, Part::Unit),
            ]
        );
        assert_eq!(labels_to_bio(&labels), bio);
    }

    #[test]
    fn iob1_reads_as_bio() {
        let labels = bio_to_labels(&tags("I-ORG I-ORG O I-PER"));
        assert_eq!(labels_to_bio(&labels), tags("B-ORG I-ORG O B-PER"));
    }

    #[test]
    fn names_must_close() {
        let b = label(EntityType::Person, Part::Begin);
        let l = label(EntityType::Person, Part::Last);
        let u = label(EntityType::Location, Part::Unit);
        assert!(is_allowed(O, b, false));
        assert!(!is_allowed(O, b, true));
        assert!(is_allowed(b, l, true));
        assert!(!is_allowed(b, u, false));
        assert!(!is_allowed(O, l, false));
        assert_eq!(Tag::Begin(EntityType::Misc).to_string(), "B-MISC");
    }
}
