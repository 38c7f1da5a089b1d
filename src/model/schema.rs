//! JSON Schema (draft-07) of the design format, generated from the loader's
//! key tables (`lower::*_KEYS`, with each key's [`Ty`]) and the model's enum
//! `ALL` tables, so the schema cannot drift from what `erlint check`
//! accepts. Editors read it (VS Code's YAML extension:
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

use super::lower::{
    names, Key, Ty, EXPRESSROUTE_KEYS, OFFER_MODELS, REQUIRED_UNLESS_DIRECT, TOP_KEYS,
};
use super::{Layer, Model};
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
        Ty::Version => json!({ "const": 1 }),
        Ty::Name => json!({
            "type": TEXT_TYPES,
            "pattern": "^[A-Za-z0-9._-]{1,64}$",
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
        Ty::Asn => json!({
            "anyOf": [
                { "type": "integer", "minimum": 0, "maximum": u32::MAX },
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
        Ty::PortBandwidth => json!({
            "type": "string",
            "pattern": r"^\s*(?:0*(?:10|100|400)(?:\.0*)?\s*[Gg][Bb][Pp][Ss]|0*(?:10000|100000|400000)(?:\.0*)?\s*[Mm][Bb][Pp][Ss])\s*$",
        }),
        Ty::Map(keys) => mapping(keys),
        Ty::List(keys) => json!({ "type": "array", "items": mapping(keys) }),
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

fn mapping(keys: &[Key]) -> Value {
    let mut props = Map::new();
    let mut required = Vec::new();
    for k in keys {
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
    if is_expressroute(keys) {
        let direct = [Model::Direct.as_str()];
        schema["if"] = json!({
            "properties": { "model": { "type": "string", "pattern": ci_pattern(&direct) } },
            "required": ["model"],
        });
        schema["else"] = json!({ "required": REQUIRED_UNLESS_DIRECT });
    }
    schema
}

/// `EXPRESSROUTE_KEYS` (compared by content: a `const` slice has no fixed
/// address).
fn is_expressroute(keys: &[Key]) -> bool {
    keys.len() == EXPRESSROUTE_KEYS.len()
        && keys
            .iter()
            .zip(EXPRESSROUTE_KEYS)
            .all(|(a, b)| a.name == b.name)
}

/// The schema as a JSON value.
pub fn schema() -> Value {
    let mut root = mapping(TOP_KEYS);
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
        for k in TOP_KEYS {
            assert!(s["properties"].get(k.name).is_some(), "{}", k.name);
        }
        assert_eq!(s["$schema"], DRAFT_07);
    }
}
