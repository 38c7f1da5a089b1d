//! How catalog names match as people write them. Locations and regions:
//! case, spaces, hyphens, underscores and parentheses do not count
//! ([`key`]). Providers: every character but letters and digits is
//! dropped ([`provider_key`]), so `AT&T NetBond` = `ATT-NetBond` and
//! `British Telecom` = `British-Telecom` = `british.telecom`.

use super::NameIndex;

/// The lookup key of a location, region or provider name:
/// [`crate::suggest::fold`] that also drops parentheses.
pub fn key(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, ' ' | '-' | '_' | '(' | ')'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// `key(a) == key(b)` without allocating (rules compare names per link).
pub fn same_key(a: &str, b: &str) -> bool {
    fn ascii_folded(s: &str) -> impl Iterator<Item = u8> + '_ {
        s.bytes()
            .filter(|c| !matches!(c, b' ' | b'-' | b'_' | b'(' | b')'))
            .map(|c| c.to_ascii_lowercase())
    }
    if a.is_ascii() && b.is_ascii() {
        return ascii_folded(a).eq(ascii_folded(b));
    }
    key(a) == key(b)
}

/// `index.get(&key(name))` without allocating for the common case (an
/// ASCII name of up to 64 characters): rules look locations, regions and
/// providers up once per circuit.
pub(super) fn lookup(index: &NameIndex, name: &str) -> Option<usize> {
    let mut buf = [0u8; 64];
    let mut n = 0;
    for b in name.bytes() {
        if !b.is_ascii() || n == buf.len() {
            return index.get(&key(name)).copied();
        }
        if !matches!(b, b' ' | b'-' | b'_' | b'(' | b')') {
            buf[n] = b.to_ascii_lowercase();
            n += 1;
        }
    }
    let folded = std::str::from_utf8(&buf[..n]).ok()?;
    index.get(folded).copied()
}

/// The lookup key of a provider name: letters and digits only, lower case.
/// Provider names carry punctuation the way a company writes it (`AT&T`,
/// `Bezeq International Ltd.`, `1-IX.EU`); designs write them as a
/// file-name-safe slug (`att-netbond`) just as often.
pub fn provider_key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// [`lookup`] for providers, with [`provider_key`]: no allocation for an
/// ASCII name of up to 64 characters.
pub(super) fn lookup_provider(index: &NameIndex, name: &str) -> Option<usize> {
    let mut buf = [0u8; 64];
    let mut n = 0;
    for b in name.bytes() {
        if !b.is_ascii() || n == buf.len() {
            return index.get(&provider_key(name)).copied();
        }
        if b.is_ascii_alphanumeric() {
            buf[n] = b.to_ascii_lowercase();
            n += 1;
        }
    }
    let folded = std::str::from_utf8(&buf[..n]).ok()?;
    index.get(folded).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn provider_keys_ignore_punctuation_and_ampersands() {
        assert_eq!(provider_key("AT&T NetBond"), provider_key("ATT-NetBond"));
        assert_eq!(
            provider_key("British Telecom"),
            provider_key("British-Telecom")
        );
        assert_eq!(provider_key("GÉANT"), "géant");
        let mut index = NameIndex::default();
        index.insert(provider_key("AT&T NetBond"), 7);
        assert_eq!(lookup_provider(&index, "att_netbond"), Some(7));
        assert_eq!(lookup_provider(&index, "A.T.&T. Net-Bond"), Some(7));
        assert_eq!(lookup_provider(&index, "AT NetBond"), None);
        let long = format!("{}AT&T NetBond", "-".repeat(70));
        assert_eq!(lookup_provider(&index, &long), Some(7));
    }
}
