//! A site marks real-time traffic with other DSCP values than Microsoft uses.
use crate::rules::prelude::*;

declare_rule! {
    name: "qos-dscp-mismatch",
    group: Routing,
    severity: Warning,
    summary: "a site's `qos` marks audio, video or sharing other than EF (46), AF41 (34), AF21 (18)",
    check: check,
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    // A second site of one name is duplicate-name's finding.
    for site in cx.db.sites() {
        let Some(qos) = site.qos.as_ref() else {
            continue;
        };
        for (class, value, want, name) in [
            ("audio", &qos.audio, 46, "EF"),
            ("video", &qos.video, 34, "AF41"),
            ("sharing", &qos.sharing, 18, "AF21"),
        ] {
            let Some(v) = value else { continue };
            if v.value == want {
                continue;
            }
            out.push(
                Finding::at(
                    v.span,
                    format!(
                        "site `{}` marks {class} with DSCP {}, but Microsoft expects {name} ({want})",
                        site.name.value, v.value
                    ),
                )
                .help(format!("set `{class}: {want}`")),
            );
        }
    }
    out
}
