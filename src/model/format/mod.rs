//! The design format as data: every key of every mapping, with its type,
//! range, default and meaning (`tables.rs`), and the typed key enums
//! generated with the tables.
//!
//! This is the one source of the format. The loader (`model::lower`) reads
//! the ranges and rules it checks from here, `erlint schema`
//! (`model::schema`) turns the same tables into JSON Schema, and the docs
//! test checks `docs/design-format.md` against them, so none of the three
//! can drift from the others.

mod tables;

pub use tables::*;

use std::fmt;

/// A key the format accepts in one kind of mapping.
#[derive(Clone, Copy, Debug)]
pub struct Key {
    pub name: &'static str,
    pub required: bool,
    /// What its value must be.
    pub ty: Ty,
    /// What an absent key means, when it means something.
    pub default: Option<DefaultValue>,
    pub doc: &'static str,
}

/// What an optional key that is not written stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DefaultValue {
    Bool(bool),
    Int(i64),
    /// The value of another key of the same mapping.
    SameAs(&'static str),
}

impl fmt::Display for DefaultValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DefaultValue::Bool(b) => write!(f, "{b}"),
            DefaultValue::Int(n) => write!(f, "{n}"),
            DefaultValue::SameAs(key) => write!(f, "`{key}`"),
        }
    }
}

/// The value a key takes. Enumerations point at the model's `ALL` tables,
/// nested mappings at their [`Table`].
#[derive(Clone, Copy, Debug)]
pub enum Ty {
    /// `version`: only this number.
    Version(i64),
    /// An entity name (see [`NameRule`]).
    Name(NameRule),
    /// Any single value (references, free text).
    Text,
    /// A list of single values.
    TextList {
        /// At least one entry (`circuits` of a site).
        non_empty: bool,
    },
    Bool,
    /// A whole number in `min..=max`.
    Int {
        min: i64,
        max: i64,
    },
    /// A whole number of zero or more (VLAN IDs, counts: rules judge the
    /// range).
    UInt,
    /// An ASN: a whole number up to `max` (32 bits); rules judge the
    /// reserved ones.
    Asn {
        max: u64,
    },
    /// One of the names, matched case-insensitively.
    Enum(fn() -> Vec<&'static str>),
    /// An IPv4 or IPv6 prefix in CIDR notation.
    Cidr,
    CidrList,
    /// A number and `Mbps` or `Gbps`.
    Bandwidth,
    /// One of these bandwidths, in Gbps (ExpressRoute Direct port speeds).
    BandwidthOf(&'static [u64]),
    /// A mapping with these keys.
    Map(&'static Table),
    /// A list of mappings with these keys.
    List(&'static Table),
    /// A provider's `offers`: model -> non-empty list of layers.
    Offers,
}

/// What an entity name may be: `min..=max` characters, each an ASCII letter,
/// a digit or one of `punctuation`.
#[derive(Clone, Copy, Debug)]
pub struct NameRule {
    pub min: usize,
    pub max: usize,
    /// Written so that `-` comes last (the schema puts it in a character
    /// class as is).
    pub punctuation: &'static str,
}

impl NameRule {
    pub fn accepts(&self, name: &str) -> bool {
        (self.min..=self.max).contains(&name.chars().count())
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || self.punctuation.contains(c))
    }

    /// "1-64 characters: letters, digits, `.`, `_` and `-`".
    pub fn describe(&self) -> String {
        let marks: Vec<String> = self.punctuation.chars().map(|c| format!("`{c}`")).collect();
        let marks = match marks.split_last() {
            Some((last, [])) => last.clone(),
            Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
            None => String::new(),
        };
        let range = format!("{}-{} characters: letters, digits", self.min, self.max);
        if marks.is_empty() {
            range
        } else {
            format!("{range}, {marks}")
        }
    }
}

/// The keys of one kind of mapping, and the rules between them.
#[derive(Debug)]
pub struct Table {
    pub keys: &'static [Key],
    pub constraints: &'static [Constraint],
}

/// A rule between keys of one mapping, beyond each key's own type. The
/// loader checks each (reporting `missing-field` or `invalid-value`), and
/// the schema states it. Keys are positions in the table, written as
/// `CircuitKey::Port as usize` so that a misspelled key does not compile.
#[derive(Clone, Copy, Debug)]
pub enum Constraint {
    /// `keys` are required unless `key` has the value `value` (`layer` and
    /// `provider` unless `model: direct`).
    RequiredUnless {
        keys: &'static [usize],
        key: usize,
        value: &'static str,
    },
    /// `key` written together with `with` needs `needs` (`rate_limiting`
    /// on a circuit with `provider` needs `port`); `why` ends the message.
    Needs {
        key: usize,
        with: usize,
        needs: usize,
        why: &'static str,
    },
    /// `key` is valid only when `other` has the value `value`
    /// (`min_scale_units` only with `sku: ErGwScale`).
    OnlyWhen {
        key: usize,
        other: usize,
        value: &'static str,
    },
    /// `key`'s number is at most `other`'s, or `other`'s default when it is
    /// not written (`min_scale_units` at most `scale_units`).
    AtMost { key: usize, other: usize },
}

impl Constraint {
    /// The positions of the keys it names.
    pub fn keys(&self) -> Vec<usize> {
        match *self {
            Constraint::RequiredUnless { keys, key, .. } => {
                keys.iter().copied().chain([key]).collect()
            }
            Constraint::Needs {
                key, with, needs, ..
            } => vec![key, with, needs],
            Constraint::OnlyWhen { key, other, .. } => vec![key, other],
            Constraint::AtMost { key, other } => vec![key, other],
        }
    }
}

impl Table {
    /// The name of the key at position `i`.
    pub fn name_at(&self, i: usize) -> &'static str {
        self.keys.get(i).map_or("?", |k| k.name)
    }
}

/// A key enum generated with its table: each variant is one key of the
/// table, at the same position. Code names keys by variant, so a misspelled
/// key does not compile.
pub trait FormatKey: Copy + Eq + fmt::Debug + fmt::Display + 'static {
    /// The table the keys come from.
    const TABLE: &'static Table;
    /// Every variant, in table order.
    const ALL: &'static [Self];

    /// The key's position in [`Self::TABLE`].
    fn index(self) -> usize;

    /// The key as the format spells it.
    fn name(self) -> &'static str {
        self.spec().name
    }

