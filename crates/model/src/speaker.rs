use serde::{Deserialize, Serialize};

/// Who a quote or claim comes from: a named entity, an organisation, an outlet, or an
/// anonymous description kept as the text writes it ("a US official").
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Speaker {
    /// Canonical name, or the text's description for an anonymous source.
    pub name: String,
    /// The entity id in the report, when the source is a known entity.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    /// True for unnamed sources.
    pub anonymous: bool,
}

impl Speaker {
    /// A named source.
    pub fn named(name: impl Into<String>) -> Self {
        Speaker {
            name: name.into(),
            entity: None,
            anonymous: false,
        }
    }

    /// An unnamed source, described as the text describes it.
    pub fn anonymous(description: impl Into<String>) -> Self {
        Speaker {
            name: description.into(),
            entity: None,
            anonymous: true,
        }
    }
}
