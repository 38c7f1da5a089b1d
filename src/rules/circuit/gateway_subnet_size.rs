//! The GatewaySubnet is too small for the gateway, or outside the virtual
//! network.
use crate::rules::prelude::*;

declare_rule! {
    name: "gateway-subnet-size",
    group: Circuit,
    severity: Error,
    summary: "a gateway's `subnet` is smaller than the gateway needs or outside the virtual network",
    check: check,
}

/// The smallest gateway subnet Azure creates, the size it recommends, and
/// the size it requires for 16 circuits
/// (expressroute-about-virtual-network-gateways.md, "Gateway subnet").
const SMALLEST_V4: u8 = 29;
const RECOMMENDED_V4: u8 = 27;
const FOR_16_CIRCUITS_V4: u8 = 26;
const RECOMMENDED_V6: u8 = 64;

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for vnet in cx.db.vnets() {
        let Some(gw) = vnet.gateway.as_ref() else {
            continue;
        };
        let Some(subnet) = gw.subnet.as_ref() else {
            continue;
        };
        let name = &vnet.name.value;
        let net = subnet.value;
        // An address space written wrong was reported by the loader.
        if let Some(space) = vnet.address_space.as_ref() {
            if !space.value.is_empty() && !space.value.iter().any(|p| p.value.contains(&net)) {
                out.push(
                    Finding::at(
                        subnet.span,
                        format!(
                            "the gateway subnet `{net}` of virtual network `{name}` is outside its address space"
                        ),
                    )
                    .label(space.span, "the virtual network's address space")
                    .help("choose a gateway subnet inside `address_space` (the GatewaySubnet is a subnet of the virtual network)"),
                );
                continue;
            }
        }
        let len = net.prefix_len;
        let finding = match net.family() {
            Family::V4 if len > SMALLEST_V4 => Some(
                Finding::at(
                    subnet.span,
                    format!(
                        "the gateway subnet of virtual network `{name}` is a /{len}: Azure creates none smaller than a /{SMALLEST_V4}"
                    ),
                )
                .help(format!("use a /{RECOMMENDED_V4} or larger")),
            ),
            Family::V4 if len > FOR_16_CIRCUITS_V4 && vnet.circuits().count() >= 16 => Some(
                Finding::at(
                    subnet.span,
                    format!(
                        "the gateway subnet of virtual network `{name}` is a /{len}, and 16 circuits link the network: that needs a /{FOR_16_CIRCUITS_V4} or larger"
                    ),
                )
                .help(format!("use a /{FOR_16_CIRCUITS_V4} or larger gateway subnet")),
            ),
            Family::V4 if len > RECOMMENDED_V4 => Some(
                Finding::at(
                    subnet.span,
                    format!(
                        "the gateway subnet of virtual network `{name}` is a /{len}, smaller than the /{RECOMMENDED_V4} Azure recommends: a VPN gateway beside it, a gateway migration or 16 circuits need more addresses"
                    ),
                )
                .help(format!("use a /{RECOMMENDED_V4} or larger (enlarging it later means recreating the gateway)"))
                // Recommended, not required: a /28 or /29 gateway is created.
                .softer(Severity::Warning),
            ),
            Family::V6 if len > RECOMMENDED_V6 => Some(
                Finding::at(
                    subnet.span,
                    format!(
                        "the IPv6 gateway subnet of virtual network `{name}` is a /{len}, smaller than the /{RECOMMENDED_V6} Azure recommends for a dual-stack gateway"
                    ),
                )
                .help(format!("use a /{RECOMMENDED_V6} or larger"))
                .softer(Severity::Warning),
            ),
            _ => None,
        };
        out.extend(finding);
    }
    out
}
