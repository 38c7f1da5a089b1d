//! Where the cursor is in the format: the keys of the mappings around it
//! (read from the text's indentation, since a buffer being typed is often
//! not valid YAML) and whether a key or a value is being written there.
//! Completion and the unknown-key did-you-mean read it.

use crate::model::format::{Key, Table, Ty, TOP};

/// What is being written at the cursor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Slot {
    /// A key of the mapping (`prefix`: what is written of it so far).
    Key { prefix: String },
    /// The value of `key` (or an item of its list).
    Value { key: String, prefix: String },
}

/// The cursor's place: the enclosing keys, outermost first, and the slot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Context {
    pub parents: Vec<String>,
    pub slot: Slot,
}

/// A line's indentation, whether it is a list item (`- `), the column its
/// content starts at, and the content.
fn split_line(line: &str) -> (usize, bool, usize, &str) {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let rest = &line[indent..];
    if let Some(after) = rest
        .strip_prefix("- ")
        .or(if rest == "-" { Some("") } else { None })
    {
        let pad = after.len() - after.trim_start_matches(' ').len();
        (indent, true, indent + 2 + pad, &after[pad..])
    } else {
        (indent, false, indent, rest)
    }
}

/// The key a line's content starts with (`name` of `name: x`), and what
/// follows the colon.
fn key_of(content: &str) -> Option<(&str, &str)> {
    let bytes = content.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b':' if bytes.get(i + 1).is_none_or(|&b| b == b' ' || b == b'\t') => {
                let key = content[..i].trim().trim_matches(['"', '\'']);
                return (!key.is_empty()).then(|| (key, &content[i + 1..]));
            }
            b'#' | b'[' | b'{' | b'"' | b'\'' => return None,
            _ => i += 1,
        }
    }
    None
}

/// True when nothing but a comment follows.
fn is_empty_value(after: &str) -> bool {
    let t = after.trim();
    t.is_empty() || t.starts_with('#')
}

/// The context at byte `offset` of `text`.
pub fn at(text: &str, offset: usize) -> Context {
    let offset = floor_boundary(text, offset);
    let line_start = text[..offset].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let before = &text[line_start..offset];
    let (_, item, mut col, content) = split_line(before);
    let flow = flow(content);
    let slot = match (&flow, key_of(content)) {
        (Some((_, slot)), _) => slot.clone(),
        (None, Some((key, after))) => Slot::Value {
            key: key.to_string(),
            prefix: last_token(after).to_string(),
        },
        (None, None) => Slot::Key {
            prefix: content.trim().to_string(),
        },
    };
    let mut in_item = item;
    let mut parents = Vec::new();
    for line in text[..line_start].lines().rev() {
        let (indent, item, kc, content) = split_line(line);
        if content.trim().is_empty() || content.trim_start().starts_with('#') {
            continue;
        }
        if kc >= col {
            // A sibling, or deeper; or the first line of our list item.
            if item && indent < col && !in_item {
                in_item = true;
                col = indent + 1;
            }
            continue;
        }
        let Some((key, after)) = key_of(content) else {
            continue;
        };
        if !is_empty_value(after) {
            // `key: value` above, less indented: not a parent (a
            // malformed buffer); keep looking.
            continue;
        }
        parents.push(key.to_string());
        in_item = item;
        col = if item { indent + 1 } else { kc };
        if col == 0 {
            break;
        }
    }
    parents.reverse();
    if let Some((chain, _)) = flow {
        parents.extend(chain);
        return Context { parents, slot };
    }
    // `- word` under a list of values is an item of that list.
    let slot = match slot {
        Slot::Key { prefix } if item => match parents.split_last() {
            Some((last, outer))
                if table_of(outer)
                    .and_then(|t| key_in(t, last))
                    .is_some_and(is_list_of_values) =>
            {
                let key = last.clone();
                parents.pop();
                Slot::Value { key, prefix }
            }
            _ => Slot::Key { prefix },
        },
        s => s,
    };
    Context { parents, slot }
}

