//! JSON Schema (draft-07) of the design format, generated from the format
//! tables the loader reads (`model::format`: each key's [`Ty`] with its
//! range, each mapping's [`Constraint`]s) and the model's enum `ALL`
//! tables, so the schema cannot drift from what `erlint check` accepts. Editors read it (VS Code's YAML extension:
//! `# yaml-language-server: $schema=...`).
//!
//! The schema mirrors the loader, not the rules: a design that passes it has
//! no `unknown-field`, `invalid-value` or `missing-field` finding (up to
//! range checks regular expressions cannot express, such as a bandwidth of
//! zero), while cross-entity checks stay erlint's job.
//!
//! - Enumerations match case-insensitively, as the loader does: each is
//!   `anyOf` the canonical `enum` (what editors offer for completion) and a
//!   case-insensitive pattern.
//! - An optional key may be `null` (the loader treats it as absent).
//! - Text values accept any scalar (`city: 42` is text to the loader too).
//! - A rule between two keys becomes `if` / `then`; "at most another key"
//!   becomes one `if` / `then` per value of the other key's range.

use super::format::{names, Constraint, DefaultValue, Table, Ty, OFFER_MODELS, TOP};
use super::Layer;
use serde_json::{json, Map, Value};

pub const DRAFT_07: &str = "http://json-schema.org/draft-07/schema#";

/// `^(?:[Ll]2|[Ll]3)$`: the names, any letter case.
fn ci_pattern(names: &[&str]) -> String {
    let alts: Vec<String> = names
        .iter()
        .map(|n| {
            n.chars()
                .map(|c| {
                    if c.is_ascii_alphabetic() {
                        format!("[{}{}]", c.to_ascii_uppercase(), c.to_ascii_lowercase())
                    } else if "^$\\.*+?()[]{}|/".contains(c) {
                        // Only syntax characters may be escaped in ECMA 262
                        // unicode mode, which editors use.
                        format!("\\{c}")
                    } else {
                        c.to_string()
                    }
                })
                .collect()
        })
        .collect();
    format!("^(?:{})$", alts.join("|"))
}

fn enumeration(names: &[&str]) -> Value {
    json!({
        "anyOf": [
            { "enum": names },
            { "type": "string", "pattern": ci_pattern(names) },
        ]
    })
}

const IPV4: &str = r"(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";

/// RFC 3986's `IPv6address`, as a regular expression.
fn ipv6() -> String {
    let h16 = "[0-9A-Fa-f]{1,4}";
    let ls32 = format!("(?:{h16}:{h16}|{IPV4})");
    let rep = |n: usize| format!("(?:{h16}:){{{n}}}");
    let upto = |n: usize| {
        if n == 0 {
            format!("(?:{h16})?")
        } else {
            format!("(?:(?:{h16}:){{0,{n}}}{h16})?")
        }
    };
    let alts = [
        format!("{}{ls32}", rep(6)),
        format!("::{}{ls32}", rep(5)),
        format!("{}::{}{ls32}", upto(0), rep(4)),
        format!("{}::{}{ls32}", upto(1), rep(3)),
        format!("{}::{}{ls32}", upto(2), rep(2)),
        format!("{}::{h16}:{ls32}", upto(3)),
        format!("{}::{ls32}", upto(4)),
        format!("{}::{h16}", upto(5)),
        format!("{}::", upto(6)),
    ];
    format!("(?:{})", alts.join("|"))
}

/// An IPv4 prefix (length 0-32) or IPv6 prefix (0-128), as `IpNet::parse`
/// accepts them (surrounding blanks, up to three length digits).
fn cidr_pattern() -> String {
    let v4_len = "(?:0{0,2}[0-9]|0?[12][0-9]|0?3[0-2])";
    let v6_len = "(?:0{0,2}[0-9]|0?[1-9][0-9]|1[01][0-9]|12[0-8])";
    format!(r"^\s*(?:{IPV4}/{v4_len}|{}/{v6_len})\s*$", ipv6())
}

const PREFIX_REF: &str = "#/definitions/prefix";

const TEXT_TYPES: [&str; 3] = ["string", "number", "boolean"];

