//! Per outlet: what it adds that no other outlet has, and what it omits that two or more
//! others agree on.

use std::collections::{BTreeMap, BTreeSet};

use dossier_model::{Alignment, OutletSummary};

/// Summarises each outlet; `outlet_of` maps a claim or quote id to its outlet and document.
pub fn summarise(
    alignments: &[Alignment],
    outlet_of: &dyn Fn(&str) -> Option<(String, String)>,
) -> Vec<OutletSummary> {
    let mut documents: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut carried: Vec<BTreeSet<String>> = Vec::new();
    for a in alignments {
        let mut outlets = BTreeSet::new();
        for id in a.claims.iter().chain(&a.quotes) {
            if let Some((outlet, doc)) = outlet_of(id) {
                documents.entry(outlet.clone()).or_default().insert(doc);
                outlets.insert(outlet);
            }
        }
        carried.push(outlets);
    }
    documents
        .into_iter()
        .map(|(outlet, docs)| {
            let adds = alignments
                .iter()
                .zip(&carried)
                .filter(|(_, o)| o.len() == 1 && o.contains(&outlet))
                .map(|(a, _)| a.id.clone())
                .collect();
            let omits = alignments
                .iter()
                .zip(&carried)
                .filter(|(_, o)| o.len() >= 2 && !o.contains(&outlet))
                .map(|(a, _)| a.id.clone())
                .collect();
            OutletSummary {
                outlet,
                documents: docs.into_iter().collect(),
                adds,
                omits,
            }
        })
        .collect()
}
