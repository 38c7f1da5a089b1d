//! A circuit's provider does not meet Microsoft at the circuit's peering
//! location: by the provider's declared `peering_locations`, else by the
//! catalog's provider it names (`catalog_name`, else `name`); when neither
//! knows, nothing is said.
use crate::catalog::{key, quoted_list, Catalog, PeeringLocation};
use crate::rules::owners;
use crate::rules::prelude::*;

declare_rule! {
    name: "provider-not-at-location",
    group: Location,
    severity: Error,
    summary: "a circuit's provider is not present at the circuit's peering location",
    check: check,
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for circuit in cx.db.circuits() {
        // A circuit with both provider and port is provider-and-port's.
        if circuit.port.is_some() {
            continue;
        }
        let (Some(_), Some(value)) = (&circuit.provider, &circuit.peering_location) else {
            continue;
        };
        // Undefined: undefined-reference; unknown location: unknown-peering-location.
        let Some(provider) = circuit.provider() else {
            continue;
        };
        let Some(loc) = cx.catalog.location(&value.value) else {
            continue;
        };
        let finding = match &provider.peering_locations {
            Some(declared) => {
                let present = declared.value.iter().any(|d| {
                    cx.catalog.is_location(&d.value, loc) || key(&d.value) == key(&value.value)
                });
                if present {
                    continue;
                }
                let listed: Vec<&str> = declared.value.iter().map(|d| d.value.as_str()).collect();
                let label = if listed.is_empty() {
                    format!(
                        "provider `{}` lists no peering location",
                        provider.name.value
                    )
                } else {
                    format!(
                        "provider `{}` meets Microsoft at {}",
                        provider.name.value,
                        quoted_list(&listed, "and")
                    )
                };
                let near = declared_nearby(cx.catalog, loc, &listed);
                let alternative = if near.is_empty() {
                    "move the circuit to one of the provider's peering locations".to_string()
                } else {
                    format!(
                        "move the circuit to {} in the same metro",
                        quoted_list(&near, "or")
                    )
                };
                Finding::at(value.span, message(&provider.name.value, &circuit, loc))
                    .label(declared.span, label)
                    .help(format!(
                        "{alternative}, or add `{}` to the provider's `peering_locations` if the contract covers it",
                        loc.name
                    ))
            }
            None => {
                // Unknown to the catalog (unknown-provider's finding when
                // used), or known at no location: skip.
                let Some(info) = owners::catalog_provider(cx.catalog, provider) else {
                    continue;
                };
                if cx.catalog.is_at(info, loc) != Some(false) {
                    continue;
                }
                let Some(known) = cx.catalog.locations_of(info) else {
                    continue;
                };
                let catalog_name = info.name.as_str();
                let near: Vec<&str> = cx
                    .catalog
                    .same_metro(loc, |l| known.iter().any(|k| std::ptr::eq(*k, l)))
                    .iter()
                    .map(|l| l.name.as_str())
                    .collect();
                let alternative = if near.is_empty() {
                    format!(
                        "move the circuit to a peering location where `{catalog_name}` is present (`erlint catalog` lists them)"
                    )
                } else {
                    format!(
                        "move the circuit to {} in the same metro, where `{catalog_name}` is present",
                        quoted_list(&near, "or")
                    )
                };
                Finding::at(value.span, message(&provider.name.value, &circuit, loc))
                    .label(
                        // The name the catalog entry was found by.
                        provider
                            .catalog_name
                            .as_ref()
                            .map_or(provider.name.span, |c| c.span),
                        format!(
                            "the catalog places `{catalog_name}` at {} peering location{}, not `{}`",
                            known.len(),
                            if known.len() == 1 { "" } else { "s" },
                            loc.name
                        ),
                    )
                    .help(format!(
                        "{alternative}, or order it from a provider present at `{}`; if the catalog is out of date, declare the provider's `peering_locations`",
                        loc.name
                    ))
            }
        };
        out.push(finding);
    }
    out
}

fn message(provider: &str, circuit: &Circuit, loc: &PeeringLocation) -> String {
    format!(
        "circuit `{}` is at `{}`, where provider `{provider}` is not present",
        circuit.name.value, loc.name
    )
}

/// The provider's declared locations in the same metro as `loc`.
fn declared_nearby<'a>(
    catalog: &Catalog,
    loc: &PeeringLocation,
    listed: &[&'a str],
) -> Vec<&'a str> {
    listed
        .iter()
        .copied()
        .filter(|d| {
            catalog
                .location(d)
                .is_some_and(|l| key(&l.city) == key(&loc.city) && l.cloud == loc.cloud)
        })
        .collect()
}
