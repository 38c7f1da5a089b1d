//! Drives the built binary: argv, exit codes, stdin, --output, formats.

use crate::support::*;
use std::io::Write;
use std::process::{Command, Output, Stdio};

pub fn erlint() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_erlint"));
    // The CI the tests run in must not add its annotations (docs/ci.md).
    c.env_remove("NO_COLOR")
        .env_remove("TF_BUILD")
        .env_remove("GITHUB_ACTIONS")
        .env_remove("GITLAB_CI")
        .env("COLUMNS", "100");
    c
}

pub fn run_in(dir: &std::path::Path, args: &[&str]) -> Output {
    erlint()
        .current_dir(dir)
        .args(args)
        .output()
        .expect("run erlint")
}

fn run_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = erlint()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input)
        .expect("write");
    child.wait_with_output().expect("wait")
}

fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

const IPVPN_L2: &str = "\
providers:
  - name: contoso-mpls
    offers: { ipvpn: [l3] }
    peering_locations: [Amsterdam]
sites:
  - name: branch-42
    kind: office
    expressroute:
      model: ipvpn
      layer: l2
      provider: contoso-mpls
      circuits: [er-ams-1]
circuits:
  - name: er-ams-1
    provider: contoso-mpls
    peering_location: Amsterdam
    bandwidth: 1Gbps
    sku: standard
    billing: metered
";

#[test]
fn stdin_with_a_finding_exits_1_and_names_the_file() {
    let o = run_stdin(
        &[
            "check",
            "-",
            "--stdin-filename",
            "sites/branch.yaml",
            "--format",
            "concise",
            "--select",
            "ipvpn-layer2",
        ],
        IPVPN_L2.as_bytes(),
    );
    assert_eq!(code(&o), 1, "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(
        stdout(&o),
        "sites/branch.yaml:10:14: error[ipvpn-layer2] site `branch-42` requests Layer 2 from IPVPN provider `contoso-mpls`\n"
    );
}

#[test]
fn clean_design_exits_0_and_quiet_prints_nothing() {
    let o = run_stdin(
        &["check", "-", "--quiet", "--select", "duplicate-name"],
        IPVPN_L2.as_bytes(),
    );
    assert_eq!(code(&o), 0);
    assert!(o.stdout.is_empty());
}

#[test]
fn fail_on_warning_fails_on_warnings_only_then() {
    let design = IPVPN_L2.replace("layer: l2", "layer: l3");
    // `unused-*` are warnings; here nothing is unused, so add a provider.
    let design = format!("{design}  # spare\n") + "";
    let with_unused = design.replace(
        "providers:\n",
        "providers:\n  - {name: spare, offers: {ethernet: [l2]}}\n",
    );
    let o = run_stdin(
        &["check", "-", "--select", "unused-provider"],
        with_unused.as_bytes(),
    );
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    let o = run_stdin(
        &[
            "check",
            "-",
            "--select",
            "unused-provider",
            "--fail-on",
            "warning",
        ],
        with_unused.as_bytes(),
    );
    assert_eq!(code(&o), 1, "{}", stdout(&o));
}

#[test]
fn bad_arguments_exit_2() {
    let dir = root();
    for args in [
        vec!["check", "--format", "xml"],
        vec!["check", "--select", "no-such-rule"],
        vec!["check", "definitely/not/here"],
        vec!["explain", "no-such-rule"],
        vec!["frobnicate"],
        vec!["check", "--config", "no-such-erlint.toml"],
    ] {
        let o = run_in(&dir, &args);
        assert_eq!(
            code(&o),
            2,
            "{args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert!(!o.stderr.is_empty(), "{args:?} prints a message");
    }
}

#[test]
fn no_command_prints_help() {
    let o = run_in(&root(), &[]);
    let text = String::from_utf8_lossy(&o.stderr).into_owned() + &stdout(&o);
    assert!(text.contains("Usage"), "{text}");
}

#[test]
fn output_file_is_written_and_unwritable_output_exits_2() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("report.json");
    let o = run_stdin(
        &[
            "check",
            "-",
            "--format",
            "json",
            "--output",
            out.to_str().expect("utf-8"),
        ],
        IPVPN_L2.as_bytes(),
    );
    assert_eq!(code(&o), 1);
    assert!(o.stdout.is_empty());
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).expect("report")).expect("json");
    assert_eq!(json["version"], 1);
    assert_eq!(json["findings"][0]["rule"], "ipvpn-layer2");
    let bad = tmp.path().join("missing-dir/report.json");
    let o = run_stdin(
        &["check", "-", "--output", bad.to_str().expect("utf-8")],
        IPVPN_L2.as_bytes(),
    );
    assert_eq!(code(&o), 2);
}

