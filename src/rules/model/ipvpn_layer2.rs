//! A site asks an IPVPN (MPLS any-to-any) provider for Layer 2.
use crate::rules::prelude::*;

declare_rule! {
    name: "ipvpn-layer2",
    group: Model,
    severity: Error,
    summary: "a site asks an IPVPN (MPLS) provider for Layer 2",
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
        if model.value != Model::Ipvpn || layer.value != Layer::L2 {
            continue;
        }
        // An undefined provider is undefined-reference's finding.
        let Some(p) = site.provider() else {
            continue;
        };
        let mut f = Finding::at(
            layer.span,
            format!(
                "site `{}` requests Layer 2 from IPVPN provider `{}`",
                site.name.value, p.name.value
            ),
        )
        .help("use `layer: l3`, or order point-to-point Ethernet (`model: ethernet`) for Layer 2");
        match (&p.offers, p.offer(Model::Ipvpn)) {
            // The contract claims it: unusual enough to check, but not an error.
            (_, Some(offer)) if p.offers_layer(Model::Ipvpn, Layer::L2) => {
                f = f
                    .label(offer.layers.span, "the contract claims Layer 2 over IPVPN")
                    .softer(Severity::Warning);
            }
            (_, Some(offer)) => {
                f = f.label(
                    offer.layers.span,
                    "provider offers only managed Layer 3 over IPVPN",
                );
            }
            // The provider does not offer IPVPN at all: the model is the
            // mistake, and model-not-offered reports it.
            (Some(_), None) => continue,
            // Offers missing or invalid (already reported): still IPVPN + L2.
            (None, None) => {}
        }
        out.push(f);
    }
    out
}
