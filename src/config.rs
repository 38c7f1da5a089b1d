//! `erlint.toml`: found by walking up from the current directory, or given
//! with `--config`. Every problem in it is a message naming the line, and
//! exit code 2.

use crate::finding::Severity;
use crate::rules;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub const FILE_NAME: &str = "erlint.toml";

/// A rule's level in `[rules]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Off,
    On(Severity),
}

#[derive(Debug, Default)]
pub struct Config {
    /// The file it came from; relative paths in it are relative to its folder.
    pub path: Option<PathBuf>,
    pub exclude: Vec<String>,
    pub catalog: Option<PathBuf>,
    pub fail_on: Option<Severity>,
    pub rules: BTreeMap<&'static str, Level>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    exclude: Vec<toml::Spanned<String>>,
    catalog: Option<String>,
    fail_on: Option<toml::Spanned<String>>,
    #[serde(default)]
    rules: BTreeMap<toml::Spanned<String>, toml::Spanned<String>>,
}

/// The nearest `erlint.toml` in `start` or a folder above it, whatever it
/// is: one that is not a regular file is an error when read, not skipped.
pub fn find(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|dir| dir.join(FILE_NAME))
        .find(|p| p.symlink_metadata().is_ok())
}

/// An `erlint.toml` found (not named with `--config`) must not lead out of
/// its folder: a link to a file elsewhere is not read, so nothing of it is
/// quoted in an error.
pub fn check_inside_its_folder(path: &Path) -> Result<(), String> {
    let folder = path.parent().unwrap_or(Path::new("."));
    let (Ok(file), Ok(folder)) = (std::fs::canonicalize(path), std::fs::canonicalize(folder))
    else {
        return Ok(()); // reading it reports what is wrong
    };
    if file.starts_with(&folder) {
        Ok(())
    } else {
        Err(format!(
            "`{}` points outside its folder (a symbolic link); not read",
            path.display()
        ))
    }
}

fn line_of(text: &str, offset: usize) -> usize {
    1 + text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

fn line_text(text: &str, line: usize) -> &str {
    text.lines().nth(line.saturating_sub(1)).unwrap_or("")
}

const KEYS: &[&str] = &["exclude", "catalog", "fail_on", "rules"];
const LEVELS: &str = "\"error\", \"warning\", \"info\" or \"off\"";

/// serde's wording ("invalid type: string, expected a sequence") in terms
/// of erlint.toml's keys.
fn friendlier(msg: &str, line: Option<&str>) -> String {
    if let Some(rest) = msg.strip_prefix("unknown field `") {
        let key = rest.split('`').next().unwrap_or("");
        let hint =
            crate::suggest::did_you_mean(&crate::suggest::closest(key, KEYS.iter().copied(), 1))
                .map(|d| format!("{d} "))
                .unwrap_or_default();
        return format!(
            "unknown key `{key}`; {hint}erlint.toml takes `exclude`, `catalog`, `fail_on` and a `[rules]` table"
        );
    }
    if msg.starts_with("invalid type") {
        let key = line
            .and_then(|l| l.split_once('='))
            .map(|(k, _)| k.trim().trim_matches('"'))
            .unwrap_or("");
        return match key {
            "exclude" => {
                "`exclude` must be a list of globs, as in `exclude = [\"drafts/**\"]`".into()
            }
            "catalog" => "`catalog` must be a file name, as in `catalog = \"catalog.yaml\"`".into(),
            "fail_on" => "`fail_on` must be \"error\", \"warning\" or \"info\"".into(),
            "rules" => {
                "`rules` must be a table: a `[rules]` line, then `rule-name = \"warning\"` lines"
                    .into()
            }
            "" => msg.to_string(),
            rule => format!("the level of `{rule}` must be {LEVELS}"),
        };
    }
    msg.to_string()
}

/// Reads and validates a config file. The error is the whole message.
pub fn load(path: &Path) -> Result<Config, String> {
    let shown = path.display();
    let text = crate::read::read_text(path).map_err(|e| format!("cannot read `{shown}`: {e}"))?;
    parse(&text, path)
}

pub fn parse(text: &str, path: &Path) -> Result<Config, String> {
    let shown = path.display();
    let raw: RawConfig = toml::from_str(text).map_err(|e| {
        let line = e.span().map(|s| line_of(text, s.start));
        let msg = friendlier(e.message().trim_end(), line.map(|l| line_text(text, l)));
        match line {
            Some(l) => format!("{shown}:{l}: {msg}"),
            None => format!("{shown}: {msg}"),
        }
    })?;
    for pattern in &raw.exclude {
        if let Err(e) = globset::Glob::new(pattern.get_ref()) {
            let line = line_of(text, pattern.span().start);
            return Err(format!(
                "{shown}:{line}: `{}` is not a valid `exclude` glob: {}",
                pattern.get_ref(),
                e.kind()
            ));
        }
    }
    let mut config = Config {
        path: Some(path.to_path_buf()),
        exclude: raw.exclude.into_iter().map(|p| p.into_inner()).collect(),
        catalog: raw.catalog.map(|c| {
            let base = path.parent().unwrap_or(Path::new("."));
            base.join(c)
        }),
        ..Config::default()
    };
    if let Some(f) = raw.fail_on {
        let line = line_of(text, f.span().start);
        config.fail_on = Some(match f.get_ref().as_str() {
            "error" => Severity::Error,
            "warning" => Severity::Warning,
            "info" => Severity::Info,
            other => {
                return Err(format!(
                    "{shown}:{line}: `fail_on = \"{other}\"` is not a severity; use \"error\", \"warning\" or \"info\""
                ))
            }
        });
    }
    for (name, level) in raw.rules {
        let line = line_of(text, name.span().start);
        let Some(rule) = rules::by_name(name.get_ref()) else {
            let close =
                crate::suggest::closest(name.get_ref(), rules::ALL.iter().map(|r| r.name), 1);
            let hint = close
                .first()
                .map(|c| format!("; did you mean `{c}`?"))
                .unwrap_or_default();
            return Err(format!(
                "{shown}:{line}: unknown rule `{}` in [rules]{hint}",
                name.get_ref()
            ));
        };
        let lvl = match level.get_ref().as_str() {
            "off" => Level::Off,
            s => match Severity::parse(s) {
                Some(sev) => Level::On(sev),
                None => {
                    let line = line_of(text, level.span().start);
                    return Err(format!(
                        "{shown}:{line}: `{}` is not a level for `{}`; use {LEVELS}",
                        level.get_ref(),
                        rule.name
                    ));
                }
            },
        };
        config.rules.insert(rule.name, lvl);
    }
    Ok(config)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_unknown_rule_with_line() {
        let err = parse(
            "fail_on = \"error\"\n[rules]\nipvpn-layr2 = \"off\"\n",
            Path::new("erlint.toml"),
        )
        .unwrap_err();
        assert!(err.contains("erlint.toml:3"), "{err}");
        assert!(err.contains("ipvpn-layer2"), "{err}");
    }

    #[test]
    fn reports_bad_glob_with_line() {
        let err = parse("\nexclude = [\"a[b\"]\n", Path::new("erlint.toml")).unwrap_err();
        assert!(err.starts_with("erlint.toml:2: "), "{err}");
    }

    #[test]
    fn reports_unknown_key() {
        let err = parse("exlude = []\n", Path::new("erlint.toml")).unwrap_err();
        assert!(err.contains("erlint.toml:1"), "{err}");
    }
}
