//! Names in a picture are untrusted text: each syntax gets its own escaping,
//! so that no name can end a label, start a statement or inject markup.
//! Control characters (which no syntax needs and a terminal would obey)
//! become U+FFFD.

const REPLACEMENT: char = '\u{fffd}';

fn visible(c: char) -> char {
    if c.is_control() || c == '\u{fffe}' || c == '\u{ffff}' {
        REPLACEMENT
    } else {
        c
    }
}

/// Text inside a Mermaid `"..."` label: everything but letters, digits and
/// a few safe punctuation marks becomes an entity code (`#35;`), which
/// Mermaid decodes; so no quote, bracket, `<`, backtick or `#` survives to
/// be parsed.
pub fn mermaid(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().map(visible) {
        if c.is_ascii_alphanumeric()
            || matches!(c, ' ' | '.' | '-' | '_' | ',' | '/' | '@' | '+' | ':')
        {
            out.push(c);
        } else {
            out.push_str(&format!("#{};", u32::from(c)));
        }
    }
    out
}

/// Text inside a DOT `"..."` string: `\` and `"` are escaped (so Graphviz's
/// `\N`, `\G`, `\l` escapes cannot be smuggled in either).
pub fn dot(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().map(visible) {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            _ => out.push(c),
        }
    }
    out
}

/// XML text or attribute value (SVG): control characters shown as U+FFFD,
/// then XML's escaping (the JUnit report's, one implementation).
pub fn xml(text: &str) -> String {
    let visible: String = text.chars().map(visible).collect();
    crate::render::junit::escape(&visible)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mermaid_leaves_no_syntax() {
        let e = mermaid("a\"]-->x[<b>`#;\n");
        assert_eq!(e, "a#34;#93;--#62;x#91;#60;b#62;#96;#35;#59;#65533;");
        assert!(!e.contains('"') && !e.contains(']') && !e.contains('<'));
    }

    #[test]
    fn dot_escapes_quote_and_backslash() {
        assert_eq!(dot("a\"b\\N\n"), "a\\\"b\\\\N\u{fffd}");
    }

    #[test]
    fn xml_escapes_markup() {
        assert_eq!(
            xml("<a href='x'>&\u{1b}"),
            "&lt;a href=&apos;x&apos;&gt;&amp;\u{fffd}"
        );
    }
}
