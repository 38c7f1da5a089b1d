//! `# erlint: allow(...)` comments (placeholder: suppression lands with the CI work).

use crate::finding::Finding;
use crate::source::SourceDb;

/// Removes suppressed findings; returns `unused-suppression` findings.
pub fn apply(_findings: &mut Vec<Finding>, _sources: &SourceDb) -> Vec<Finding> {
    Vec::new()
}
