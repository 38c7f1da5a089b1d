//! A Global Reach connection on a Local circuit.
use crate::rules::owners;
use crate::rules::prelude::*;

declare_rule! {
    name: "global-reach-local-sku",
    group: Routing,
    severity: Error,
    summary: "a Global Reach connection involves a `sku: local` circuit (Global Reach is not available on Local)",
    check: check,
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for reach in owners::global_reach_pairs(cx.db) {
        let (Some(peer), Some(to)) = (&reach.entity().circuit, reach.to()) else {
            continue;
        };
        let local: Vec<(CircuitRef<'_>, &Spanned<Sku>)> = [reach.from(), to]
            .into_iter()
            .filter_map(|c| c.entity().sku.as_ref().map(|s| (c, s)))
            .filter(|(_, s)| s.value == Sku::Local)
            .collect();
        if local.is_empty() {
            continue;
        }
        let which = match local.as_slice() {
            [(c, _)] => format!("circuit `{}` is", c.name.value),
            _ => "both circuits are".to_string(),
        };
        let mut f = Finding::at(
            peer.span,
            format!(
                "the Global Reach connection between circuits `{}` and `{}` cannot be made: {which} `sku: local`",
                reach.from().name.value,
                to.name.value
            ),
        )
        .help("Global Reach is not available on ExpressRoute Local: upgrade the circuit to `standard` (or `premium` across geopolitical regions), or connect the sites another way");
        for (c, s) in &local {
            f = f.label(s.span, format!("circuit `{}` is Local", c.name.value));
        }
        out.push(f);
    }
    out
}
