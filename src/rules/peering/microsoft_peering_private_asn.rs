//! Microsoft peering with a private peer ASN.
use crate::rules::owners::reserved;
use crate::rules::prelude::*;

declare_rule! {
    name: "microsoft-peering-private-asn",
    group: Peering,
    severity: Warning,
    summary: "Microsoft peering uses a private ASN (manual validation; stripped from the AS path)",
    check: check,
}

fn is_private_asn(asn: u64) -> bool {
    matches!(asn, 64512..=65534 | 4_200_000_000..=4_294_967_294)
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for circuit in cx.db.circuits() {
        let Some(peering) = &circuit.peerings.microsoft else {
            continue;
        };
        let Some(asn) = &peering.peer_asn else {
            continue;
        };
        // 65515-65520 are private too, but reserved-asn owns them.
        if !is_private_asn(asn.value) || reserved(asn.value, peering.kind).is_some() {
            continue;
        }
        out.push(
            Finding::at(
                asn.span,
                format!(
                    "the Microsoft peering of circuit `{}` uses private ASN `{}`: it needs manual validation, and Microsoft strips private ASNs from the AS path",
                    circuit.name.value, asn.value
                ),
            )
            .help("use a public ASN registered to you or your provider, or plan for manual validation and do not rely on AS-path prepending"),
        );
    }
    out
}
