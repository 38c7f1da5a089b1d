//! A circuit links more virtual networks (plus Global Reach connections)
//! than its SKU and bandwidth allow.
use crate::catalog::sku;
use crate::rules::prelude::*;

pub static RULE: Rule = Rule {
    name: "vnet-link-limit",
    group: Group::Circuit,
    default_severity: Severity::Error,
    summary: "a circuit has more VNet links and Global Reach connections than its SKU allows",
    doc: rule_doc!("vnet-link-limit"),
    check: Some(check),
    source: file!(),
};

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
    for (pos, circuit) in cx.design.circuits.iter().enumerate() {
        if !cx.index.is_canonical_circuit(cx.design, pos) {
            continue;
        }
        let (Some(links), Some(s), Some(bw)) = (&circuit.links, &circuit.sku, &circuit.bandwidth)
        else {
            continue;
        };
        let n_links = links.value.len();
        let n_reach = circuit.global_reach().len();
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
        let premium = sku::vnet_link_limit(Sku::Premium, bw.value) as usize;
        let top = sku::vnet_link_limit(Sku::Premium, Bandwidth::from_gbps(10)) as usize;
        let help = if s.value != Sku::Premium && n_links + n_reach <= premium {
            format!(
                "use `sku: premium` (up to {premium} at `{}`), or reach more virtual networks through VNet peering with a linked hub",
                bw.value
            )
        } else if n_links + n_reach <= top {
            let change = if s.value == Sku::Premium {
                "raise the bandwidth"
            } else {
                "use `sku: premium` with a higher bandwidth"
            };
            format!(
                "{change} (Premium allows up to {top} from `10Gbps`), move links to another circuit, or reach more virtual networks through VNet peering with a linked hub"
            )
        } else {
            "move links to another circuit, or reach more virtual networks through VNet peering with a linked hub".to_string()
        };
        out.push(f.help(help));
    }
    out
}