#[test]
fn rules_lists_every_rule_and_explain_prints_a_page() {
    let o = run_in(&root(), &["rules"]);
    assert_eq!(code(&o), 0);
    let text = stdout(&o);
    for r in erlint::rules::ALL {
        assert!(
            text.contains(r.name),
            "{} missing from `erlint rules`",
            r.name
        );
    }
    let o = run_in(&root(), &["explain", "ipvpn-layer2"]);
    assert_eq!(code(&o), 0);
    assert!(stdout(&o).starts_with("# ipvpn-layer2"));
}

#[test]
fn color_follows_the_flag_and_no_color() {
    let o = run_stdin(&["check", "-", "--color", "always"], IPVPN_L2.as_bytes());
    assert!(stdout(&o).contains('\u{1b}'), "--color always colors");
    let o = run_stdin(&["check", "-", "--color", "never"], IPVPN_L2.as_bytes());
    assert!(!stdout(&o).contains('\u{1b}'));
    let mut c = erlint();
    c.env("NO_COLOR", "1");
    let o = c
        .args(["check", "-", "--color", "auto"])
        .stdin(Stdio::null())
        .output()
        .expect("run");
    assert!(!stdout(&o).contains('\u{1b}'));
}

#[test]
fn catalog_prints_the_effective_catalog_and_overlays_apply() {
    // Built-in: dated header, Amsterdam with West Europe as its local region.
    let tmp = tempfile::tempdir().expect("tempdir");
    let o = run_in(tmp.path(), &["catalog", "--no-config"]);
    assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
    let text = stdout(&o);
    assert!(text.starts_with("# erlint catalog"));
    assert!(text.contains("04/28/2026"), "the header dates the data");
    assert!(
        text.contains("\n# Source date: 2026-05-10 "),
        "the header gives the source date"
    );
    assert!(text.contains(
        "  - name: Amsterdam\n    aliases: [Equinix-Amsterdam-AM5]\n    city: Amsterdam\n    cloud: Azure public\n    geopolitical_region: Europe\n    local_regions: [West Europe]\n"
    ));

    // A design at a location the built-in catalog does not know.
    let design = tmp.path().join("design");
    std::fs::create_dir_all(&design).expect("mkdir");
    std::fs::write(
        design.join("circuits.yaml"),
        "circuits:\n  - name: er-ams3\n    provider: Contoso\n    peering_location: Amsterdam3\n    bandwidth: 1Gbps\n    sku: standard\n    billing: metered\n",
    )
    .expect("write");
    let check = [
        "check", "design", "--format", "concise", "--select", "location",
    ];
    let o = run_in(
        tmp.path(),
        &[
            "check",
            "design",
            "--no-config",
            "--format",
            "concise",
            "--select",
            "location",
        ],
    );
    assert_eq!(code(&o), 1);
    assert!(stdout(&o).contains(
        "error[unknown-peering-location] circuit `er-ams3` uses peering location `Amsterdam3`"
    ));

    // The design's own catalog adds it (path relative to erlint.toml).
    std::fs::create_dir_all(tmp.path().join("conf")).expect("mkdir");
    std::fs::write(
        tmp.path().join("conf/erlint.toml"),
        "catalog = \"catalog.yaml\"\n",
    )
    .expect("write");
    std::fs::write(
        tmp.path().join("conf/catalog.yaml"),
        "peering_locations:\n  - name: Amsterdam3\n    geopolitical_region: Europe\n    local_regions: [West Europe]\n    providers: [Contoso]\n",
    )
    .expect("write");
    let mut args = check.to_vec();
    args.extend(["--config", "conf/erlint.toml"]);
    let o = run_in(tmp.path(), &args);
    assert_eq!(
        code(&o),
        0,
        "{}{}",
        stdout(&o),
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(!stdout(&o).contains("unknown-peering-location"));
    let o = run_in(tmp.path(), &["catalog", "--config", "conf/erlint.toml"]);
    assert_eq!(code(&o), 0);
    let text = stdout(&o);
    assert!(
        text.contains("#   conf/catalog.yaml\n"),
        "names the file applied"
    );
    assert!(text.contains("  - name: Amsterdam3\n    city: Amsterdam\n"));

    // A broken catalog file stops the run: exit 2, file and line named.
    std::fs::write(
        tmp.path().join("conf/catalog.yaml"),
        "peering_locations:\n  - name: Amsterdam3\n    geopolitical_regio: Europe\n",
    )
    .expect("write");
    for cmd in [
        args.clone(),
        vec!["catalog", "--config", "conf/erlint.toml"],
    ] {
        let o = run_in(tmp.path(), &cmd);
        assert_eq!(code(&o), 2, "{cmd:?}");
        assert!(o.stdout.is_empty());
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains("conf/catalog.yaml:3:5: unknown peering location field `geopolitical_regio`; did you mean `geopolitical_region`?"),
            "{err}"
        );
    }
    // A missing one too.
    std::fs::remove_file(tmp.path().join("conf/catalog.yaml")).expect("rm");
    let o = run_in(tmp.path(), &args);
    assert_eq!(code(&o), 2);
    assert!(String::from_utf8_lossy(&o.stderr).contains("cannot read catalog file"));
}

