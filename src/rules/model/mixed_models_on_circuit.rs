//! The sites that use one circuit ask for different models or layers.
use crate::rules::owners;
use crate::rules::prelude::*;

declare_rule! {
    name: "mixed-models-on-circuit",
    group: Model,
    severity: Error,
    summary: "the sites on one circuit ask for different models or layers",
    check: check,
}

/// "Layer 2 over point-to-point Ethernet", "ExpressRoute Direct".
fn describe(site: &Site) -> String {
    match (site.model(), site.layer()) {
        (Some(m @ Model::Direct), _) | (Some(m), None) => m.describe().to_string(),
        (Some(m), Some(l)) => format!("{} over {}", l.describe(), m.describe()),
        (None, _) => "an unknown model".into(),
    }
}

/// Where a site's choice is written: its layer when that differs, else its model.
fn choice_span(site: &Site, first: &Site) -> Option<Span> {
    let er = site.expressroute.as_ref()?;
    if site.model() == first.model() {
        er.layer.as_ref().map(|l| l.span)
    } else {
        er.model.as_ref().map(|m| m.span)
    }
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for circuit in cx.db.circuits() {
        // Sites whose model is unknown were already reported.
        let counted = owners::sites_on_circuit(circuit)
            .filter(|s| s.model().is_some())
            .filter(|s| s.model() == Some(Model::Direct) || s.layer().is_some())
            // A model or layer the provider does not offer (and IPVPN +
            // Layer 2) is reported already: its fix may settle this too.
            .filter(|s| owners::connectivity_offered(cx, *s))
            .map(|s| s.entity());
        let key = |s: &Site| {
            (
                s.model(),
                if s.model() == Some(Model::Direct) {
                    None
                } else {
                    s.layer()
                },
            )
        };
        // Most circuits agree: find out before collecting anything.
        let mut rest = counted.clone();
        let Some(first) = rest.next() else { continue };
        if rest.all(|s| key(s) == key(first)) {
            continue;
        }
        let sites: Vec<&Site> = counted.collect();
        let Some(first) = sites.first() else { continue };
        let differing: Vec<&&Site> = sites.iter().filter(|s| key(s) != key(first)).collect();
        if differing.is_empty() {
            continue;
        }
        let mut f = Finding::at(
            circuit.name.span,
            format!(
                "sites on circuit `{}` ask for different connectivity: `{}` for {}, `{}` for {}",
                circuit.name.value,
                first.name.value,
                describe(first),
                differing[0].name.value,
                describe(differing[0])
            ),
        )
        .help("make the sites agree on `model` and `layer` (a circuit is delivered one way), or give them separate circuits");
        if let Some(span) = differing.first().and_then(|d| choice_span(first, d)) {
            f = f.label(
                span,
                format!("site `{}` uses {}", first.name.value, describe(first)),
            );
        }
        for d in &differing {
            if let Some(span) = choice_span(d, first) {
                f = f.label(
                    span,
                    format!("site `{}` uses {}", d.name.value, describe(d)),
                );
            }
        }
        out.push(f);
    }
    out
}