fn value_schema(ty: &Ty) -> Value {
    match ty {
        Ty::Version(v) => json!({ "const": v }),
        // The punctuation is written with `-` last, so it stays literal in
        // the character class.
        Ty::Name(rule) => json!({
            "type": TEXT_TYPES,
            "pattern": format!("^[A-Za-z0-9{}]{{{},{}}}$", rule.punctuation, rule.min, rule.max),
        }),
        Ty::Text => json!({ "type": TEXT_TYPES }),
        Ty::TextList { non_empty } => {
            let mut v = json!({ "type": "array", "items": { "type": TEXT_TYPES } });
            if *non_empty {
                v["minItems"] = json!(1);
            }
            v
        }
        Ty::Bool => json!({ "type": "boolean" }),
        Ty::Int { min, max } => json!({ "type": "integer", "minimum": min, "maximum": max }),
        // The loader also reads YAML 1.1 digit separators (`1_200`), which
        // YAML 1.2 (so the editor) reads as text.
        Ty::UInt => json!({
            "anyOf": [
                { "type": "integer", "minimum": 0 },
                { "type": "string", "pattern": r"^\+?[0-9_]*(?:[0-9]_|_[0-9])[0-9_]*$" },
            ]
        }),
        // The separator form cannot be range-checked by a pattern.
        Ty::Asn { max } => json!({
            "anyOf": [
                { "type": "integer", "minimum": 0, "maximum": max },
                { "type": "string", "pattern": r"^\+?[0-9_]*(?:[0-9]_|_[0-9])[0-9_]*$" },
            ]
        }),
        Ty::Enum(all) => enumeration(&all()),
        Ty::Cidr => json!({ "$ref": PREFIX_REF }),
        Ty::CidrList => json!({ "type": "array", "items": { "$ref": PREFIX_REF } }),
        // A positive whole number of Mbps, as `Bandwidth::parse` wants:
        // Mbps without fraction, Gbps with at most three decimals.
        Ty::Bandwidth => json!({
            "type": "string",
            "pattern": concat!(
                r"^\s*(?:0*[1-9][0-9]*(?:\.0*)?\s*[Mm]",
                r"|(?:0*[1-9][0-9]*(?:\.[0-9]{0,3}0*)?|0+\.(?:[1-9][0-9]{0,2}|0[1-9][0-9]?|00[1-9])0*)\s*[Gg])",
                r"[Bb][Pp][Ss]\s*$"
            ),
        }),
        // Each speed in Gbps or in Mbps, as `Bandwidth::parse` reads them.
        Ty::BandwidthOf(gbps) => {
            let alts = |scale: u64| {
                gbps.iter()
                    .map(|g| (g * scale).to_string())
                    .collect::<Vec<_>>()
                    .join("|")
            };
            json!({
                "type": "string",
                "pattern": format!(
                    r"^\s*(?:0*(?:{})(?:\.0*)?\s*[Gg][Bb][Pp][Ss]|0*(?:{})(?:\.0*)?\s*[Mm][Bb][Pp][Ss])\s*$",
                    alts(1),
                    alts(1000)
                ),
            })
        }
        Ty::Map(table) => mapping(table),
        Ty::List(table) => json!({ "type": "array", "items": mapping(table) }),
        Ty::Offers => {
            let models: Vec<&str> = OFFER_MODELS.iter().map(|(n, _)| *n).collect();
            let layers = json!({
                "type": "array",
                "minItems": 1,
                "items": enumeration(&names(Layer::ALL)),
                "description": "the layers offered: l2 (Layer 2) and/or l3 (provider-managed Layer 3)",
            });
            let mut props = Map::new();
            for m in &models {
                props.insert((*m).to_string(), layers.clone());
            }
            json!({
                "type": "object",
                "minProperties": 1,
                "properties": props,
                "patternProperties": { ci_pattern(&models): layers },
                "additionalProperties": false,
            })
        }
    }
}

fn mapping(table: &Table) -> Value {
    let mut props = Map::new();
    let mut required = Vec::new();
    for k in table.keys {
        let mut v = value_schema(&k.ty);
        if !k.required {
            // The loader treats `key:` with no value as absent.
            v = json!({ "anyOf": [v, { "type": "null" }] });
        } else {
            required.push(k.name);
        }
        if let Value::Object(o) = &mut v {
            o.insert("description".into(), json!(k.doc));
        }
        props.insert(k.name.to_string(), v);
    }
    let mut schema = json!({
        "type": "object",
        "properties": props,
        "additionalProperties": false,
    });
    if !required.is_empty() {
        schema["required"] = json!(required);
    }
    let mut all_of = Vec::new();
    for c in table.constraints {
        constraint(table, c, &mut schema, &mut all_of);
    }
    if !all_of.is_empty() {
        schema["allOf"] = json!(all_of);
    }
    schema
}

