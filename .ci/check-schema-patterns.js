// Editors evaluate JSON Schema patterns as ECMA 262 regular expressions in
// unicode mode (VS Code's YAML extension does `new RegExp(p, "u")`). The
// Rust validator in the tests is more lenient, so compile every pattern of
// `erlint schema` here and try a few values on the prefix pattern.
// Usage: erlint schema | node .ci/check-schema-patterns.js
const schema = JSON.parse(require("fs").readFileSync(0, "utf8"));
const patterns = [];
(function walk(v) {
    if (Array.isArray(v)) return v.forEach(walk);
    if (v && typeof v === "object") {
        if (typeof v.pattern === "string") patterns.push(v.pattern);
        if (v.patternProperties) patterns.push(...Object.keys(v.patternProperties));
        Object.values(v).forEach(walk);
    }
})(schema);
let failed = 0;
for (const p of new Set(patterns)) {
    try {
        new RegExp(p, "u");
    } catch (e) {
        console.error(`not an ECMA 262 (unicode) pattern: ${p}\n  ${e.message}`);
        failed++;
    }
}
const prefix = new RegExp(schema.definitions.prefix.pattern, "u");
const samples = {
    "10.0.0.0/8": true, "fd00:100::4/126": true, "::ffff:10.0.0.1/128": true,
    "10.0.0.0/33": false, "fd00::/129": false, "10.0.0.0": false,
};
for (const [s, want] of Object.entries(samples)) {
    if (prefix.test(s) !== want) {
        console.error(`prefix pattern: ${s} should ${want ? "" : "not "}match`);
        failed++;
    }
}
console.log(`${new Set(patterns).size} schema patterns compile as ECMA 262${failed ? `; ${failed} problems` : ""}`);
process.exit(failed ? 1 : 0);
