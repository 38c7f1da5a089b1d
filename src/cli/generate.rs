//! `erlint completions SHELL` and `erlint man [COMMAND]`: generated from
//! the same clap definition that parses the command line, so they cannot
//! drift from it.

use super::args::Cli;
use super::Failure;
use clap::CommandFactory;

/// The completion script of `shell`.
pub fn completions(shell: clap_complete::Shell) -> Result<String, Failure> {
    let mut cmd = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "erlint", &mut out);
    String::from_utf8(out).map_err(|_| Failure("the completion script is not UTF-8".into()))
}

/// The man page of erlint, or of one of its commands (`erlint-check(1)`).
pub fn man_page(command: Option<&str>) -> Result<String, Failure> {
    let root = Cli::command();
    let version = root.get_version().unwrap_or_default().to_string();
    let cmd = match command {
        None => root,
        Some(name) => {
            let names: Vec<String> = root
                .get_subcommands()
                .map(|c| c.get_name().to_string())
                .collect();
            let Some(sub) = root.find_subcommand(name) else {
                return Err(Failure(format!(
                    "unknown command `{name}`; the commands are {}",
                    names.join(", ")
                )));
            };
            // The page is erlint-check(1), with usage `erlint check ...`.
            sub.clone()
                .name(format!("erlint-{}", sub.get_name()))
                .bin_name(format!("erlint {}", sub.get_name()))
                .version(version)
        }
    };
    let mut out = Vec::new();
    clap_mangen::Man::new(cmd)
        .render(&mut out)
        .map_err(|e| Failure(format!("cannot write the man page: {e}")))?;
    String::from_utf8(out).map_err(|_| Failure("the man page is not UTF-8".into()))
}
