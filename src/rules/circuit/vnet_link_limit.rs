//! A circuit links more virtual networks (plus Global Reach connections)
//! than its SKU and bandwidth allow.
use crate::catalog::sku;
use crate::rules::owners;
use crate::rules::prelude::*;

declare_rule! {
    name: "vnet-link-limit",
    group: Circuit,
    severity: Error,
    summary: "a circuit has more VNet links and Global Reach connections than its SKU allows",
    check: check,
}

fn sku_word(s: Sku) -> &'static str {
    match s {
        Sku::Local => "Local",
        Sku::Standard => "Standard",
        Sku::Premium => "Premium",
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for circuit in cx.db.circuits() {
        let bw = owners::orderable_bandwidth(circuit);
        let (Some(links), Some(s), Some(bw)) = (&circuit.links, &circuit.sku, bw) else {
            continue;
        };
        let n_links = links.value.len();
        let n_reach = circuit.entity().global_reach().len();
        let limit = sku::vnet_link_limit(s.value, bw.value) as usize;
        if n_links + n_reach <= limit {
            continue;
        }
        let name = &circuit.name.value;
        let what = if n_reach == 0 {
            plural(n_links, "virtual network link", "virtual network links")
        } else {
            format!(
                "{} and {}, {} in all",
                plural(n_links, "virtual network link", "virtual network links"),
                plural(
                    n_reach,
                    "Global Reach connection",
                    "Global Reach connections"
                ),
                n_links + n_reach
            )
        };
        let mut f = Finding::at(
            links.span,
            format!(
                "circuit `{name}` has {what}, more than the {limit} a {} circuit of `{}` allows",
                sku_word(s.value),
                bw.value
            ),
        )
        .label(
            s.span,
            format!("{}: at most {limit} at `{}`", sku_word(s.value), bw.value),
        );
        if let Some(gr) = circuit.global_reach.as_ref().filter(|_| n_reach > 0) {
            f = f.label(
                gr.span,
                "Global Reach connections count against the same limit",
            );
        }
        let total = n_links + n_reach;
        let premium = sku::vnet_link_limit(Sku::Premium, bw.value) as usize;
        // Bandwidth can be raised in place (never lowered): the smallest
        // size whose Premium limit holds them all.
        let enough = sku::PROVIDER_BANDWIDTHS_MBPS
            .iter()
            .map(|&m| Bandwidth::from_mbps(m))
            .find(|&b| b > bw.value && sku::vnet_link_limit(Sku::Premium, b) as usize >= total);
        let peering = "or reach more virtual networks through VNet peering with a linked hub";
        let help = if s.value != Sku::Premium && total <= premium {
            format!(
                "use `sku: premium` (up to {premium} at `{}`), {peering}",
                bw.value
            )
        } else if let Some(b) = enough {
            let change = if s.value == Sku::Premium {
                "raise the bandwidth"
            } else {
                "use `sku: premium` and raise the bandwidth"
            };
            format!(
                "{change} to `{b}` or more (Premium allows {} there), move links to another circuit, {peering}",
                sku::vnet_link_limit(Sku::Premium, b)
            )
        } else {
            format!("move links to another circuit, {peering}")
        };
        out.push(f.help(help));
    }
    out
}
