//! Does the design hold together as data?
pub mod duplicate_name;
pub mod invalid_value;
pub mod invalid_yaml;
pub mod missing_field;
pub mod undefined_reference;
pub mod unknown_field;
pub mod unreadable_file;
pub mod unused_circuit;
pub mod unused_port;
pub mod unused_provider;
pub mod unused_suppression;

use crate::rules::prelude::*;
use crate::suggest;
use std::collections::HashSet;

/// A kind of entity that other entities reference by name.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Referenced {
    Provider,
    Circuit,
    Port,
}

/// Names of `kind` that an undefined reference probably meant (its closest
/// defined name). `undefined-reference` reports the typo; the entity it
/// meant is then not also reported as unused.
pub(crate) fn probably_meant<'d>(cx: &RuleContext<'d>, kind: Referenced) -> HashSet<&'d str> {
    let (d, ix) = (cx.design, cx.index);
    let mut refs: Vec<&Spanned<String>> = Vec::new();
    match kind {
        Referenced::Provider => {
            refs.extend(
                d.sites
                    .iter()
                    .filter_map(|s| s.expressroute.as_ref()?.provider.as_ref()),
            );
            refs.extend(d.circuits.iter().filter_map(|c| c.provider.as_ref()));
        }
        Referenced::Circuit => refs.extend(d.sites.iter().flat_map(|s| s.circuit_names())),
        Referenced::Port => refs.extend(d.circuits.iter().filter_map(|c| c.port.as_ref())),
    }
    let names: Vec<&'d str> = match kind {
        Referenced::Provider => d.providers.iter().map(|p| p.name.value.as_str()).collect(),
        Referenced::Circuit => d.circuits.iter().map(|c| c.name.value.as_str()).collect(),
        Referenced::Port => d.ports.iter().map(|p| p.name.value.as_str()).collect(),
    };
    let defined = |n: &str| match kind {
        Referenced::Provider => ix.provider(d, n).is_some(),
        Referenced::Circuit => ix.circuit(d, n).is_some(),
        Referenced::Port => ix.port(d, n).is_some(),
    };
    let mut meant = HashSet::new();
    for r in refs {
        if defined(&r.value) || d.unparsed.may_mention(&r.value) {
            continue;
        }
        if let Some(best) = suggest::closest(&r.value, names.iter().copied(), 1).first() {
            meant.insert(*best);
        }
    }
    meant
}