#[test]
fn the_catalog_file_in_the_design_folder_is_not_linted_as_design() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path();
    std::fs::write(dir.join("erlint.toml"), "catalog = \"catalog.yaml\"\n").expect("write");
    std::fs::write(
        dir.join("catalog.yaml"),
        "regions:\n  - name: Finland Central\n    geopolitical_region: Europe\n",
    )
    .expect("write");
    std::fs::write(
        dir.join("vnets.yaml"),
        "virtual_networks:\n  - name: hub-fi\n    region: finland central\n    address_space: [10.1.0.0/16]\n",
    )
    .expect("write");
    let o = run_in(dir, &["check", ".", "--format", "concise"]);
    assert_eq!(
        code(&o),
        0,
        "{}{}",
        stdout(&o),
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(stdout(&o).is_empty() || !stdout(&o).contains("catalog.yaml"));
}

/// A case left to its owner goes back to the other rules when the owner
/// reports nothing: with `ipvpn-layer2` ignored, not selected or `off`, the
/// IPVPN + Layer 2 site counts on its circuit again (rules::Reporting).
#[test]
fn a_disabled_owner_gives_the_case_back() {
    let dir = root().join("fixtures/rules/mixed-models-on-circuit/pass-ipvpn-layer2");
    let report = |args: &[&str]| {
        let mut all = vec!["check", "--format", "concise", "--no-config"];
        all.extend_from_slice(args);
        all.push(".");
        String::from_utf8(run_in(&dir, &all).stdout).expect("utf-8")
    };
    let full = report(&[]);
    assert!(full.contains("error[ipvpn-layer2]"), "{full}");
    assert!(!full.contains("mixed-models-on-circuit"), "{full}");
    for args in [
        &["--ignore", "ipvpn-layer2"][..],
        &["--select", "mixed-models-on-circuit"][..],
    ] {
        let out = report(args);
        assert!(
            out.contains("error[mixed-models-on-circuit]"),
            "{args:?}: {out}"
        );
        assert!(!out.contains("ipvpn-layer2]"), "{args:?}: {out}");
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    std::fs::copy(dir.join("design.yaml"), tmp.path().join("design.yaml")).expect("copy");
    std::fs::write(
        tmp.path().join("erlint.toml"),
        "[rules]\nipvpn-layer2 = \"off\"\n",
    )
    .expect("write config");
    let out = run_in(tmp.path(), &["check", "--format", "concise", "."]);
    let out = String::from_utf8(out.stdout).expect("utf-8");
    assert!(out.contains("error[mixed-models-on-circuit]"), "{out}");
}
