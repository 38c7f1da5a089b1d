//! A site marks real-time traffic with other DSCP values than Microsoft uses.
use crate::rules::prelude::*;

pub static RULE: Rule = Rule {
    name: "qos-dscp-mismatch",
    group: Group::Routing,
    default_severity: Severity::Warning,
    summary:
        "a site's `qos` marks audio, video or sharing other than EF (46), AF41 (34), AF21 (18)",
    doc: rule_doc!("qos-dscp-mismatch"),
    check: Some(check),
    source: file!(),
};

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for (pos, site) in cx.design.sites.iter().enumerate() {
        // A second site of one name is duplicate-name's finding.
        let canonical = cx.index.is_canonical_site(pos);
        let Some(qos) = site.qos.as_ref().filter(|_| canonical) else {
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
