//! `--baseline FILE`: the fingerprints of a `--format json` report saved
//! earlier, whose findings are not reported again.

use std::collections::HashSet;
use std::path::Path;

/// Reads a baseline through the bounded reader (`src/read.rs`). The error is
/// the whole message (exit 2).
pub fn load(path: &Path) -> Result<HashSet<String>, String> {
    let shown = path.display().to_string();
    let text =
        crate::read::read_text(path).map_err(|e| format!("cannot read baseline `{shown}`: {e}"))?;
    parse(&text, &shown)
}

/// The fingerprints of the report `text`; `shown` names it in errors.
pub fn parse(text: &str, shown: &str) -> Result<HashSet<String>, String> {
    let not_a_report = |why: &str| {
        format!(
            "baseline `{shown}` is not an erlint JSON report ({why}); make one with `erlint check --format json --output {shown}`"
        )
    };
    let doc: serde_json::Value =
        serde_json::from_str(text).map_err(|e| not_a_report(&e.to_string()))?;
    if doc.get("version").and_then(|v| v.as_u64()) != Some(1) {
        return Err(not_a_report("no `\"version\": 1`"));
    }
    let findings = doc
        .get("findings")
        .and_then(|f| f.as_array())
        .ok_or_else(|| not_a_report("no `findings` list"))?;
    findings
        .iter()
        .enumerate()
        .map(|(i, f)| {
            f.get("fingerprint")
                .and_then(|v| v.as_str())
                .map(str::to_string)
                .ok_or_else(|| not_a_report(&format!("finding {} has no `fingerprint`", i + 1)))
        })
        .collect()
}
