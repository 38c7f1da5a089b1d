// Parses Mermaid diagrams with Mermaid itself (the `mermaid` package's
// `parse`, in a jsdom window): the text of `erlint graph --format mermaid`,
// or every ```mermaid block of a Markdown file (`--format markdown`).
// Usage: node parse-mermaid.mjs FILE...   Exits 1 if any diagram fails.
import { readFileSync } from "node:fs";
import { JSDOM } from "jsdom";

const dom = new JSDOM("<!DOCTYPE html><html><body></body></html>", { pretendToBeVisual: true });
globalThis.window = dom.window;
globalThis.document = dom.window.document;
for (const key of ["DOMParser", "Element", "HTMLElement", "Node", "navigator", "SVGElement"]) {
    if (!(key in globalThis)) globalThis[key] = dom.window[key];
}
const { default: mermaid } = await import("mermaid");
mermaid.initialize({ startOnLoad: false, securityLevel: "strict" });

let failed = 0;
for (const file of process.argv.slice(2)) {
    const text = readFileSync(file, "utf8");
    const diagrams = file.endsWith(".md")
        ? [...text.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)].map((m) => m[1])
        : [text];
    if (diagrams.length === 0) {
        console.error(`${file}: no Mermaid diagram`);
        failed++;
    }
    for (const [i, diagram] of diagrams.entries()) {
        try {
            const result = await mermaid.parse(diagram);
            console.log(`${file}#${i + 1}: Mermaid parses it as ${result.diagramType}`);
        } catch (e) {
            console.error(`${file}#${i + 1}: Mermaid cannot parse it: ${e.message ?? e}`);
            failed++;
        }
    }
}
process.exit(failed ? 1 : 0);
