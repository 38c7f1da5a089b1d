//! The rules between keys of one mapping that the tables declare
//! ([`Constraint`]), checked on the values the entity lowerers read:
//! `invalid-value` at the key that breaks one.
//!
//! `RequiredUnless` is applied while `expressroute` is read (it decides
//! which keys are read at all), so it is not checked here.

use super::mapping::Fields;
use super::Lowerer;
use crate::model::format::{Constraint, DefaultValue, FormatKey};
use crate::model::Written;

/// What a lowerer made of a key's value, as the constraints need it.
pub(super) enum Seen {
    /// Written with a value the loader reported (its own finding).
    Invalid,
    /// Written, whatever the value.
    Written,
    Int(i64),
    /// One of an enumeration's values, by its canonical name.
    Name(&'static str),
}

impl Lowerer {
    /// Checks the constraints of `K`'s table; `seen` says what became of
    /// each written key's value. Returns the keys reported, whose values
    /// the caller drops (an invalid value is `None` in the model).
    pub(super) fn check_constraints<K: FormatKey>(
        &mut self,
        fields: &Fields<'_, K>,
        seen: impl Fn(K) -> Seen,
        what: &dyn std::fmt::Display,
    ) -> Written<K> {
        let written = fields.written();
        let mut failed = Written::<K>::new();
        let key = |i: usize| K::ALL.get(i).copied();
        for c in K::TABLE.constraints {
            match *c {
                Constraint::RequiredUnless { .. } => {}
                Constraint::Needs {
                    key: k,
                    with,
                    needs,
                    why,
                } => {
                    let (Some(k), Some(with), Some(needs)) = (key(k), key(with), key(needs)) else {
                        continue;
                    };
                    if failed.contains(k)
                        || !written.contains(with)
                        || written.contains(needs)
                        || matches!(seen(k), Seen::Invalid)
                    {
                        continue;
                    }
                    let Some(node) = fields.value(k) else {
                        continue;
                    };
                    self.invalid(
                        node,
                        format!("`{k}` needs `{needs}`, and {what} has `{with}` instead: {why}"),
                        format!("remove `{k}`, or use `{needs}` instead of `{with}`"),
                    );
                    failed.insert(k);
                }
                Constraint::OnlyWhen {
                    key: k,
                    other,
                    value,
                } => {
                    let (Some(k), Some(other)) = (key(k), key(other)) else {
                        continue;
                    };
                    let Seen::Name(is) = seen(other) else {
                        // Not written or invalid: that is its own finding.
                        continue;
                    };
                    if failed.contains(k)
                        || matches!(seen(k), Seen::Invalid)
                        || is.eq_ignore_ascii_case(value)
                    {
                        continue;
                    }
                    let Some(node) = fields.value(k) else {
                        continue;
                    };
                    self.invalid(
                        node,
                        format!("`{k}` applies to `{other}: {value}` only, and {what} has `{other}: {is}`"),
                        format!("remove `{k}`, or use `{other}: {value}`"),
                    );
                    failed.insert(k);
                }
                Constraint::AtMost { key: k, other } => {
                    let (Some(k), Some(other)) = (key(k), key(other)) else {
                        continue;
                    };
                    let Seen::Int(n) = seen(k) else { continue };
                    let (max, defaulted) = if written.contains(other) {
                        match seen(other) {
                            Seen::Int(m) => (m, false),
                            _ => continue,
                        }
                    } else {
                        match other.spec().default {
                            Some(DefaultValue::Int(d)) => (d, true),
                            _ => continue,
                        }
                    };
                    if failed.contains(k) || n <= max {
                        continue;
                    }
                    let Some(node) = fields.value(k) else {
                        continue;
                    };
                    let (message, help) = if defaulted {
                        (
                            format!("`{k}` is {n}, above `{other}` ({max} when not written)"),
                            format!("set `{other}` to {n} or more, or lower `{k}` to {max}"),
                        )
                    } else {
                        (
                            format!("`{k}` is {n}, above `{other}` ({max})"),
                            format!(
                                "lower `{k}` to {max} or less, or raise `{other}` to {n} or more"
                            ),
                        )
                    };
                    self.invalid(node, message, help);
                    failed.insert(k);
                }
            }
        }
        failed
    }
}
