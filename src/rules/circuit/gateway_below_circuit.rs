//! A linked virtual network's gateway carries less than the circuit's
//! bandwidth: the gateway, not the circuit, caps the traffic.
use super::describe_gateway;
use crate::rules::owners::{orderable_bandwidth, usable_gateway};

use crate::rules::prelude::*;

declare_rule! {
    name: "gateway-below-circuit",
    group: Circuit,
    severity: Warning,
    summary: "a linked virtual network's gateway carries less than the circuit's bandwidth",
    check: check,
}

/// The smallest gateway that carries `mbps`, for the help.
fn suggestion(mbps: u64, current: GatewaySku, fastpath: bool) -> String {
    let scale_units = mbps.div_ceil(1_000);
    if fastpath && scale_units > 40 {
        return "enable FastPath on the links (`fastpath: true`) so traffic bypasses the gateway"
            .to_string();
    }
    if current == GatewaySku::ErGwScale && scale_units <= 40 {
        return format!("raise `scale_units` to {scale_units} or more (1 Gbps per scale unit)");
    }
    let az = matches!(
        current,
        GatewaySku::ErGw1Az | GatewaySku::ErGw2Az | GatewaySku::ErGw3Az
    );
    if mbps <= 2_000 {
        let sku = if az { "ErGw2AZ" } else { "HighPerformance" };
        format!("use gateway SKU `{sku}` (2 Gbps) or larger")
    } else if mbps <= 10_000 {
        let sku = if az { "ErGw3AZ" } else { "UltraPerformance" };
        format!("use gateway SKU `{sku}` (10 Gbps) or `ErGwScale` with {scale_units} scale units or more")
    } else if scale_units <= 40 {
        format!("use `ErGwScale` with {scale_units} scale units or more (1 Gbps per scale unit), or FastPath to bypass the gateway")
    } else {
        "use a gateway that supports FastPath (`ErGw3AZ`, or `ErGwScale` with 10 scale units or more) and enable it on the links (`fastpath: true`) so traffic bypasses the gateway".to_string()
    }
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for vnet in cx.db.vnets() {
        let Some((gw, gw_sku, facts)) = usable_gateway(vnet) else {
            continue;
        };
        let vname = &vnet.name.value;
        let faster: Vec<(CircuitRef<'_>, &Spanned<Bandwidth>)> = vnet
            .circuits()
            // With FastPath the data bypasses the gateway, but only on a
            // gateway that can do FastPath: elsewhere the traffic still
            // crosses it (and fastpath-unsupported reports the setting).
            .filter(|c| {
                !(facts.fastpath
                    && c.links().any(|l| {
                        l.vnet.value == *vname && l.fastpath.as_ref().is_some_and(|f| f.value)
                    }))
            })
            .filter_map(|c| orderable_bandwidth(c).map(|b| (c, b)))
            .filter(|(_, b)| b.value.mbps > facts.mbps)
            .collect();
        let Some(&(first, first_bw)) = faster.iter().max_by_key(|(_, b)| b.value) else {
            continue;
        };
        let gw_bw = Bandwidth::from_mbps(facts.mbps);
        let than = if faster.len() == 1 {
            format!("circuit `{}` (`{}`)", first.name.value, first_bw.value)
        } else {
            format!(
                "{} linked circuits of up to `{}`",
                faster.len(),
                first_bw.value
            )
        };
        let mut f = Finding::at(
            gw_sku.span,
            format!(
                "the gateway of virtual network `{vname}` ({}) carries `{gw_bw}`, less than {than}",
                describe_gateway(gw, gw_sku.value)
            ),
        )
        .help(suggestion(
            first_bw.value.mbps,
            gw_sku.value,
            facts.fastpath,
        ));
        for (c, b) in &faster {
            f = f.label(
                b.span,
                format!("circuit `{}` is `{}`", c.name.value, b.value),
            );
        }
        out.push(f);
    }
    out
}
