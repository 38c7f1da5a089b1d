//! A Global Reach connection on a circuit without private peering.
use crate::rules::owners;
use crate::rules::prelude::*;

declare_rule! {
    name: "global-reach-without-private-peering",
    group: Routing,
    severity: Error,
    summary: "a circuit of a Global Reach connection has no private peering",
    check: check,
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for reach in owners::global_reach_pairs(cx.db) {
        let (Some(peer), Some(to)) = (&reach.entity().circuit, reach.to()) else {
            continue;
        };
        // A `peerings` or `private` written with an invalid value was
        // reported by the loader: not absent.
        let lacking: Vec<CircuitRef<'_>> = [reach.from(), to]
            .into_iter()
            .filter(|c| {
                c.peerings.private.is_none()
                    && !c.peerings.has(PeeringsKey::Private)
                    && !(c.has(CircuitKey::Peerings) && c.peerings.written.is_empty())
            })
            .collect();
        if lacking.is_empty() {
            continue;
        }
        let which = match lacking.as_slice() {
            [c] => format!("circuit `{}` has none", c.name.value),
            _ => "neither circuit has one".to_string(),
        };
        let mut f = Finding::at(
            peer.span,
            format!(
                "the Global Reach connection between circuits `{}` and `{}` links their private peerings, but {which}",
                reach.from().name.value,
                to.name.value
            ),
        )
        .help("configure Azure private peering (`peerings.private`) on both circuits: Global Reach links their private peerings");
        for c in &lacking {
            f = f.label(
                c.name.span,
                format!("circuit `{}` has no private peering", c.name.value),
            );
        }
        out.push(f);
    }
    out
}
