//! `erlint server` driven end to end over stdio, as an editor drives it.

use crate::lsp_client::{uri, Client};
use serde_json::{json, Value};
use std::path::Path;

const PROVIDERS: &str = "version: 1
providers:
  - name: Colt
    offers:
      ethernet: [l2]
";

const CIRCUIT: &str = "  - name: NAME
    provider: Colt
    peering_location: LOCATION
    bandwidth: 1Gbps
    sku: standard
    billing: metered
    routers: { primary: ams-ce1, secondary: ams-ce2 }
    peerings:
      private:
        peer_asn: 65010
        primary_subnet: 192.168.100.SUBNET/30
        secondary_subnet: 192.168.100.SECOND/30
        vlan_id: VLAN
    links:
      - vnet: hub-weu
";

/// The site line, with the circuits it lists; `Zürich😀` puts characters
/// of 2 and 4 bytes (1 and 2 UTF-16 units) before the circuit names.
fn sites(circuits: &str) -> String {
    format!(
        "version: 1\nsites:\n  - {{ name: zrh-dc, kind: office, city: Zürich😀, prefixes: [10.10.0.0/16], routers: [ams-ce1, ams-ce2], expressroute: {{ model: ethernet, layer: l2, provider: Colt, circuits: [{circuits}] }} }}\n"
    )
}

const VNETS: &str = "version: 1
virtual_networks:
  - name: hub-weu
    region: West Europe
    address_space: [10.100.0.0/16]
    gateway:
      sku: ErGw1AZ
";

/// A clean design of four files.
fn design(dir: &Path) {
    let circuit = |name: &str, loc: &str, n: u32| {
        CIRCUIT
            .replace("NAME", name)
            .replace("LOCATION", loc)
            .replace("SUBNET", &(n * 8).to_string())
            .replace("SECOND", &(n * 8 + 4).to_string())
            .replace("VLAN", &(100 + n).to_string())
    };
    let circuits = format!(
        "version: 1\ncircuits:\n{}{}",
        circuit("er-ams-1", "Amsterdam", 0),
        circuit("er-lon-1", "London", 1)
    );
    std::fs::write(dir.join("providers.yaml"), PROVIDERS).unwrap();
    std::fs::write(dir.join("circuits.yaml"), circuits).unwrap();
    std::fs::write(dir.join("sites.yaml"), sites("er-ams-1, er-lon-1")).unwrap();
    std::fs::write(dir.join("vnets.yaml"), VNETS).unwrap();
}

/// The LSP position (UTF-16 column) of the first `needle` in `text`.
fn position_of(text: &str, needle: &str) -> Value {
    let at = text.find(needle).expect("needle in text");
    let line = text[..at].matches('\n').count();
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let character: usize = text[start..at].chars().map(char::len_utf16).sum();
    json!({"line": line, "character": character})
}

fn rules_of(diags: &[Value]) -> Vec<&str> {
    diags.iter().filter_map(|d| d["code"].as_str()).collect()
}

fn canonical(dir: &Path) -> std::path::PathBuf {
    std::fs::canonicalize(dir).unwrap()
}

