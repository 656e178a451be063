#!/usr/bin/env node
// Builds Hamkke's static assets from the krds-uiux package and frontend/src.
//
//   node frontend/build.mjs [outDir]        (outDir default: target/classes/static)
//
// Runs "npm ci" in frontend/ first when node_modules is missing.
// Produces:
//   <outDir>/css/hamkke.css   @font-face (Pretendard GOV 400/700) + KRDS tokens + the few KRDS
//                             component rules listed below + src/css/app.css
//   <outDir>/fonts/*.woff2    font files copied from krds-uiux
//   <outDir>/img/krds/*       KRDS icons referenced by the CSS, copied from krds-uiux
//   <outDir>/js/app.js        copied from src/js/app.js
//
// Every url(...) in the CSS is made local: KRDS URLs (absolute https://www.krds.go.kr/resources/…
// or relative ../../img/…) become copies under <outDir>/img/krds/; any other remote URL has its
// declaration dropped. The build fails if "http" is still present in the output.
// No dependencies beyond Node's standard library.

import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = resolve(process.argv[2] ?? 'target/classes/static');
const krds = join(here, 'node_modules', 'krds-uiux', 'resources');

if (!existsSync(krds)) {
  // First build on a fresh checkout: install the pinned packages from package-lock.json.
  console.log(`build.mjs: installing npm packages in ${here} (npm ci)`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  execFileSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: here, stdio: 'inherit' });
  if (!existsSync(krds)) {
    console.error(`build.mjs: ${krds} still missing after npm ci`);
    process.exit(1);
  }
}

// KRDS component rules copied as they are (selectors matched by prefix). The app's own contract
// classes (see README.md) live in src/css/app.css and are built on KRDS tokens, so this list stays
// short: add a KRDS component here only when a template uses its krds-* classes directly.
const KRDS_COMPONENT_SELECTORS = ['.krds-spinner'];

const FONTS = [
  { weight: 400, file: 'PretendardGOV-Regular.subset' },
  { weight: 700, file: 'PretendardGOV-Bold.subset' },
];

for (const sub of ['css', 'fonts', 'img/krds', 'js']) mkdirSync(join(outDir, sub), { recursive: true });

// ---- fonts -------------------------------------------------------------------------------------
const fontFaces = FONTS.map(({ weight, file }) => {
  const sources = [];
  for (const ext of ['woff2', 'woff']) {
    const src = join(krds, 'fonts', `${file}.${ext}`);
    if (!existsSync(src)) continue;
    copyFileSync(src, join(outDir, 'fonts', `${file}.${ext}`));
    sources.push(`url("../fonts/${file}.${ext}") format("${ext}")`);
    if (ext === 'woff2') break; // woff2 is supported by every browser we target
  }
  if (sources.length === 0) throw new Error(`font ${file} missing from krds-uiux`);
  return `@font-face {
  font-family: "Pretendard GOV";
  font-style: normal;
  font-weight: ${weight};
  font-display: swap;
  src: ${sources.join(', ')};
}`;
}).join('\n');

// ---- CSS helpers -------------------------------------------------------------------------------
/** Splits CSS into top-level blocks (rules, at-rules with their bodies) — enough for KRDS output. */
function topLevelBlocks(css) {
  const blocks = [];
  let depth = 0;
  let start = 0;
  let inComment = false;
  for (let i = 0; i < css.length; i++) {
    if (inComment) {
      if (css[i] === '*' && css[i + 1] === '/') { inComment = false; i++; }
      continue;
    }
    if (css[i] === '/' && css[i + 1] === '*') { inComment = true; i++; continue; }
    if (css[i] === '{') depth++;
    else if (css[i] === '}') {
      depth--;
      if (depth === 0) { blocks.push(css.slice(start, i + 1).trim()); start = i + 1; }
    } else if (css[i] === ';' && depth === 0) {
      blocks.push(css.slice(start, i + 1).trim()); start = i + 1;
    }
  }
  return blocks.map((b) => b.replace(/^\s*\/\*[\s\S]*?\*\/\s*/g, '')).filter(Boolean);
}

function selectorMatches(selector, prefixes) {
  return selector.split(',').some((part) => prefixes.some((p) => part.includes(p)));
}

/** Keeps the rules (also inside @media) whose selector mentions one of the prefixes, plus the
 *  @keyframes those rules animate with. */