/// "written, and not `null`": what the loader calls present.
fn present(keys: &[&str]) -> Value {
    let mut props = Map::new();
    for k in keys {
        props.insert((*k).to_string(), json!({ "not": { "type": "null" } }));
    }
    json!({ "required": keys, "properties": props })
}

/// A value of an enumeration, any letter case.
fn is_value(key: &str, value: &str) -> Value {
    json!({ "properties": { key: { "type": "string", "pattern": ci_pattern(&[value]) } } })
}

/// Adds the schema of one constraint: to `schema` itself (the one
/// `RequiredUnless`, as `if` / `else`) or to its `allOf`.
fn constraint(table: &Table, c: &Constraint, schema: &mut Value, all_of: &mut Vec<Value>) {
    let name = |i: usize| table.name_at(i);
    match *c {
        Constraint::RequiredUnless { keys, key, value } => {
            let mut cond = is_value(name(key), value);
            cond["required"] = json!([name(key)]);
            let keys: Vec<&str> = keys.iter().map(|&i| name(i)).collect();
            schema["if"] = cond;
            schema["else"] = json!({ "required": keys });
        }
        Constraint::Needs {
            key, with, needs, ..
        } => all_of.push(json!({
            "if": present(&[name(key), name(with)]),
            "then": present(&[name(needs)]),
        })),
        Constraint::OnlyWhen { key, other, value } => all_of.push(json!({
            "if": present(&[name(key)]),
            "then": is_value(name(other), value),
        })),
        Constraint::AtMost { key, other } => {
            let Some(spec) = table.keys.get(other) else {
                return;
            };
            let Ty::Int { min, max } = spec.ty else {
                return;
            };
            // One `if` per value of the other key: JSON Schema cannot
            // compare two values. The ranges this is used for are small.
            if max - min > 100 {
                return;
            }
            let at_most = |n: i64| json!({ "properties": { name(key): { "maximum": n } } });
            if let Some(DefaultValue::Int(d)) = spec.default {
                all_of.push(json!({
                    "if": { "properties": { name(other): { "type": "null" } } },
                    "then": at_most(d),
                }));
            }
            for n in min..=max {
                all_of.push(json!({
                    "if": { "properties": { name(other): { "const": n } }, "required": [name(other)] },
                    "then": at_most(n),
                }));
            }
        }
    }
}

/// The schema as a JSON value.
pub fn schema() -> Value {
    let mut root = mapping(&TOP);
    root["type"] = json!(["object", "null"]);
    root["$schema"] = json!(DRAFT_07);
    root["definitions"] = json!({
        "prefix": {
            "type": "string",
            "pattern": cidr_pattern(),
            "description": "an IPv4 or IPv6 prefix in CIDR notation, as in 10.0.0.0/16 or fd00::/64",
        }
    });
    root["title"] = json!("erlint design file");
    root["description"] = json!(
        "A file of an Azure ExpressRoute network design (design format version 1), as erlint reads it"
    );
    root
}

/// The schema as pretty JSON.
pub fn json_schema() -> String {
    let mut s = serde_json::to_string_pretty(&schema()).unwrap_or_default();
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ci_pattern_folds_case_and_keeps_hyphens() {
        assert_eq!(ci_pattern(&["l2"]), "^(?:[Ll]2)$");
        assert!(ci_pattern(&["ErGw1AZ"]).contains("[Ee][Rr][Gg][Ww]1[Aa][Zz]"));
        assert!(ci_pattern(&["cloud-exchange"]).contains("-[Ee]"));
    }

    #[test]
    fn every_table_key_is_in_the_schema() {
        let s = schema();
        for k in TOP.keys {
            assert!(s["properties"].get(k.name).is_some(), "{}", k.name);
        }
        assert_eq!(s["$schema"], DRAFT_07);
    }
}
