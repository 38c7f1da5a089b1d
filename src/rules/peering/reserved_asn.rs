//! A peer ASN that is reserved: by Azure, by Microsoft, by IANA, or (on
//! Microsoft peering) for documentation.
use crate::rules::prelude::*;

declare_rule! {
    name: "reserved-asn",
    group: Peering,
    severity: Error,
    summary: "a peering's `peer_asn` is reserved (Azure 65515-65520, Microsoft 12076, IANA, documentation)",
    check: check,
}

/// Why `asn` cannot be a peer ASN on a peering of `kind`, if it cannot.
pub(crate) fn reserved(asn: u64, kind: PeeringKind) -> Option<&'static str> {
    Some(match asn {
        0 => "ASN 0 is reserved (RFC 7607)",
        23456 => "ASN 23456 is AS_TRANS, reserved for 4-byte ASN transition (RFC 6793)",
        12076 => "ASN 12076 is Microsoft's own ASN on every ExpressRoute peering",
        65515..=65520 => "ASNs 65515-65520 are reserved by Azure for internal use",
        65535 | 4_294_967_295 => "the last 16-bit and 32-bit ASNs are reserved by IANA",
        64496..=64511 | 65536..=65551 if kind == PeeringKind::Microsoft => {
            "documentation ASNs (64496-64511, 65536-65551) are not allowed on Microsoft peering"
        }
        _ => return None,
    })
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