function extractRules(css, prefixes, keyframes = new Map()) {
  const kept = [];
  const blocks = topLevelBlocks(css);
  for (const block of blocks) {
    const m = block.match(/^@(?:-webkit-)?keyframes\s+([\w-]+)/);
    if (m) keyframes.set(m[1], block);
  }
  for (const block of blocks) {
    if (block.startsWith('@media') || block.startsWith('@supports')) {
      const open = block.indexOf('{');
      const inner = extractRules(block.slice(open + 1, -1), prefixes, keyframes);
      if (inner) kept.push(`${block.slice(0, open).trim()} {\n${inner}\n}`);
    } else if (!block.startsWith('@')) {
      const selector = block.slice(0, block.indexOf('{'));
      if (selectorMatches(selector, prefixes)) kept.push(block);
    }
  }
  const used = new Set(kept.flatMap((b) => [...b.matchAll(/animation(?:-name)?\s*:\s*([\w-]+)/g)].map((x) => x[1])));
  for (const name of used) if (keyframes.has(name)) kept.push(keyframes.get(name));
  return kept.join('\n');
}

const copiedImages = new Set();
const droppedUrls = new Set();

/** Makes every url(...) local; returns CSS with remote-only declarations removed. */
function localiseUrls(css) {
  return css.replace(/([^;{}]*?)url\(\s*(['"]?)([^)'"]+)\2\s*\)([^;{}]*)(;?)/g, (decl, before, _q, url, after, semi) => {
    if (url.startsWith('data:') || url.startsWith('../fonts/')) return decl;
    let rel = null;
    const krdsAbs = url.match(/^https?:\/\/www\.krds\.go\.kr\/resources\/(.+)$/);
    if (krdsAbs) rel = krdsAbs[1];
    else if (!/^[a-z]+:/i.test(url) && !url.startsWith('//')) {
      // relative KRDS paths look like ../../img/component/icon/x.svg (sometimes img/img/…)
      const m = url.match(/(img\/component\/.+)$/);
      if (m) rel = m[1];
    }
    const src = rel && join(krds, rel);
    if (src && existsSync(src)) {
      const name = basename(src);
      if (!copiedImages.has(name)) { copyFileSync(src, join(outDir, 'img', 'krds', name)); copiedImages.add(name); }
      return `${before}url("../img/krds/${name}")${after}${semi}`;
    }
    droppedUrls.add(url);
    return ''; // remote or missing: drop the declaration
  });
}

// ---- assemble ----------------------------------------------------------------------------------
const tokens = readFileSync(join(krds, 'css', 'token', 'krds_tokens.css'), 'utf8')
  .replace(/@charset[^;]*;/g, '')
  .replace(/\/\*[\s\S]*?\*\//g, '')
  .replace(/\n\s*\n/g, '\n')
  .trim();
const componentCss = readFileSync(join(krds, 'css', 'component', 'component.css'), 'utf8')
  .replace(/\/\*# sourceMappingURL=.*?\*\//g, '');
const components = extractRules(componentCss, KRDS_COMPONENT_SELECTORS);
const appCss = withSystemHighContrast(readFileSync(join(here, 'src', 'css', 'app.css'), 'utf8'));

// The high-contrast tokens are written once in app.css, for <html data-theme="high-contrast">; the same
// declarations also apply when the system asks for more contrast, unless the person chose the light theme.
function withSystemHighContrast(source) {
  const block = source.match(/\[data-theme="high-contrast"\] \{\n([^}]*)\}/);
  const marker = /\/\* @high-contrast-media:[^*]*\*\//;
  if (!block || !marker.test(source)) throw new Error('app.css: high-contrast block or its @high-contrast-media marker is missing');
  const body = block[1].split('\n').map((line) => (line ? '  ' + line : line)).join('\n');
  return source.replace(marker, `@media (prefers-contrast: more) {\n  :root:not([data-theme="light"]) {\n${body}  }\n}`);
}

const pkgVersion = JSON.parse(readFileSync(join(krds, '..', 'package.json'), 'utf8')).version;
let css = [
  '@charset "utf-8";',
  `/* Hamkke 함께서울 — built by frontend/build.mjs from krds-uiux ${pkgVersion} and src/css/app.css. Do not edit. */`,
  fontFaces,
  '/* KRDS tokens */',
  tokens,
  '/* KRDS components used as-is */',
  components,
  '/* app.css */',
  appCss,
].join('\n');
css = localiseUrls(css);

const remote = css.match(/https?:[^\s)"']*/g);
if (remote) {
  console.error(`build.mjs: remote references left in hamkke.css: ${[...new Set(remote)].join(', ')}`);
  process.exit(1);
}
writeFileSync(join(outDir, 'css', 'hamkke.css'), css);
copyFileSync(join(here, 'src', 'js', 'app.js'), join(outDir, 'js', 'app.js'));

const kb = (n) => `${(n / 1024).toFixed(0)} KiB`;
console.log(`build.mjs: wrote ${join(outDir, 'css', 'hamkke.css')} (${kb(css.length)}), ` +
  `${FONTS.length} fonts, ${copiedImages.size} icons, js/app.js` +
  (droppedUrls.size ? `; dropped ${droppedUrls.size} remote url(s)` : ''));
