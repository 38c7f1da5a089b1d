// The whole extension: start `erlint server` for YAML files and let the
// language client do the rest (diagnostics, go to definition, references,
// rename, symbols, hover, completion, quick fixes).
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration("erlint").get("path") || "erlint";
  const server = { command, args: ["server"] };
  client = new LanguageClient(
    "erlint",
    "erlint",
    { run: server, debug: server },
    {
      documentSelector: [{ scheme: "file", language: "yaml" }],
      synchronize: {
        // Files changed on disk, and erlint.toml, reach the server.
        fileEvents: vscode.workspace.createFileSystemWatcher("**/{*.yaml,*.yml,erlint.toml}"),
      },
    }
  );
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