/// A flow collection (`{ a: 1, b: [x, y` ) still open at the end of
/// `content`: the keys leading into it from the line's start, and the slot
/// at its end. `None` when no flow collection is open there.
fn flow(content: &str) -> Option<(Vec<String>, Slot)> {
    struct Frame {
        map: bool,
        key: Option<String>,
        in_value: bool,
        token: usize,
    }
    let (outer, text) = match key_of(content) {
        Some((k, after)) => (Some(k.to_string()), after),
        None => (None, content),
    };
    let bytes = text.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut quote: Option<u8> = None;
    for (i, &b) in bytes.iter().enumerate() {
        if let Some(q) = quote {
            if b == q {
                quote = None;
            }
            continue;
        }
        match b {
            b'"' | b'\'' => quote = Some(b),
            b'{' | b'[' => stack.push(Frame {
                map: b == b'{',
                key: None,
                in_value: false,
                token: i + 1,
            }),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => {
                if let Some(top) = stack.last_mut() {
                    if top.map {
                        top.key = None;
                        top.in_value = false;
                    }
                    top.token = i + 1;
                }
            }
            b':' if bytes.get(i + 1).is_none_or(|&n| n == b' ' || n == b',') => {
                if let Some(top) = stack.last_mut().filter(|t| t.map && !t.in_value) {
                    let key = text[top.token..i].trim().trim_matches(['"', '\'']);
                    top.key = Some(key.to_string());
                    top.in_value = true;
                    top.token = i + 1;
                }
            }
            b'#' if i > 0 && bytes[i - 1] == b' ' => return None,
            _ => {}
        }
    }
    let top = stack.last()?;
    let prefix = text[top.token..]
        .trim()
        .trim_matches(['"', '\''])
        .to_string();
    let mut chain: Vec<String> = outer.into_iter().collect();
    for f in &stack[..stack.len() - 1] {
        if f.map {
            chain.extend(f.key.clone());
        }
    }
    let slot = if top.map {
        match (&top.key, top.in_value) {
            (Some(key), true) => Slot::Value {
                key: key.clone(),
                prefix,
            },
            _ => Slot::Key { prefix },
        }
    } else {
        let key = chain.pop()?;
        Slot::Value { key, prefix }
    };
    Some((chain, slot))
}

fn is_list_of_values(key: &Key) -> bool {
    matches!(key.ty, Ty::TextList { .. } | Ty::CidrList)
}

fn floor_boundary(text: &str, offset: usize) -> usize {
    let mut o = offset.min(text.len());
    while o > 0 && !text.is_char_boundary(o) {
        o -= 1;
    }
    o
}

/// What is written of the value at the cursor: after the last blank,
/// bracket or comma.
fn last_token(after: &str) -> &str {
    let start = after.rfind([' ', '[', ',', '{', '\t']).map_or(0, |i| i + 1);
    after[start..].trim_matches(['"', '\''])
}

/// The table of the mapping the keys `parents` lead to, from the top of
/// a file (`None` where the path is not the format's, or leads into
/// `offers`, whose keys are the models).
pub fn table_of(parents: &[String]) -> Option<&'static Table> {
    let mut table: &'static Table = &TOP;
    for p in parents {
        match key_in(table, p)?.ty {
            Ty::Map(t) | Ty::List(t) => table = t,
            _ => return None,
        }
    }
    Some(table)
}

/// The key `name` of `table`.
pub fn key_in(table: &'static Table, name: &str) -> Option<&'static Key> {
    table.keys.iter().find(|k| k.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(text: &str) -> Context {
        let offset = text.find('|').unwrap();
        let text = text.replace('|', "");
        at(&text, offset)
    }

    #[test]
    fn value_of_a_nested_key() {
        let c = ctx("sites:\n  - name: a\n    expressroute:\n      provider: Co|\n");
        assert_eq!(c.parents, ["sites", "expressroute"]);
        assert_eq!(
            c.slot,
            Slot::Value {
                key: "provider".into(),
                prefix: "Co".into()
            }
        );
    }

    #[test]
    fn key_in_a_list_item() {
        let c = ctx("circuits:\n  - name: c\n    links:\n      - vnet: v\n        fa|\n");
        assert_eq!(c.parents, ["circuits", "links"]);
        assert_eq!(
            c.slot,
            Slot::Key {
                prefix: "fa".into()
            }
        );
        // The first key of an item, and a list written at the key's indent.
        let c = ctx("circuits:\n- name: c\n  sk|");
        assert_eq!(c.parents, ["circuits"]);
        let c = ctx("circuits:\n  - n|");
        assert_eq!(c.parents, ["circuits"]);
        assert_eq!(c.slot, Slot::Key { prefix: "n".into() });
    }

    #[test]
    fn items_of_a_list_of_names() {
        let c = ctx("sites:\n  - name: a\n    expressroute:\n      circuits:\n        - er|\n");
        assert_eq!(c.parents, ["sites", "expressroute"]);
        assert_eq!(
            c.slot,
            Slot::Value {
                key: "circuits".into(),
                prefix: "er".into()
            }
        );
        let c = ctx("sites:\n  - expressroute:\n      circuits: [a, b|]\n");
        assert_eq!(
            c.slot,
            Slot::Value {
                key: "circuits".into(),
                prefix: "b".into()
            }
        );
    }

    #[test]
    fn flow_collections() {
        let c = ctx(
            "sites:\n  - { name: a, expressroute: { model: ethernet, circuits: [x, er|, y] } }\n",
        );
        assert_eq!(c.parents, ["sites", "expressroute"]);
        assert_eq!(
            c.slot,
            Slot::Value {
                key: "circuits".into(),
                prefix: "er".into()
            }
        );
        let c = ctx("circuits:\n  - name: c\n    routers: { primary: a, sec|");
        assert_eq!(c.parents, ["circuits", "routers"]);
        assert_eq!(
            c.slot,
            Slot::Key {
                prefix: "sec".into()
            }
        );
    }

    #[test]
    fn tables_follow_the_format() {
        let t = table_of(&["circuits".into(), "links".into()]).unwrap();
        assert!(key_in(t, "fastpath").is_some());
        assert!(table_of(&["nowhere".into()]).is_none());
    }
}
