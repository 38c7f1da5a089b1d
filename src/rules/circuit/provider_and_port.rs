//! A circuit names both a provider and a Direct port, or neither.
use crate::rules::prelude::*;

declare_rule! {
    name: "provider-and-port",
    group: Circuit,
    severity: Error,
    summary: "a circuit sets both `provider` and `port`, or neither",
    check: check,
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for circuit in cx.db.circuits() {
        let name = &circuit.name.value;
        match (&circuit.provider, &circuit.port) {
            (Some(provider), Some(port)) => out.push(
                Finding::at(
                    circuit.name.span,
                    format!(
                        "circuit `{name}` sets both provider `{}` and ExpressRoute Direct port `{}`",
                        provider.value, port.value
                    ),
                )
                .label(provider.span, "ordered from a provider here")
                .label(port.span, "and created on a Direct port here")
                .help("keep `provider` for a circuit bought from a connectivity provider, or `port` for a circuit on your own ExpressRoute Direct port, and remove the other"),
            ),
            // A written but invalid or misspelled `provider`/`port` was
            // already reported by the loader.
            (None, None) if !circuit.has(CircuitKey::Provider) && !circuit.has(CircuitKey::Port) => out.push(
                Finding::at(
                    circuit.name.span,
                    format!("circuit `{name}` has neither a `provider` nor a `port`"),
                )
                .help("add `provider` for a circuit bought from a connectivity provider, or `port` for a circuit on an ExpressRoute Direct port"),
            ),
            _ => {}
        }
    }
    out
}
