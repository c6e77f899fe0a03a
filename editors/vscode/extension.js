// The essaylint extension: starts `essaylint lsp` and hands VS Code's documents to it.
// Everything else (diagnostics, code actions, hover, configuration) is the server's.
"use strict";

const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function start() {
  const config = vscode.workspace.getConfiguration("essaylint");
  const serverOptions = {
    command: config.get("path", "essaylint"),
    args: ["lsp"],
  };
  const clientOptions = {
    documentSelector: [
      { scheme: "file", language: "plaintext" },
      { scheme: "file", language: "markdown" },
      { scheme: "file", language: "latex" },
      { scheme: "untitled", language: "plaintext" },
      { scheme: "untitled", language: "markdown" },
    ],
    initializationOptions: { debounceMs: config.get("debounceMs", 150) },
    synchronize: {
      configurationSection: "essaylint",
      fileEvents: vscode.workspace.createFileSystemWatcher("**/{essaylint.toml,.essaylint.toml}"),
    },
  };
  client = new LanguageClient("essaylint", "essaylint", serverOptions, clientOptions);
  return client.start();
}

function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand("essaylint.restart", async () => {
      if (client) await client.stop();
      await start();
    })
  );
  return start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