    /// The key's entry in the table.
    fn spec(self) -> &'static Key {
        // The macro builds the enum and the table from one list, so every
        // variant has its entry.
        &Self::TABLE.keys[self.index()]
    }
}

/// Declares a key enum and its table from one list: the enum's variants
/// and the table's keys cannot disagree in number or order (the unit tests
/// check that each variant's name spells its key).
macro_rules! format_keys {
    (
        $(#[$meta:meta])*
        $vis:vis enum $Enum:ident in $TABLE:ident {
            $($Variant:ident => $key:expr,)+
        }
        constraints: $constraints:expr;
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        $vis enum $Enum {
            $($Variant,)+
        }

        $vis static $TABLE: $crate::model::format::Table = $crate::model::format::Table {
            keys: &[$($key,)+],
            constraints: $constraints,
        };

        // A `Written` set holds 64 keys.
        const _: () = assert!([$($Enum::$Variant,)+].len() <= 64);

        impl $crate::model::format::FormatKey for $Enum {
            const TABLE: &'static $crate::model::format::Table = &$TABLE;
            const ALL: &'static [Self] = &[$($Enum::$Variant,)+];

            fn index(self) -> usize {
                self as usize
            }
        }

        impl std::fmt::Display for $Enum {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str($crate::model::format::FormatKey::name(*self))
            }
        }
    };
}
pub(crate) use format_keys;

