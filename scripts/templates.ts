/**
 * `npm run templates`: writes the journey templates and the worked example as backup files
 * (shared/templates/files/<name>.<locale>.json) from their descriptions (shared/templates/catalog.ts,
 * example.ts). Run it after changing a description; shared/templates/templates.test.ts fails until then.
 */
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generatedTemplateFiles } from '../shared/templates/files';

const DIR = path.resolve(import.meta.dirname, '..', 'shared', 'templates', 'files');
const files = generatedTemplateFiles();
const keep = new Set(files.map((f) => f.file));
for (const old of readdirSync(DIR)) if (old.endsWith('.json') && !keep.has(old)) rmSync(path.join(DIR, old));
for (const f of files) writeFileSync(path.join(DIR, f.file), f.text);
console.log(`wrote ${files.length} files to ${path.relative(process.cwd(), DIR)}`);
