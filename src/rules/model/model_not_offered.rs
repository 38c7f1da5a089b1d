//! A site's connectivity model is not one its provider's contract offers.
use crate::rules::prelude::*;

declare_rule! {
    name: "model-not-offered",
    group: Model,
    severity: Error,
    summary: "a site's connectivity model is not offered by its provider",
    check: check,
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for site in cx.db.all_sites() {
        let Some(er) = &site.expressroute else {
            continue;
        };
        let Some(model) = &er.model else {
            continue;
        };
        if model.value == Model::Direct {
            continue;
        }
        let Some(p) = site.provider() else {
            continue;
        };
        let Some(offers) = &p.offers else { continue };
        if p.offer(model.value).is_some() {
            continue;
        }
        let offered: Vec<String> = offers
            .value
            .iter()
            .map(|o| format!("`{}`", o.model.value.as_str()))
            .collect();
        let offered_text = if offered.is_empty() {
            "nothing".to_string()
        } else {
            offered.join(", ")
        };
        out.push(
            Finding::at(
                model.span,
                format!(
                    "site `{}` uses {} but provider `{}` does not offer it",
                    site.name.value,
                    model.value.describe(),
                    p.name.value
                ),
            )
            .label(offers.span, format!("provider `{}` offers {offered_text}", p.name.value))
            .help(format!(
                "use a model the contract offers ({offered_text}), or choose a provider that offers `{}`",
                model.value.as_str()
            )),
        );
    }
    out
}