#[test]
fn an_editor_session_end_to_end() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = canonical(tmp.path());
    design(&dir);
    let mut client = Client::start(&dir, &[]);
    let caps = client.initialize(&dir);
    assert_eq!(caps["definitionProvider"], true, "{caps}");
    assert!(caps["completionProvider"].is_object(), "{caps}");

    // didOpen a buffer with a typo: its diagnostic arrives.
    let sites_uri = uri(&dir.join("sites.yaml"));
    let typo = sites("er-ams-l, er-lon-1");
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": sites_uri, "languageId": "yaml", "version": 1, "text": typo}}),
    );
    let diags = client.diagnostics_for(&sites_uri);
    assert_eq!(rules_of(&diags), ["undefined-reference"], "{diags:#?}");
    let d = &diags[0];
    assert_eq!(d["severity"], 1);
    assert_eq!(d["source"], "erlint");
    // The range counts UTF-16 units: `😀` is two of them.
    let start = position_of(&typo, "er-ams-l");
    assert_eq!(d["range"]["start"], start);
    assert_eq!(
        d["range"]["end"]["character"],
        start["character"].as_u64().unwrap() + 8
    );
    assert_eq!(
        d["codeDescription"]["href"],
        "https://github.com/erlint/erlint/blob/main/rules/undefined-reference.md"
    );
    let message = d["message"].as_str().unwrap();
    assert!(
        message.contains("`er-ams-l`, which is not defined"),
        "{message}"
    );
    assert!(
        message.contains("\nhelp: did you mean `er-ams-1`?"),
        "{message}"
    );

    // Hover on the finding: what the name means, and the rule's summary.
    let r = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": sites_uri}, "position": start}),
    );
    let hover = r["result"]["contents"]["value"].as_str().unwrap();
    let summary = erlint::rules::by_name("undefined-reference")
        .unwrap()
        .summary;
    assert_eq!(
        hover,
        format!("no circuit named `er-ams-l` is defined\n\n**undefined-reference**: {summary}")
    );

    // Go to definition across files: the site's provider is in providers.yaml.
    let r = client.request(
        "textDocument/definition",
        json!({"textDocument": {"uri": sites_uri}, "position": position_of(&typo, "Colt")}),
    );
    assert_eq!(r["result"]["uri"], uri(&dir.join("providers.yaml")), "{r}");
    assert_eq!(
        r["result"]["range"]["start"],
        position_of(PROVIDERS, "Colt"),
        "{r}"
    );
    // And a circuit named in the buffer.
    let r = client.request(
        "textDocument/definition",
        json!({"textDocument": {"uri": sites_uri}, "position": position_of(&typo, "er-lon-1")}),
    );
    assert_eq!(r["result"]["uri"], uri(&dir.join("circuits.yaml")), "{r}");

    // Completion where a circuit name is expected: the circuits, described.
    let r = client.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": sites_uri}, "position": position_of(&typo, ", er-lon-1")}),
    );
    let items = r["result"].as_array().expect("items");
    let ams = items
        .iter()
        .find(|i| i["label"] == "er-ams-1")
        .expect("er-ams-1 offered");
    assert_eq!(
        ams["detail"],
        "circuit er-ams-1: Colt at Amsterdam, 1Gbps, standard, metered"
    );
    assert!(items.iter().all(|i| i["label"] != "Colt"), "{items:#?}");

    // Code actions on the typo: the did-you-mean and the suppression.
    let range = &d["range"];
    let r = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": sites_uri}, "range": range, "context": {"diagnostics": [d]}}),
    );
    let actions = r["result"].as_array().expect("actions");
    let titles: Vec<&str> = actions.iter().filter_map(|a| a["title"].as_str()).collect();
    assert!(titles.contains(&"write `er-ams-1`"), "{titles:?}");
    assert!(
        titles.contains(&"suppress undefined-reference on this line"),
        "{titles:?}"
    );
    let fix = actions
        .iter()
        .find(|a| a["title"] == "write `er-ams-1`")
        .unwrap();
    let edits = &fix["edit"]["changes"][&sites_uri];
    assert_eq!(edits[0]["range"], *range, "{fix}");
    assert_eq!(edits[0]["newText"], "er-ams-1");

    // didChange that fixes it: the diagnostics are cleared.
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": sites_uri, "version": 2},
               "contentChanges": [{"text": sites("er-ams-1, er-lon-1")}]}),
    );
    let diags = client.diagnostics_for(&sites_uri);
    assert!(diags.is_empty(), "{diags:#?}");

    let status = client.shut_down();
    assert!(status.success(), "{status:?}");
}

