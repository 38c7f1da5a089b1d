//! `--diff`: a unified diff (as `diff -u` and `git apply` read it) between a
//! file's text and its fixed text, by lines, three lines of context.

/// Lines of context around each change.
const CONTEXT: usize = 3;

/// The diff of `old` to `new` for the file shown as `path` (`--- a/path`,
/// `+++ b/path`); empty when they are the same.
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    let a: Vec<&str> = old.split_inclusive('\n').collect();
    let b: Vec<&str> = new.split_inclusive('\n').collect();
    let ops = line_ops(&a, &b);
    let mut out = format!("--- a/{path}\n+++ b/{path}\n");
    // Hunks: runs of changes closer than twice the context are one hunk.
    let changed: Vec<usize> = (0..ops.len())
        .filter(|&i| !matches!(ops[i], Op::Same(..)))
        .collect();
    let mut i = 0;
    while i < changed.len() {
        let mut j = i;
        while j + 1 < changed.len() && changed[j + 1] - changed[j] <= 2 * CONTEXT {
            j += 1;
        }
        let from = changed[i].saturating_sub(CONTEXT);
        let to = (changed[j] + CONTEXT + 1).min(ops.len());
        hunk(&ops[from..to], &mut out);
        i = j + 1;
    }
    out
}

/// One line of the diff: kept (old and new line numbers, 0-based), removed
/// (old) or added (new).
#[derive(Clone, Copy, Debug)]
enum Op<'t> {
    Same(usize, usize, &'t str),
    Removed(usize, &'t str),
    Added(usize, &'t str),
}

fn hunk(ops: &[Op<'_>], out: &mut String) {
    let (mut old_start, mut new_start) = (None, None);
    let (mut old_len, mut new_len) = (0, 0);
    // Where this hunk begins in each file even when it has no line there.
    let mut old_next = 0;
    let mut new_next = 0;
    for op in ops {
        match *op {
            Op::Same(o, n, _) => {
                old_start.get_or_insert(o);
                new_start.get_or_insert(n);
                old_len += 1;
                new_len += 1;
                (old_next, new_next) = (o + 1, n + 1);
            }
            Op::Removed(o, _) => {
                old_start.get_or_insert(o);
                old_len += 1;
                old_next = o + 1;
            }
            Op::Added(n, _) => {
                new_start.get_or_insert(n);
                new_len += 1;
                new_next = n + 1;
            }
        }
    }
    // diff -u numbers an empty range by the line before it.
    let header = |start: Option<usize>, len: usize, next: usize| match start {
        Some(s) if len > 0 => format!("{},{len}", s + 1),
        _ => format!("{},0", next.saturating_sub(len)),
    };
    out.push_str(&format!(
        "@@ -{} +{} @@\n",
        header(old_start, old_len, old_next),
        header(new_start, new_len, new_next)
    ));
    for op in ops {
        let (mark, line) = match *op {
            Op::Same(_, _, l) => (' ', l),
            Op::Removed(_, l) => ('-', l),
            Op::Added(_, l) => ('+', l),
        };
        out.push(mark);
        out.push_str(line);
        if !line.ends_with('\n') {
            out.push_str("\n\\ No newline at end of file\n");
        }
    }
}

/// The shortest edit script from `a` to `b` (Myers' algorithm over the
/// lines between their common start and end, which is all a fix changes).
fn line_ops<'t>(a: &[&'t str], b: &[&'t str]) -> Vec<Op<'t>> {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (ma, mb) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    let mut ops: Vec<Op<'t>> = (0..prefix).map(|i| Op::Same(i, i, a[i])).collect();
    for op in middle(ma, mb) {
        ops.push(match op {
            Op::Same(o, n, l) => Op::Same(o + prefix, n + prefix, l),
            Op::Removed(o, l) => Op::Removed(o + prefix, l),
            Op::Added(n, l) => Op::Added(n + prefix, l),
        });
    }
    for k in 0..suffix {
        let (o, n) = (a.len() - suffix + k, b.len() - suffix + k);
        ops.push(Op::Same(o, n, a[o]));
    }
    ops
}

/// Myers' greedy diff, keeping each round's furthest points to walk back.
/// Past `MAX_ROUNDS` differences (not what a fix makes) the middle is
/// shown as removed, then added.
fn middle<'t>(a: &[&'t str], b: &[&'t str]) -> Vec<Op<'t>> {
    const MAX_ROUNDS: usize = 2000;
    let (n, m) = (a.len() as isize, b.len() as isize);
    let offset = n + m + 1;
    let mut v = vec![0isize; (2 * offset + 1) as usize];
    let mut trace: Vec<Vec<isize>> = Vec::new();
    let mut found = false;
    'rounds: for d in 0..=(n + m) {
        if d as usize > MAX_ROUNDS {
            break;
        }
        trace.push(v.clone());
        let mut k = -d;
        while k <= d {
            let down =
                k == -d || (k != d && v[(k - 1 + offset) as usize] < v[(k + 1 + offset) as usize]);
            let mut x = if down {
                v[(k + 1 + offset) as usize]
            } else {
                v[(k - 1 + offset) as usize] + 1
            };
            let mut y = x - k;
            while x < n && y < m && a[x as usize] == b[y as usize] {
                x += 1;
                y += 1;
            }
            v[(k + offset) as usize] = x;
            if x >= n && y >= m {
                found = true;
                break 'rounds;
            }
            k += 2;
        }
    }
    if !found {
        let mut ops: Vec<Op<'t>> = a
            .iter()
            .enumerate()
            .map(|(i, l)| Op::Removed(i, l))
            .collect();
        ops.extend(b.iter().enumerate().map(|(i, l)| Op::Added(i, l)));
        return ops;
    }
    // Walk back from (n, m) through each round's snapshot.
    let mut ops = Vec::new();
    let (mut x, mut y) = (n, m);
    for (d, v) in trace.iter().enumerate().rev() {
        let d = d as isize;
        let k = x - y;
        let down =
            k == -d || (k != d && v[(k - 1 + offset) as usize] < v[(k + 1 + offset) as usize]);
        let prev_k = if down { k + 1 } else { k - 1 };
        let prev_x = v[(prev_k + offset) as usize];
        let prev_y = prev_x - prev_k;
        while x > prev_x && y > prev_y {
            x -= 1;
            y -= 1;
            ops.push(Op::Same(x as usize, y as usize, a[x as usize]));
        }
        if d > 0 {
            if down {
                y -= 1;
                ops.push(Op::Added(y as usize, b[y as usize]));
            } else {
                x -= 1;
                ops.push(Op::Removed(x as usize, a[x as usize]));
            }
        }
    }
    ops.reverse();
    ops
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_changed_line_with_context() {
        let old = "a\nb\nc\nd\ne\nf\ng\nh\n";
        let new = "a\nb\nc\nD\ne\nf\ng\nh\n";
        assert_eq!(
            unified_diff("x.yaml", old, new),
            "--- a/x.yaml\n+++ b/x.yaml\n@@ -1,7 +1,7 @@\n a\n b\n c\n-d\n+D\n e\n f\n g\n"
        );
    }

    #[test]
    fn removed_line_and_far_apart_changes() {
        let line = |i: i32| format!("{i}\n");
        let old: String = (1..=20).map(line).collect();
        let new: String = (1..=20)
            .filter(|&i| i != 2)
            .map(|i| if i == 18 { "X\n".to_string() } else { line(i) })
            .collect();
        let d = unified_diff("f", &old, &new);
        assert!(d.contains("@@ -1,5 +1,4 @@\n 1\n-2\n 3\n 4\n 5\n"), "{d}");
        assert!(
            d.contains("@@ -15,6 +14,6 @@\n 15\n 16\n 17\n-18\n+X\n 19\n 20\n"),
            "{d}"
        );
    }

    #[test]
    fn no_newline_at_the_end_and_nothing_changed() {
        assert_eq!(unified_diff("f", "a", "a"), "");
        assert_eq!(
            unified_diff("f", "a\nb", "a\nc"),
            "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n"
        );
        // Everything removed: the new side is empty.
        assert_eq!(
            unified_diff("f", "a\n", ""),
            "--- a/f\n+++ b/f\n@@ -1,1 +0,0 @@\n-a\n"
        );
    }
}
