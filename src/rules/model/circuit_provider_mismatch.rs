//! A site lists a circuit that its connectivity cannot use: another
//! provider's circuit, a Direct circuit for a provider site, or a provider
//! circuit for a Direct site.
use crate::rules::prelude::*;

declare_rule! {
    name: "circuit-provider-mismatch",
    group: Model,
    severity: Error,
    summary: "a site lists a circuit of another provider (or of the wrong kind for Direct)",
    check: check,
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for site in cx.db.all_sites() {
        let Some(er) = &site.expressroute else {
            continue;
        };
        let Some(model) = &er.model else { continue };
        let site_name = &site.name.value;
        for (entry, circuit) in site.circuits() {
            let Some(circuit) = circuit else {
                continue; // undefined-reference
            };
            let cname = &circuit.name.value;
            // Neither or both set: provider-and-port's finding.
            if circuit.provider.is_some() == circuit.port.is_some() {
                continue;
            }
            if model.value == Model::Direct {
                if let Some(p) = &circuit.provider {
                    out.push(
                        Finding::at(
                            entry.span,
                            format!("site `{site_name}` is on ExpressRoute Direct but lists circuit `{cname}`, which is not on a Direct port"),
                        )
                        .label(p.span, format!("`{cname}` is ordered from provider `{}`", p.value))
                        .help("list a circuit created on one of the site's Direct ports (`port:`), or use the provider's model instead of `direct`"),
                    );
                }
                continue;
            }
            if let Some(port) = &circuit.port {
                out.push(
                    Finding::at(
                        entry.span,
                        format!(
                            "site `{site_name}` uses {} but lists circuit `{cname}`, which is on ExpressRoute Direct port `{}`",
                            model.value.describe(),
                            port.value
                        ),
                    )
                    .label(port.span, format!("`{cname}` is a Direct circuit"))
                    .help("use `model: direct` for a site on Direct ports, or list a circuit ordered from the site's provider"),
                );
                continue;
            }
            let (Some(site_provider), Some(circuit_provider)) = (&er.provider, &circuit.provider)
            else {
                continue;
            };
            // The same name is the same provider; an undefined provider on
            // either side is undefined-reference's finding.
            match (site.provider(), circuit.provider()) {
                (Some(a), Some(b)) if a != b => {}
                _ => continue,
            }
            out.push(
                Finding::at(
                    entry.span,
                    format!(
                        "site `{site_name}` connects through provider `{}` but circuit `{cname}` is ordered from `{}`",
                        site_provider.value, circuit_provider.value
                    ),
                )
                .label(circuit_provider.span, format!("`{cname}` is delivered by `{}`", circuit_provider.value))
                .label(site_provider.span, format!("`{site_name}` uses provider `{}`", site_provider.value))
                .help(format!(
                    "list a circuit delivered by `{}`, or change the site's `provider` to `{}`",
                    site_provider.value, circuit_provider.value
                )),
            );
        }
    }
    out
}
