//! What the features read besides the tokens: the gazetteer and the word clusters. Training
//! parses them from the text files under `data/ner/`; the trained model carries them compiled
//! (hash tables), so that loading is a copy, not a parse.

use std::fs;
use std::path::Path;

use super::clusters::Clusters;
use super::gazetteer::Gazetteer;
use super::model::NerError;

/// The gazetteer and clusters a model is trained with (and then carries).
pub struct NerLists {
    pub(crate) gazetteer: Gazetteer,
    pub(crate) clusters: Clusters,
}

impl NerLists {
    /// Parses the three list files' contents: `gazetteer.txt`, `clusters.txt`, `brown.txt`.
    pub fn parse(gazetteer: &str, clusters: &str, brown: &str) -> NerLists {
        NerLists {
            gazetteer: Gazetteer::parse(gazetteer),
            clusters: Clusters::parse(clusters, brown),
        }
    }

    /// Reads `gazetteer.txt`, `clusters.txt` and `brown.txt` from a folder (the crate's
    /// `data/ner`).
    pub fn read_dir(dir: &Path) -> Result<NerLists, NerError> {
        let read = |name: &str| {
            let path = dir.join(name);
            fs::read_to_string(&path).map_err(|e| {
                NerError::from_message(format!("{}: cannot read: {e}", path.display()))
            })
        };
        Ok(NerLists::parse(
            &read("gazetteer.txt")?,
            &read("clusters.txt")?,
            &read("brown.txt")?,
        ))
    }
}
