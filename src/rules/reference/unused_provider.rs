//! A provider that no site or circuit uses.
use crate::rules::prelude::*;

pub static RULE: Rule = Rule {
    name: "unused-provider",
    group: Group::Reference,
    default_severity: Severity::Warning,
    summary: "a provider no site or circuit uses",
    doc: rule_doc!("unused-provider"),
    check: Some(check),
    source: file!(),
};

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    let meant = super::probably_meant(cx, super::Referenced::Provider);
    for (pos, p) in cx.design.providers.iter().enumerate() {
        // Only the first definition of a name is indexed; later ones are duplicates.
        if !cx.index.is_canonical_provider(pos)
            || cx.index.provider_is_used(pos)
            // A name written in a file that could not be parsed may be used there.
            || cx.design.unparsed.may_mention(&p.name.value)
            // A misspelled reference to it is undefined-reference's finding.
            || meant.contains(p.name.value.as_str())
        {
            continue;
        }
        out.push(
            Finding::at(p.name.span, format!("provider `{}` is not used by any site or circuit", p.name.value))
                .help("remove the provider, or reference it from a site's `expressroute.provider` or a circuit's `provider`"),
        );
    }
    out
}
