//! Reading scalar values and lists: text, names, numbers, booleans,
//! enumerations, prefixes and bandwidths, each reporting `invalid-value`
//! with what was found and what is accepted. Ranges come from the key's
//! entry in the format tables.

use super::{exact, Lowerer};
use crate::finding::{Applicability, Edit, Fix};
use crate::model::format::{FormatKey, Ty};
use crate::model::{Bandwidth, IpNet, Spanned, SpannedList, Text};
use crate::source::Span;
use crate::suggest;
use crate::syntax::{Node, NodeKind};

impl Lowerer {
    pub(super) fn string(&mut self, node: &Node, key: &str) -> Option<Spanned<Text>> {
        match &node.kind {
            NodeKind::Scalar(s) if !node.is_null() => {
                Some(Spanned::new(Text::from(s.text), node.span))
            }
            _ => {
                self.remember(node);
                self.invalid(
                    node,
                    format!("`{key}` must be text, found {}", node.type_name()),
                    format!("write `{key}` as a single value"),
                );
                None
            }
        }
    }

    /// An entity name, checked against the rule of `key`'s table entry.
    pub(super) fn name<K: FormatKey>(&mut self, node: &Node, key: K) -> Option<Spanned<Text>> {
        let s = self.string(node, key.name())?;
        if let Ty::Name(rule) = key.spec().ty {
            if !rule.accepts(&s.value) {
                self.invalid(
                    node,
                    format!("`{}` is not a valid name", s.value),
                    format!("use {} (no spaces)", rule.describe()),
                );
            }
        }
        // Keep an invalid name: references to it should still resolve.
        Some(s)
    }

    /// A whole number in the range of `key`'s table entry (`Ty::Int`).
    pub(super) fn int<K: FormatKey>(&mut self, node: &Node, key: K) -> Option<Spanned<i64>> {
        let (min, max) = match key.spec().ty {
            Ty::Int { min, max } => (min, max),
            _ => (i64::MIN, i64::MAX),
        };
        let parsed = match &node.kind {
            NodeKind::Scalar(s) if s.plain => parse_digits::<i64>(s.text),
            _ => None,
        };
        let unquote = quoted_number::<i64>(node).filter(|n| (min..=max).contains(n));
        match parsed {
            Some(n) if (min..=max).contains(&n) => Some(Spanned::new(n, node.span)),
            Some(n) => {
                self.invalid(
                    node,
                    format!("`{key}` is {n}, outside {min}-{max}"),
                    format!("use a whole number from {min} to {max}"),
                );
                None
            }
            None => {
                let f = self.invalid_finding(
                    node,
                    format!("`{key}` must be a whole number, found {}", describe(node)),
                    format!("use a whole number from {min} to {max}, without quotes"),
                );
                self.findings.push(match unquote {
                    Some(_) => f.fix(unquote_fix(node)),
                    None => f,
                });
                None
            }
        }
    }

    /// A number of `key`'s range that fits a `u32` (scale units, weights).
    pub(super) fn small_int<K: FormatKey>(&mut self, node: &Node, key: K) -> Option<Spanned<u32>> {
        let n = self.int(node, key)?;
        Some(Spanned::new(u32::try_from(n.value).ok()?, n.span))
    }

    /// Integers that rules judge themselves (ASNs, VLANs, counts), kept as
    /// written so the rule that owns the range reports it.
    pub(super) fn uint(&mut self, node: &Node, key: &str) -> Option<Spanned<u64>> {
        let parsed = match &node.kind {
            NodeKind::Scalar(s) if s.plain => parse_digits::<u64>(s.text),
            _ => None,
        };
        match parsed {
            Some(n) => Some(Spanned::new(n, node.span)),
            None => {
                let f = self.invalid_finding(
                    node,
                    format!(
                        "`{key}` must be a whole number of zero or more, found {}",
                        describe(node)
                    ),
                    "use a whole number without quotes",
                );
                self.findings.push(match quoted_number::<u64>(node) {
                    Some(_) => f.fix(unquote_fix(node)),
                    None => f,
                });
                None
            }
        }
    }

    pub(super) fn boolean(&mut self, node: &Node, key: &str) -> Option<Spanned<bool>> {
        let v = match &node.kind {
            NodeKind::Scalar(s) if s.plain => match s.text {
                "true" | "True" | "TRUE" => Some(true),
                "false" | "False" | "FALSE" => Some(false),
                _ => None,
            },
            _ => None,
        };
        if v.is_none() {
            self.invalid(
                node,
                format!("`{key}` must be true or false, found {}", describe(node)),
                "accepted values: `true`, `false`",
            );
        }
        v.map(|b| Spanned::new(b, node.span))
    }

