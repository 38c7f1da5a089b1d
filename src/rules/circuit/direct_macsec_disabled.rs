//! An ExpressRoute Direct port without MACsec.
use crate::rules::prelude::*;

declare_rule! {
    name: "direct-macsec-disabled",
    group: Circuit,
    severity: Info,
    summary: "an ExpressRoute Direct port does not enable MACsec",
    check: check,
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for port in cx.db.ports() {
        let span = match &port.macsec {
            Some(m) if m.value => continue,
            Some(m) => m.span,
            None => port.name.span,
        };
        out.push(
            Finding::at(
                span,
                format!(
                    "the links of ExpressRoute Direct port `{}` are not encrypted with MACsec",
                    port.name.value
                ),
            )
            .help("set `macsec: true` and configure MACsec on your routers, with the keys kept in Azure Key Vault"),
        );
    }
    out
}
