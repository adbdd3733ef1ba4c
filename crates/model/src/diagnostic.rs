use serde::{Deserialize, Serialize};

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The input was skipped.
    Error,
    /// Something in the content could not be resolved; the rest was analysed.
    Warning,
}

/// Trouble with an input or its content, named by where it happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The input: a path, `path:line` for a JSONL line, a URL or a document id.
    pub input: String,
    /// Lowercase, no final period: what was expected and what was found.
    pub message: String,
}

impl Diagnostic {
    /// An input that was skipped.
    pub fn error(input: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            input: input.into(),
            message: message.into(),
        }
    }

    /// Content that could not be fully analysed.
    pub fn warning(input: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            input: input.into(),
            message: message.into(),
        }
    }
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{level}: {}: {}", self.input, self.message)
    }
}