pub(crate) const fn req(name: &'static str, ty: Ty, doc: &'static str) -> Key {
    Key {
        name,
        required: true,
        ty,
        default: None,
        doc,
    }
}

pub(crate) const fn opt(name: &'static str, ty: Ty, doc: &'static str) -> Key {
    Key {
        name,
        required: false,
        ty,
        default: None,
        doc,
    }
}

/// An optional key with its default.
pub(crate) const fn opt_or(
    name: &'static str,
    ty: Ty,
    default: DefaultValue,
    doc: &'static str,
) -> Key {
    Key {
        name,
        required: false,
        ty,
        default: Some(default),
        doc,
    }
}

/// The names of an enumeration's `ALL` table.
pub fn names<T>(all: &'static [(&'static str, T)]) -> Vec<&'static str> {
    all.iter().map(|(n, _)| *n).collect()
}

impl Ty {
    /// The type in words, as the format reference (`docs/design-format.md`)
    /// writes it in its tables.
    pub fn describe(&self) -> String {
        fn list(items: &[String]) -> String {
            match items.split_last() {
                Some((last, [])) => last.clone(),
                Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
                None => String::new(),
            }
        }
        match self {
            Ty::Version(v) => format!("integer: {v}"),
            Ty::Name(rule) => format!("name: {}", rule.describe()),
            Ty::Text => "text".into(),
            Ty::TextList { non_empty: false } => "list of text".into(),
            Ty::TextList { non_empty: true } => "list of text, 1 or more".into(),
            Ty::Bool => "`true` or `false`".into(),
            Ty::Int { min, max } => format!("integer {min}-{max}"),
            Ty::UInt => "integer, 0 or more".into(),
            Ty::Asn { max } => format!("integer 0-{max}"),
            Ty::Enum(all) => {
                let names: Vec<String> = all().iter().map(|n| format!("`{n}`")).collect();
                list(&names)
            }
            Ty::Cidr => "CIDR prefix".into(),
            Ty::CidrList => "list of CIDR prefixes".into(),
            Ty::Bandwidth => "bandwidth (Mbps or Gbps)".into(),
            Ty::BandwidthOf(gbps) => {
                let speeds: Vec<String> = gbps.iter().map(|g| format!("`{g}Gbps`")).collect();
                list(&speeds)
            }
            Ty::Map(_) => "mapping".into(),
            Ty::List(_) => "list of mappings".into(),
            Ty::Offers => "mapping: model -> list of layers".into(),
        }
    }
}

/// Every key of the format with its path (`circuits[].links[].weight`) and
/// the table it belongs to, in table order, each table once. Where several
/// keys of one mapping hold the same kind of mapping (`private`,
/// `microsoft` and `public` peerings), the path names them `*`.
pub fn key_paths() -> Vec<(String, &'static Key, &'static Table)> {
    fn walk(
        table: &'static Table,
        prefix: &str,
        out: &mut Vec<(String, &'static Key, &'static Table)>,
    ) {
        let nested = |k: &Key| match k.ty {
            Ty::Map(t) | Ty::List(t) => Some(t),
            _ => None,
        };
        let mut seen: Vec<*const Table> = Vec::new();
        for key in table.keys {
            out.push((format!("{prefix}{}", key.name), key, table));
            let Some(child) = nested(key) else { continue };
            if seen.contains(&(child as *const Table)) {
                continue;
            }
            seen.push(child);
            let shared = table
                .keys
                .iter()
                .filter(|k| nested(k).is_some_and(|t| std::ptr::eq(t, child)))
                .count()
                > 1;
            let segment = if shared { "*" } else { key.name };
            let item = if matches!(key.ty, Ty::List(_)) {
                "[]"
            } else {
                ""
            };
            walk(child, &format!("{prefix}{segment}{item}."), out);
        }
    }
    let mut out = Vec::new();
    walk(&TOP, "", &mut out);
    out
}

