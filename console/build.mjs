// node build.mjs [--outdir DIR] [--dev]
// Bundles src/main.tsx and src/app.css with esbuild into DIR (default: dist/):
//   DIR/index.html                 the one page (no inline script, CSP-friendly)
//   DIR/assets/app-HASH.js|css     named by content hash, so they can be cached for ever
//   DIR/assets/favicon-HASH.svg
// Nothing is fetched: esbuild and preact come from node_modules (npm ci).
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const outdirIndex = args.indexOf('--outdir');
const outdir = resolve(outdirIndex >= 0 ? args[outdirIndex + 1] : join(here, 'dist'));
const dev = args.includes('--dev');

rmSync(outdir, { recursive: true, force: true });
mkdirSync(join(outdir, 'assets'), { recursive: true });

const result = await esbuild.build({
  absWorkingDir: here,
  entryPoints: { app: 'src/main.tsx' },
  bundle: true,
  format: 'esm',
  target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
  minify: !dev,
  sourcemap: false,
  legalComments: 'none',
  entryNames: '[name]-[hash]',
  outdir: join(outdir, 'assets'),
  metafile: true,
  logLevel: 'warning',
});

const outputs = Object.keys(result.metafile.outputs).map((p) => basename(p));
const js = outputs.find((name) => name.endsWith('.js'));
const css = outputs.find((name) => name.endsWith('.css'));
if (!js || !css) throw new Error('esbuild produced no app.js or app.css: ' + outputs.join(', '));

const favicon = readFileSync(join(here, 'src', 'favicon.svg'));
const faviconName = `favicon-${createHash('sha256').update(favicon).digest('hex').slice(0, 8)}.svg`;
writeFileSync(join(outdir, 'assets', faviconName), favicon);

const html = `<!doctype html>
<html lang="ka">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>saqme — საქმისწარმოება</title>
<link rel="icon" type="image/svg+xml" href="/assets/${faviconName}">
<link rel="stylesheet" href="/assets/${css}">
<script type="module" src="/assets/${js}"></script>
</head>
<body>
<div id="app"></div>
<noscript>კონსოლს სჭირდება JavaScript. The console needs JavaScript.</noscript>
</body>
</html>
`;
writeFileSync(join(outdir, 'index.html'), html);
console.log(`console: ${outdir}/index.html, assets/${js}, assets/${css}, assets/${faviconName}`);