    pub(super) fn enumeration<T: Copy>(
        &mut self,
        node: &Node,
        key: &str,
        all: &[(&'static str, T)],
    ) -> Option<Spanned<T>> {
        let text = match &node.kind {
            NodeKind::Scalar(s) if !node.is_null() => Some(s.text),
            _ => None,
        };
        if let Some(t) = text {
            if let Some((_, v)) = all.iter().find(|(n, _)| n.eq_ignore_ascii_case(t.trim())) {
                return Some(Spanned::new(*v, node.span));
            }
        }
        // Only a value that is not accepted pays for the message.
        let accepted = all
            .iter()
            .map(|(n, _)| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(", ");
        if let Some(t) = text {
            // Two, to know whether the best is the only one close.
            let close = suggest::closest(t, all.iter().map(|(n, _)| *n), 2);
            let help = match close.first() {
                Some(c) => format!("did you mean `{c}`? accepted values: {accepted}"),
                None => format!("accepted values: {accepted}"),
            };
            let f = self.invalid_finding(node, format!("`{t}` is not a valid `{key}`"), help);
            self.findings.push(match close.as_slice() {
                [only] => f.fix(Fix::replace(
                    format!("write `{only}`"),
                    Applicability::Unsafe,
                    node.span,
                    *only,
                )),
                _ => f,
            });
        } else {
            self.invalid(
                node,
                format!("`{key}` must be one value, found {}", node.type_name()),
                format!("accepted values: {accepted}"),
            );
        }
        None
    }

    pub(super) fn cidr(&mut self, node: &Node, key: &str) -> Option<Spanned<IpNet>> {
        let s = self.string(node, key)?;
        match IpNet::parse(&s.value) {
            Ok(net) => Some(Spanned::new(net, node.span)),
            Err(why) => {
                self.invalid(
                    node,
                    format!("`{}` is not a valid prefix for `{key}`: {why}", s.value),
                    "write an IPv4 or IPv6 prefix in CIDR notation, as in `10.0.0.0/16` or `fd00::/64`",
                );
                None
            }
        }
    }

    pub(super) fn bandwidth(&mut self, node: &Node, key: &str) -> Option<Spanned<Bandwidth>> {
        let s = self.string(node, key)?;
        match Bandwidth::parse(&s.value) {
            Ok(b) => Some(Spanned::new(b, node.span)),
            Err(why) => {
                self.invalid(
                    node,
                    why,
                    "write a number and a unit, as in `200Mbps`, `1Gbps` or `10Gbps`",
                );
                None
            }
        }
    }

    /// A bandwidth among the speeds of `key`'s table entry
    /// (`Ty::BandwidthOf`): ExpressRoute Direct ports.
    pub(super) fn bandwidth_of<K: FormatKey>(
        &mut self,
        node: &Node,
        key: K,
    ) -> Option<Spanned<Bandwidth>> {
        let b = self.bandwidth(node, key.name())?;
        let Ty::BandwidthOf(gbps) = key.spec().ty else {
            return Some(b);
        };
        if gbps.iter().any(|g| b.value == Bandwidth::from_gbps(*g)) {
            return Some(b);
        }
        let accepted = gbps
            .iter()
            .map(|g| format!("`{g}Gbps`"))
            .collect::<Vec<_>>()
            .join(", ");
        self.invalid(
            node,
            format!("`{}` is not an ExpressRoute Direct port speed", b.value),
            format!("accepted values: {accepted}"),
        );
        None
    }

    pub(super) fn list<T>(
        &mut self,
        node: &Node,
        key: &str,
        mut item: impl FnMut(&mut Self, &Node) -> Option<Spanned<T>>,
    ) -> Option<SpannedList<T>> {
        let NodeKind::Seq(items) = &node.kind else {
            // `circuits: er-ams-1`: the names written still count as
            // mentioned, so `unused-circuit` does not repeat this finding.
            self.remember(node);
            self.invalid(
                node,
                format!("`{key}` must be a list, found {}", node.type_name()),
                format!("write `{key}: [a, b]` or one `- ` line per entry"),
            );
            return None;
        };
        let values = exact(items.iter().filter_map(|n| item(self, n)), items.len());
        Some(Spanned::new(values, node.span))
    }
}

/// The number a quoted scalar holds (`"65010"`), if it is one.
fn quoted_number<T: std::str::FromStr>(node: &Node) -> Option<T> {
    match &node.kind {
        NodeKind::Scalar(s) if !s.plain && !s.text.is_empty() => {
            // Digits only: `"+1"` or `" 1"` unquoted would not read the same.
            s.text
                .bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| s.text.parse().ok())
                .flatten()
        }
        _ => None,
    }
}

/// Removing the quotes around a number (safe: the value meant is the
/// number written). Two edits, one per quote, so that nothing between
/// them is rewritten.
fn unquote_fix(node: &Node) -> Fix {
    let (start, end) = (node.span.start as usize, node.span.end as usize);
    let quote = |at: usize| Edit {
        span: Span::new(node.span.file, at, at + 1),
        replacement: String::new(),
    };
    Fix {
        title: "remove the quotes".into(),
        applicability: Applicability::Safe,
        edits: vec![quote(start), quote(end.saturating_sub(1))],
    }
}

/// A YAML integer, `_` separators allowed (`10_000`); no allocation unless
/// it has separators.
fn parse_digits<T: std::str::FromStr>(text: &str) -> Option<T> {
    if text.contains('_') {
        text.replace('_', "").parse().ok()
    } else {
        text.parse().ok()
    }
}

/// What was found, for a message: "nothing", "the quoted text \"46\"",
/// "`yes`", "a list".
fn describe(node: &Node) -> String {
    match &node.kind {
        NodeKind::Scalar(_) if node.is_null() => "nothing".into(),
        NodeKind::Scalar(s) if !s.plain => format!("the quoted text \"{}\"", truncate(s.text)),
        NodeKind::Scalar(s) => format!("`{}`", truncate(s.text)),
        _ => node.type_name().into(),
    }
}

fn truncate(s: &str) -> String {
    if s.chars().count() > 40 {
        let t: String = s.chars().take(40).collect();
        format!("{t}…")
    } else {
        s.to_string()
    }
}
