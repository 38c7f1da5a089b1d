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
    // The references that name nothing (the index resolved them all).
    let wanted = match kind {
        Referenced::Provider => NameKind::Provider,
        Referenced::Circuit => NameKind::Circuit,
        Referenced::Port => NameKind::Port,
    };
    let refs = ix
        .unresolved()
        .iter()
        .filter(|r| r.kind() == wanted)
        .filter_map(|r| r.name(d));
    let mut meant = HashSet::new();
    for r in refs {
        if d.unparsed.may_mention(&r.value) {
            continue;
        }
        // The index's suggestions stay fast with many names and many typos.
        let best = match kind {
            Referenced::Provider => ix.similar_provider_names(&r.value, 1),
            Referenced::Circuit => ix.similar_circuit_names(&r.value, 1),
            Referenced::Port => ix.similar_port_names(&r.value, 1),
        };
        if let Some(best) = best.first() {
            meant.insert(*best);
        }
    }
    meant
}
