// Concatenates the NL Design System component CSS listed in package.json (devDependencies) into
// core/static/css/vendor/utrecht-components.css, the file the site links. Run through `make assets`.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";

const manifest = JSON.parse(readFileSync(new URL("package.json", import.meta.url)));
const target = new URL("../core/static/css/vendor/utrecht-components.css", import.meta.url);

const parts = Object.entries(manifest.devDependencies).map(([name, version]) => {
  const css = readFileSync(new URL(`node_modules/${name}/dist/index.min.css`, import.meta.url), "utf8");
  return `/* ${name}@${version} */\n${css.trim()}\n`;
});

mkdirSync(new URL(".", target), { recursive: true });
writeFileSync(
  target,
  "/* Built by `make assets` from assets/package.json; do not edit. NL Design System components\n" +
    " * by Gemeente Utrecht and Frameless B.V., EUPL-1.2. */\n\n" +
    parts.join("\n"),
);
console.log(`${parts.length} components written to core/static/css/vendor/utrecht-components.css`);
