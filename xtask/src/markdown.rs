//! Just enough markdown for the docs' tables: front matter `ms.date`, pipe
//! tables with the heading they sit under, and cell text without markup.

/// A pipe table: its header cells, its rows, and the last heading above it.
pub struct Table {
    pub heading: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// The column whose header contains `name` (case-insensitive).
    pub fn column(&self, name: &str) -> Option<usize> {
        let name = name.to_lowercase();
        self.header
            .iter()
            .position(|h| clean(h).to_lowercase().contains(&name))
    }
}

/// `ms.date: 04/28/2026` of the front matter.
pub fn ms_date(text: &str) -> Option<String> {
    text.lines()
        .take_while(|l| !l.starts_with('#'))
        .find_map(|l| l.trim().strip_prefix("ms.date:"))
        .map(|d| d.trim().to_string())
}

fn cells(line: &str) -> Vec<String> {
    let inner = line.trim().trim_start_matches('|');
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    inner.split('|').map(|c| c.trim().to_string()).collect()
}

fn is_separator(line: &str) -> bool {
    let t = line.trim();
    t.starts_with('|') && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

/// Every pipe table of `text`.
pub fn tables(text: &str) -> Vec<Table> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let mut heading = String::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if let Some(h) = line.trim_start().strip_prefix('#') {
            heading = h.trim_start_matches('#').trim().to_string();
        }
        if line.trim_start().starts_with('|') && lines.get(i + 1).is_some_and(|l| is_separator(l)) {
            let header = cells(line);
            let mut rows = Vec::new();
            i += 2;
            while i < lines.len() && lines[i].trim_start().starts_with('|') {
                rows.push(cells(lines[i]));
                i += 1;
            }
            out.push(Table {
                heading: heading.clone(),
                header,
                rows,
            });
            continue;
        }
        i += 1;
    }
    out
}

/// Cell text without bold, links, HTML tags and entities: `**[A](x)**` → `A`.
pub fn clean(cell: &str) -> String {
    let mut s = cell.replace("**", "");
    // [text](url) → text
    while let Some(open) = s.find('[') {
        let Some(close) = s[open..].find("](").map(|c| open + c) else {
            break;
        };
        let Some(end) = s[close..].find(')').map(|e| close + e) else {
            break;
        };
        s = format!("{}{}{}", &s[..open], &s[open + 1..close], &s[end + 1..]);
    }
    let mut out = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&")
        .replace("&nbsp;", " ")
        .trim()
        .to_string()
}

/// `&check;` / `&cross;` (or ✓ / ✗) → yes / no.
pub fn yes_no(cell: &str) -> &'static str {
    let c = cell.to_lowercase();
    if c.contains("&check;") || c.contains('✓') || c.contains("yes") {
        "yes"
    } else {
        "no"
    }
}

/// The items of a list cell (`<br>`, `<br/>` or `, ` separated), without
/// those marked `<sup>1</sup>` (listed, but "available in the future").
pub fn list(cell: &str) -> Vec<String> {
    let unified = cell
        .replace("<br/>", "\u{1}")
        .replace("<br />", "\u{1}")
        .replace("<br>", "\u{1}");
    let parts: Vec<&str> = if unified.contains('\u{1}') {
        unified.split('\u{1}').collect()
    } else {
        unified.split(", ").collect()
    };
    parts
        .into_iter()
        .filter(|p| !p.contains("<sup>"))
        .map(clean)
        .filter(|p| !p.is_empty() && p != "&cross;" && p != "n/a")
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_lose_their_markup() {
        assert_eq!(clean("**[Amsterdam](https://x)**"), "Amsterdam");
        assert_eq!(clean("AT&amp;T NetBond"), "AT&T NetBond");
        assert_eq!(
            list("Colt<br/>DE-CIX<br>GTT<sup>1</sup>"),
            vec!["Colt", "DE-CIX"]
        );
        assert_eq!(list("East US, East US 2"), vec!["East US", "East US 2"]);
        assert!(list("&cross;").is_empty());
        assert_eq!(yes_no("&check;"), "yes");
        assert_eq!(yes_no("&cross;"), "no");
        assert_eq!(
            ms_date("---\ntitle: x\nms.date: 05/10/2026\n---\n# T\n").as_deref(),
            Some("05/10/2026")
        );
    }
}