#[test]
fn navigation_hover_rename_and_symbols() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = canonical(tmp.path());
    design(&dir);
    let mut client = Client::start(&dir, &[]);
    client.initialize(&dir);
    let providers = uri(&dir.join("providers.yaml"));
    let circuits_uri = uri(&dir.join("circuits.yaml"));
    let circuits = std::fs::read_to_string(dir.join("circuits.yaml")).unwrap();
    let sites_text = sites("er-ams-1, er-lon-1");

    // Every reference of the provider, across files.
    let r = client.request(
        "textDocument/references",
        json!({"textDocument": {"uri": providers}, "position": position_of(PROVIDERS, "Colt"),
               "context": {"includeDeclaration": true}}),
    );
    let refs = r["result"].as_array().expect("locations");
    // Its definition, two circuits and one site.
    assert_eq!(refs.len(), 4, "{refs:#?}");

    // Hover on a reference: the entity in one line.
    let r = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri(&dir.join("sites.yaml"))},
               "position": position_of(&sites_text, "er-lon-1")}),
    );
    let value = r["result"]["contents"]["value"].as_str().unwrap();
    assert_eq!(
        value,
        "`circuit er-lon-1: Colt at London, 1Gbps, standard, metered`"
    );

    // Rename the virtual network: its definition and both links.
    let r = client.request(
        "textDocument/rename",
        json!({"textDocument": {"uri": circuits_uri}, "position": position_of(&circuits, "hub-weu"),
               "newName": "hub-west"}),
    );
    let changes = &r["result"]["changes"];
    assert_eq!(changes[&circuits_uri].as_array().unwrap().len(), 2, "{r}");
    assert_eq!(
        changes[uri(&dir.join("vnets.yaml"))]
            .as_array()
            .unwrap()
            .len(),
        1,
        "{r}"
    );
    // A name the format refuses is an error, not an edit.
    let r = client.request(
        "textDocument/rename",
        json!({"textDocument": {"uri": circuits_uri}, "position": position_of(&circuits, "hub-weu"),
               "newName": "hub west"}),
    );
    assert!(
        r["error"]["message"]
            .as_str()
            .unwrap()
            .contains("not a valid name"),
        "{r}"
    );

    // A file's symbols: its entities.
    let r = client.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": circuits_uri}}),
    );
    let names: Vec<&str> = r["result"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["name"].as_str())
        .collect();
    assert_eq!(names, ["er-ams-1", "er-lon-1"]);

    // Keys allowed at the cursor, and enum values.
    let partial = format!("{circuits}  - name: er-new\n    bi");
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": circuits_uri, "languageId": "yaml", "version": 1, "text": partial}}),
    );
    let end = position_of(&format!("{partial}|"), "|");
    let r = client.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": circuits_uri}, "position": end}),
    );
    let labels: Vec<&str> = r["result"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|i| i["label"].as_str())
        .collect();
    assert!(
        labels.contains(&"billing") && labels.contains(&"bandwidth"),
        "{labels:?}"
    );
    let partial = format!("{circuits}  - name: er-new\n    sku: ");
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": circuits_uri, "version": 2}, "contentChanges": [{"text": partial}]}),
    );
    let end = position_of(&format!("{partial}|"), "|");
    let r = client.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": circuits_uri}, "position": end}),
    );
    let labels: Vec<&str> = r["result"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|i| i["label"].as_str())
        .collect();
    assert_eq!(labels, ["local", "standard", "premium"]);
    // Peering locations from the catalog, with their geopolitical region.
    let partial = format!("{circuits}  - name: er-new\n    peering_location: Amst");
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": circuits_uri, "version": 3}, "contentChanges": [{"text": partial}]}),
    );
    let end = position_of(&format!("{partial}|"), "|");
    let r = client.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": circuits_uri}, "position": end}),
    );
    let items = r["result"].as_array().unwrap();
    let ams = items
        .iter()
        .find(|i| i["label"] == "Amsterdam")
        .expect("Amsterdam");
    assert_eq!(ams["detail"], "Europe");

    assert!(client.shut_down().success());
}

#[test]
fn files_changed_on_disk_and_erlint_toml_are_picked_up() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = canonical(tmp.path());
    design(&dir);
    let mut client = Client::start(&dir, &[]);
    client.initialize(&dir);
    let sites_uri = uri(&dir.join("sites.yaml"));

    // Changed on disk (not open): read again.
    std::fs::write(dir.join("sites.yaml"), sites("er-ams-1, er-nowhere")).unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": sites_uri, "type": 2}]}),
    );
    let diags = client.diagnostics_for(&sites_uri);
    assert_eq!(rules_of(&diags), ["undefined-reference"], "{diags:#?}");

    // erlint.toml turns the rule off: the folder is loaded again with it.
    std::fs::write(
        dir.join("erlint.toml"),
        "[rules]\nundefined-reference = \"off\"\n",
    )
    .unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&dir.join("erlint.toml")), "type": 1}]}),
    );
    // The undefined reference is no longer reported.
    let diags = client.diagnostics_for(&sites_uri);
    assert!(diags.is_empty(), "{diags:#?}");

    // A new design file is part of the design.
    std::fs::write(
        dir.join("zz-more.yaml"),
        "version: 1\nproviders:\n  - name: Colt\n    offers:\n      ethernet: [l2]\n",
    )
    .unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&dir.join("zz-more.yaml")), "type": 1}]}),
    );
    let diags = client.diagnostics_for(&uri(&dir.join("zz-more.yaml")));
    assert_eq!(rules_of(&diags), ["duplicate-name"], "{diags:#?}");
    let related = &diags[0]["relatedInformation"][0];
    assert_eq!(related["location"]["uri"], uri(&dir.join("providers.yaml")));

    assert!(client.shut_down().success());
}

#[test]
fn a_bug_in_a_handler_is_an_error_response_not_a_crash() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = canonical(tmp.path());
    design(&dir);
    // Debug builds only: the hover handler panics.
    let mut client = Client::start(&dir, &[("ERLINT_TEST_PANIC", "server-hover")]);
    client.initialize(&dir);
    let r = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri(&dir.join("providers.yaml"))},
               "position": position_of(PROVIDERS, "Colt")}),
    );
    assert_eq!(r["error"]["code"], -32603, "{r}");
    assert!(
        r["error"]["message"]
            .as_str()
            .unwrap()
            .contains("internal error"),
        "{r}"
    );
    // Still serving.
    let r = client.request(
        "textDocument/definition",
        json!({"textDocument": {"uri": uri(&dir.join("providers.yaml"))},
               "position": position_of(PROVIDERS, "Colt")}),
    );
    assert!(r["result"].is_object(), "{r}");
    assert!(client.shut_down().success());
}

