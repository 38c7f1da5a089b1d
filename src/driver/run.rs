//! Running the rules over the loaded design: every enabled rule's check,
//! the severities stamped, suppression comments applied.

use super::Settings;
use crate::finding::Finding;
use crate::model::{Design, Index};
use crate::rules::{self, RuleContext};
use crate::source::SourceDb;
use crate::suppress;
use rayon::prelude::*;

/// The findings of the enabled rules on `design`, added to the loading
/// stage's `findings`, at their effective severities, suppressions applied.
pub(super) fn run_rules(
    design: &Design,
    index: &Index,
    mut findings: Vec<Finding>,
    sources: &SourceDb,
    settings: &Settings,
) -> Vec<Finding> {
    let cx = RuleContext {
        design,
        index,
        catalog: &settings.catalog,
    };
    let rule_findings: Vec<Finding> = rules::ALL
        .par_iter()
        .filter(|r| settings.enabled.contains(r.name))
        .filter_map(|r| r.check.map(|check| (r, check)))
        .flat_map_iter(|(r, check)| {
            check(&cx).into_iter().map(move |mut f| {
                f.rule = r.name;
                f
            })
        })
        .collect();
    findings.extend(rule_findings);

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
    findings
}