/// One row of the key reference in `docs/design-format.md`: the key's
/// path, type (with its range), whether it is required, and its default,
/// as the page writes them. The docs test compares the page with these.
pub fn reference_rows() -> Vec<[String; 4]> {
    key_paths()
        .into_iter()
        .map(|(path, key, table)| {
            let position = table.keys.iter().position(|k| k.name == key.name);
            let unless = table.constraints.iter().find_map(|c| match *c {
                Constraint::RequiredUnless { keys, key, value }
                    if position.is_some_and(|p| keys.contains(&p)) =>
                {
                    Some(format!("unless `{}: {value}`", table.name_at(key)))
                }
                _ => None,
            });
            let required = match (key.required, unless) {
                (true, _) => "yes".to_string(),
                (false, Some(unless)) => unless,
                (false, None) => "no".to_string(),
            };
            let default = key
                .default
                .map_or_else(|| "-".to_string(), |d| d.to_string());
            [format!("`{path}`"), key.ty.describe(), required, default]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `PeerAsn` -> `peer_asn`.
    fn snake(variant: &str) -> String {
        let mut out = String::new();
        for (i, c) in variant.chars().enumerate() {
            if c.is_ascii_uppercase() {
                if i > 0 {
                    out.push('_');
                }
                out.push(c.to_ascii_lowercase());
            } else {
                out.push(c);
            }
        }
        out
    }

    fn check<K: FormatKey>() {
        assert_eq!(K::ALL.len(), K::TABLE.keys.len());
        for (i, k) in K::ALL.iter().enumerate() {
            assert_eq!(k.index(), i);
            assert_eq!(snake(&format!("{k:?}")), k.name(), "{k:?}");
        }
    }

    #[test]
    fn every_variant_spells_its_key() {
        check::<TopKey>();
        check::<ProviderKey>();
        check::<SiteKey>();
        check::<ExpressRouteKey>();
        check::<QosKey>();
        check::<CircuitKey>();
        check::<RoutersKey>();
        check::<PeeringsKey>();
        check::<PeeringKey>();
        check::<Ipv6Key>();
        check::<GlobalReachKey>();
        check::<LinkKey>();
        check::<PortKey>();
        check::<VnetKey>();
        check::<GatewayKey>();
    }

    /// Constraints name keys of their own table, and the values they
    /// compare with are values of the key's enumeration.
    #[test]
    fn constraints_name_keys_of_their_table() {
        for (path, key, _) in key_paths() {
            let (Ty::Map(t) | Ty::List(t)) = key.ty else {
                continue;
            };
            for c in t.constraints {
                for i in c.keys() {
                    assert!(i < t.keys.len(), "{path}: {c:?}");
                }
                if let Constraint::RequiredUnless { key, value, .. }
                | Constraint::OnlyWhen {
                    other: key, value, ..
                } = *c
                {
                    let Ty::Enum(all) = t.keys[key].ty else {
                        panic!("{path}: {c:?} compares a key that is no enumeration");
                    };
                    assert!(all().contains(&value), "{path}: {c:?}");
                }
            }
        }
    }

    #[test]
    fn names_follow_the_rule() {
        let Ty::Name(rule) = ProviderKey::Name.spec().ty else {
            panic!("a provider's name is a name");
        };
        assert!(rule.accepts("er-ams_1.a"));
        assert!(!rule.accepts("a b"));
        assert!(!rule.accepts(""));
        assert_eq!(
            rule.describe(),
            "1-64 characters: letters, digits, `.`, `_` and `-`"
        );
    }

    #[test]
    fn paths_name_nested_keys_once() {
        let paths: Vec<String> = key_paths().into_iter().map(|(p, _, _)| p).collect();
        for p in [
            "version",
            "circuits[].links[].weight",
            "circuits[].peerings.*.ipv6.primary_subnet",
            "virtual_networks[].gateway.min_scale_units",
            "sites[].expressroute.model",
        ] {
            assert!(paths.iter().any(|x| x == p), "{p}");
        }
        let mut sorted = paths.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), paths.len());
    }
}