#[test]
fn a_bad_erlint_toml_is_a_message_and_the_defaults_apply() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = canonical(tmp.path());
    design(&dir);
    std::fs::write(dir.join("erlint.toml"), "colour = 3\n").unwrap();
    std::fs::write(dir.join("sites.yaml"), sites("er-ams-1, er-nowhere")).unwrap();
    let mut client = Client::start(&dir, &[]);
    client.initialize(&dir);
    let message = client.message();
    assert!(message.contains("unknown key `colour`"), "{message}");
    let diags = client.diagnostics_for(&uri(&dir.join("sites.yaml")));
    assert_eq!(rules_of(&diags), ["undefined-reference"], "{diags:#?}");
    assert!(client.shut_down().success());
}

/// `text` with LSP text edits applied (positions in UTF-16 units).
fn apply(text: &str, edits: &[Value]) -> String {
    let offset = |p: &Value| -> usize {
        let line = p["line"].as_u64().unwrap() as usize;
        let character = p["character"].as_u64().unwrap() as usize;
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        let mut units = 0;
        for (i, c) in text[start..].char_indices() {
            if units >= character || c == '\n' {
                return start + i;
            }
            units += c.len_utf16();
        }
        text.len()
    };
    let mut edits: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|e| {
            (
                offset(&e["range"]["start"]),
                offset(&e["range"]["end"]),
                e["newText"].as_str().unwrap(),
            )
        })
        .collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut out = text.to_string();
    for (start, end, new) in edits {
        out.replace_range(start..end, new);
    }
    out
}

#[test]
fn the_suppress_action_silences_the_finding() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = canonical(tmp.path());
    design(&dir);
    let typo = sites("er-ams-l, er-lon-1");
    std::fs::write(dir.join("sites.yaml"), &typo).unwrap();
    let mut client = Client::start(&dir, &[]);
    client.initialize(&dir);
    let sites_uri = uri(&dir.join("sites.yaml"));
    let diags = client.diagnostics_for(&sites_uri);
    assert_eq!(rules_of(&diags), ["undefined-reference"], "{diags:#?}");
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": sites_uri, "languageId": "yaml", "version": 1, "text": typo}}),
    );
    let r = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": sites_uri}, "range": diags[0]["range"], "context": {"diagnostics": diags}}),
    );
    let suppress = r["result"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "suppress undefined-reference on this line")
        .cloned()
        .expect("the suppress action");
    let edits = suppress["edit"]["changes"][&sites_uri].as_array().unwrap();
    let suppressed = apply(&typo, edits);
    assert!(
        suppressed.contains("] } }  # erlint: allow(undefined-reference)\n"),
        "{suppressed}"
    );
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": sites_uri, "version": 2}, "contentChanges": [{"text": suppressed}]}),
    );
    let diags = client.diagnostics_for(&sites_uri);
    assert!(diags.is_empty(), "{diags:#?}");
    // The did-you-mean, applied, leaves the suppression unused: reported.
    let fixed = suppressed.replace("er-ams-l", "er-ams-1");
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": sites_uri, "version": 3}, "contentChanges": [{"text": fixed}]}),
    );
    let diags = client.diagnostics_for(&sites_uri);
    assert_eq!(rules_of(&diags), ["unused-suppression"], "{diags:#?}");
    assert!(client.shut_down().success());
}

#[test]
fn opening_a_design_file_the_server_did_not_know_loads_it() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = canonical(tmp.path());
    design(&dir);
    let mut client = Client::start(&dir, &[]);
    client.initialize(&dir);
    // Created after the server loaded the design, no watcher event.
    let path = dir.join("zz-new.yaml");
    std::fs::write(&path, PROVIDERS).unwrap();
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri(&path), "languageId": "yaml", "version": 1, "text": PROVIDERS}}),
    );
    let diags = client.diagnostics_for(&uri(&path));
    assert_eq!(rules_of(&diags), ["duplicate-name"], "{diags:#?}");
    assert!(client.shut_down().success());
}

#[test]
fn a_file_in_nested_workspace_folders_is_reported_once() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = canonical(tmp.path());
    design(&dir);
    let inner = dir.join("inner");
    std::fs::create_dir(&inner).unwrap();
    let text = "version: 1\ncircuits:\n  - name: er-x\n    provider: Nobody\n";
    std::fs::write(inner.join("c.yaml"), text).unwrap();
    let mut client = Client::start(&dir, &[]);
    client.initialize_folders(&[&dir, &inner]);
    let diags = client.diagnostics_for(&uri(&inner.join("c.yaml")));
    let undefined = rules_of(&diags)
        .into_iter()
        .filter(|r| *r == "undefined-reference")
        .count();
    assert_eq!(undefined, 1, "{diags:#?}");
    assert!(client.shut_down().success());
}
