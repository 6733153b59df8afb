// Compiles Baton's stylesheet and copies the browser files into public/build (served at /assets/).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as sass from 'sass';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'public/build');
fs.mkdirSync(out, { recursive: true });

const css = path.join(out, 'baton.css');
const newest = (dir: string): number => Math.max(...fs.readdirSync(dir).map((f) => fs.statSync(path.join(dir, f)).mtimeMs));
const upToDate = fs.existsSync(css) && fs.statSync(css).mtimeMs > newest(path.join(root, 'assets'));
if (upToDate && !process.argv.includes('--force')) process.exit(0);

const result = sass.compile(path.join(root, 'assets/baton.scss'), {
  style: 'compressed',
  importers: [new sass.NodePackageImporter(root)],
  quietDeps: true,
  silenceDeprecations: ['import'],
});
fs.writeFileSync(css, result.css);
fs.copyFileSync(path.join(root, 'assets/app.js'), path.join(out, 'app.js'));
fs.copyFileSync(path.join(root, 'assets/favicon.svg'), path.join(out, 'favicon.svg'));
fs.copyFileSync(path.join(root, 'node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js'), path.join(out, 'govuk-frontend.min.js'));
