//! Two entities of one kind share a name, possibly in two files.
use crate::rules::prelude::*;

declare_rule! {
    name: "duplicate-name",
    group: Reference,
    severity: Error,
    summary: "two entities of one kind share a name",
    check: check,
}

/// Reports every entity that is not the first of its name, given as its
/// name and the name of the first (`None` for the first itself).
fn duplicates<'d>(
    kind: &str,
    entities: impl Iterator<Item = (&'d Spanned<Text>, Option<Span>)>,
    out: &mut Vec<Finding>,
) {
    for (name, first) in entities {
        let Some(prev) = first else {
            continue;
        };
        out.push(
            Finding::at(
                name.span,
                format!("{kind} `{}` is already defined", name.value),
            )
            .label(prev, "first defined here")
            .help(format!(
                "rename or remove one of them; {kind} names are global across all files of the design"
            )),
        );
    }
}

/// For a duplicate, the span of the first entity's name (one lookup for
/// each duplicate, nothing for the others).
macro_rules! first_of {
    ($handle:expr) => {{
        let h = $handle;
        let first = if h.is_canonical() {
            None
        } else {
            h.canonical().map(|c| c.entity().name.span)
        };
        (&h.entity().name, first)
    }};
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let db = cx.db;
    let mut out = Vec::new();
    duplicates(
        "provider",
        db.all_providers().map(|x| first_of!(x)),
        &mut out,
    );
    duplicates("site", db.all_sites().map(|x| first_of!(x)), &mut out);
    duplicates("circuit", db.all_circuits().map(|x| first_of!(x)), &mut out);
    duplicates("port", db.all_ports().map(|x| first_of!(x)), &mut out);
    duplicates(
        "virtual network",
        db.all_vnets().map(|x| first_of!(x)),
        &mut out,
    );
    out
}
