//! Running the rules over the loaded design: every enabled rule's check,
//! the severities stamped, suppression comments applied.

use super::{RunError, Settings};
use crate::finding::Finding;
use crate::model::{Design, Index};
use crate::rules::{self, RuleContext};
use crate::source::SourceDb;
use crate::suppress;
use rayon::prelude::*;

/// The findings of the enabled rules on `design`, added to the loading
/// stage's `findings`, at their effective severities, suppressions applied.
/// A rule that panics is an internal error naming it and `what` was linted.
pub(super) fn run_rules(
    design: &Design,
    index: &Index,
    mut findings: Vec<Finding>,
    sources: &SourceDb,
    settings: &Settings,
    what: &str,
) -> Result<Vec<Finding>, RunError> {
    let cx = RuleContext {
        db: crate::sema::Db::new(design, index),
        catalog: &settings.catalog,
    };
    let by_rule: Vec<Result<Vec<Finding>, RunError>> = rules::ALL
        .par_iter()
        .filter(|r| settings.enabled.contains(r.name))
        .filter_map(|r| r.check.map(|check| (r, check)))
        .map(|(r, check)| {
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                injected_panic(r.name);
                check(&cx)
            }))
            .map(|found| {
                found
                    .into_iter()
                    .map(|mut f| {
                        f.rule = r.name;
                        f
                    })
                    .collect()
            })
            .map_err(|p| RunError::Internal {
                stage: format!("running rule `{}` on", r.name),
                file: what.to_string(),
                detail: super::panic_message(&*p),
            })
        })
        .collect();
    for found in by_rule {
        findings.extend(found?);
    }

    // Stamp severities and drop what is not enabled.
    let mut findings: Vec<Finding> = findings
        .into_iter()
        .filter(|f| settings.enabled.contains(f.rule))
        .filter_map(|mut f| {
            let rule = rules::by_name(f.rule)?;
            f.severity = settings.level(rule, f.softer);
            Some(f)
        })
        .collect();
    let unused = suppress::apply(&mut findings, sources, &settings.enabled);
    if settings
        .enabled
        .contains(rules::reference::unused_suppression::RULE.name)
    {
        let rule = &rules::reference::unused_suppression::RULE;
        findings.extend(unused.into_iter().map(|mut f| {
            f.severity = settings.level(rule, f.softer);
            f
        }));
    }
    Ok(findings)
}

/// Test-only, debug builds only: `ERLINT_TEST_PANIC=<rule>` makes that
/// rule panic, so the tests can prove a bug in a rule is exit 2 with a
/// message (ARCHITECTURE.md, "Errors, panics and exit codes").
fn injected_panic(rule: &str) {
    #[cfg(debug_assertions)]
    if std::env::var("ERLINT_TEST_PANIC").is_ok_and(|v| v == rule) {
        panic!("injected by ERLINT_TEST_PANIC");
    }
    let _ = rule;
}
