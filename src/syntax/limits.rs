//! Bounds that keep hostile YAML from exhausting the stack, memory or time.

/// Deepest nesting of lists and mappings accepted. A design needs about
/// eight levels; anything near this is not a design.
pub const MAX_DEPTH: usize = 128;

/// Most nodes that aliases may add to one file by expansion. Legitimate
/// designs reuse a few small blocks; a "billion laughs" file would need
/// billions.
pub const MAX_ALIAS_NODES: usize = 1_000_000;

/// Largest design file read, in bytes. Larger files are reported as
/// `unreadable-file` without being read into memory.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
