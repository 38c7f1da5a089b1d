//! A Global Reach connection with a circuit where Global Reach is not offered.
use crate::catalog::PeeringLocation;
use crate::rules::owners;
use crate::rules::prelude::*;

declare_rule! {
    name: "global-reach-unavailable",
    group: Routing,
    severity: Error,
    summary: "a circuit of a Global Reach connection is at a peering location where Global Reach is not offered",
    check: check,
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for reach in owners::global_reach_pairs(cx.db) {
        let (Some(peer), Some(to)) = (&reach.entity().circuit, reach.to()) else {
            continue;
        };
        let without: Vec<(CircuitRef<'_>, &PeeringLocation)> = [reach.from(), to]
            .into_iter()
            .filter_map(|c| owners::circuit_location(cx.catalog, c).map(|l| (c, l)))
            .filter(|(_, l)| !l.global_reach)
            .collect();
        if without.is_empty() {
            continue;
        }
        let which = match without.as_slice() {
            [(c, l)] => format!("circuit `{}` is at `{}`", c.name.value, l.name),
            _ => format!(
                "circuits `{}` and `{}` are at `{}` and `{}`",
                reach.from().name.value,
                to.name.value,
                without[0].1.name,
                without[without.len() - 1].1.name
            ),
        };
        let mut f = Finding::at(
            peer.span,
            format!(
                "the Global Reach connection between circuits `{}` and `{}` cannot be made: {which}, where Global Reach is not offered",
                reach.from().name.value,
                to.name.value
            ),
        )
        .help("Global Reach is offered only at peering locations in the countries its page lists (`erlint catalog` shows `global_reach` per location): use a circuit at such a location, or connect the sites over your own WAN");
        for (c, l) in &without {
            let span = c.peering_location.as_ref().map_or(c.name.span, |p| p.span);
            f = f.label(span, format!("Global Reach is not offered at `{}`", l.name));
        }
        out.push(f);
    }
    out
}
