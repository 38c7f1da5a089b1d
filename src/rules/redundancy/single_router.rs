//! A circuit's primary and secondary links end on one router, or the
//! secondary router is missing.
use crate::rules::prelude::*;

declare_rule! {
    name: "single-router",
    group: Redundancy,
    severity: Warning,
    summary: "a circuit's primary and secondary links end on the same router",
    check: check,
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for circuit in cx.db.circuits() {
        let Some(routers) = &circuit.routers else {
            continue;
        };
        let name = &circuit.name.value;
        let help = "terminate the secondary link on a second router: both BGP sessions are needed for the SLA, and one router is a single point of failure";
        let Some(primary) = &routers.value.primary else {
            // Only `secondary:` named: the same gap the other way round
            // (a primary written wrong was already reported).
            if routers.value.secondary.is_some() && !routers.value.has(RoutersKey::Primary) {
                out.push(
                    Finding::at(
                        routers.span,
                        format!("circuit `{name}` names no router for its primary link"),
                    )
                    .help("name the router that terminates the primary link, a different one from the secondary's: both BGP sessions are needed for the SLA"),
                );
            }
            continue;
        };
        match &routers.value.secondary {
            Some(secondary) if secondary.value.eq_ignore_ascii_case(&primary.value) => out.push(
                Finding::at(
                    routers.span,
                    format!(
                        "circuit `{name}` terminates both links on router `{}`",
                        primary.value
                    ),
                )
                .label(secondary.span, "the secondary link ends on the same router")
                .help(help),
            ),
            Some(_) => {}
            // A secondary written wrong was already reported.
            None if routers.value.has(RoutersKey::Secondary) => {}
            None => out.push(
                Finding::at(
                    routers.span,
                    format!("circuit `{name}` names no router for its secondary link"),
                )
                .help(help),
            ),
        }
    }
    out
}
