//! The JSON rendering: the stable interface, described by `schema/report.schema.json`.

use dossier_model::Report;

/// Pretty-printed JSON of the report. Serialising these types cannot fail (no maps with
/// non-string keys, no failing `Serialize` impls); should it ever, the output is still one JSON
/// object, naming the error, so a reader fails loudly instead of reading half a report.
pub(crate) fn render(report: &Report) -> String {
    match serde_json::to_string_pretty(report) {
        Ok(json) => json,
        Err(error) => {
            serde_json::json!({ "error": format!("report could not be serialised: {error}") })
                .to_string()
        }
    }
}
