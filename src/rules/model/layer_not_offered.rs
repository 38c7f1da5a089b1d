//! The provider offers the site's model, but not at the layer the site asks for.
use crate::rules::prelude::*;

declare_rule! {
    name: "layer-not-offered",
    group: Model,
    severity: Error,
    summary: "the provider offers the site's model but not the site's layer",
    check: check,
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for site in cx.db.all_sites() {
        let Some(er) = &site.expressroute else {
            continue;
        };
        let (Some(model), Some(layer)) = (&er.model, &er.layer) else {
            continue;
        };
        // IPVPN + Layer 2 is ipvpn-layer2's finding.
        if model.value == Model::Ipvpn && layer.value == Layer::L2 {
            continue;
        }
        let Some(p) = site.provider() else {
            continue;
        };
        let Some(offer) = p.offer(model.value) else {
            continue;
        };
        if offer.layers.value.iter().any(|l| l.value == layer.value) {
            continue;
        }
        let offered: Vec<&str> = offer
            .layers
            .value
            .iter()
            .map(|l| l.value.as_str())
            .collect();
        out.push(
            Finding::at(
                layer.span,
                format!(
                    "site `{}` asks for {} over {} but provider `{}` offers only {}",
                    site.name.value,
                    layer.value.describe(),
                    model.value.describe(),
                    p.name.value,
                    offered
                        .iter()
                        .map(|l| format!("`{l}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )
            .label(
                offer.layers.span,
                format!(
                    "layers `{}` offers for `{}`",
                    p.name.value,
                    model.value.as_str()
                ),
            )
            .help(match offered.first() {
                Some(l) => format!(
                    "use `layer: {l}`, or amend the contract with `{}`",
                    p.name.value
                ),
                None => "amend the provider's offers".to_string(),
            }),
        );
    }
    out
}
