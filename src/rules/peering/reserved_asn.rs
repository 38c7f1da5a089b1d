//! A peer ASN that is reserved: by Azure, by Microsoft, by IANA, or (on
//! Microsoft peering) for documentation.
use crate::rules::owners::reserved;
use crate::rules::prelude::*;

declare_rule! {
    name: "reserved-asn",
    group: Peering,
    severity: Error,
    summary: "a peering's `peer_asn` is reserved (Azure 65515-65520, Microsoft 12076, IANA, documentation)",
    check: check,
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for circuit in cx.db.circuits() {
        // Public peering is retired: public-peering-deprecated owns it.
        for peering in [&circuit.peerings.private, &circuit.peerings.microsoft]
            .into_iter()
            .flatten()
        {
            let Some(asn) = &peering.peer_asn else {
                continue;
            };
            let Some(why) = reserved(asn.value, peering.kind) else {
                continue;
            };
            let help = match peering.kind {
                PeeringKind::Microsoft => {
                    "use a public ASN registered to you or your provider in a routing registry"
                }
                _ => "use your own public ASN, or a private ASN (64512-65534 or 4200000000-4294967294) other than 65515-65520",
            };
            out.push(
                Finding::at(
                    asn.span,
                    format!(
                        "peer ASN `{}` of the {} peering of circuit `{}` is reserved: {why}",
                        asn.value,
                        peering.kind.describe(),
                        circuit.name.value
                    ),
                )
                .help(help),
            );
        }
    }
    out
}
