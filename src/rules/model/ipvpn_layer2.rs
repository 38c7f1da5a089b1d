//! A site asks an IPVPN (MPLS any-to-any) provider for Layer 2.
use crate::rules::prelude::*;

pub static RULE: Rule = Rule {
    name: "ipvpn-layer2",
    group: Group::Model,
    default_severity: Severity::Error,
    summary: "a site asks an IPVPN (MPLS) provider for Layer 2",
    doc: rule_doc!("ipvpn-layer2"),
    check: Some(check),
    source: file!(),
};

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for site in &cx.design.sites {
        let Some(er) = &site.expressroute else {
            continue;
        };
        let (Some(model), Some(layer)) = (&er.model, &er.layer) else {
            continue;
        };
        if model.value != Model::Ipvpn || layer.value != Layer::L2 {
            continue;
        }
        let provider_name = er.provider.as_ref().map_or("?", |p| p.value.as_str());
        let provider = cx.index.provider(cx.design, provider_name);
        let mut f = Finding::at(
            layer.span,
            format!(
                "site `{}` requests Layer 2 from IPVPN provider `{provider_name}`",
                site.name.value
            ),
        )
        .help("use `layer: l3`, or order point-to-point Ethernet (`model: ethernet`) for Layer 2");
        if let Some(p) = provider {
            match p.offer(Model::Ipvpn) {
                Some(offer) if p.offers_layer(Model::Ipvpn, Layer::L2) => {
                    // The contract claims it: still unusual enough to check.
                    f = f
                        .label(offer.layers.span, "the contract claims Layer 2 over IPVPN")
                        .softer(Severity::Warning);
                }
                Some(offer) => {
                    f = f.label(
                        offer.layers.span,
                        "provider offers only managed Layer 3 over IPVPN",
                    );
                }
                None => {
                    if let Some(offers) = &p.offers {
                        f = f.label(offers.span, "IPVPN providers deliver managed Layer 3");
                    }
                }
            }
        }
        out.push(f);
    }
    out
}
