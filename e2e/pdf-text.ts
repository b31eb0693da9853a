/**
 * Reads a PDF the way a person checks a printed document, with poppler-utils (`pdfinfo`, `pdftotext
 * -layout`, `pdftotext -bbox`): its page count, each page's text lines and how far down each page its
 * text reaches. Installs Debian's poppler-utils when missing, as run.ts does for Chromium.
 */
import { execFileSync, execSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

function ensurePoppler(): void {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
  } catch {
    const install = 'apt-get update && apt-get install -y poppler-utils';
    console.log(`e2e: pdftotext is missing; installing Debian's package: ${install}`);
    execSync(install, { stdio: 'inherit', shell: '/bin/bash' });
  }
}

export interface PdfPages {
  pages: number;
  /** Each page's lines, blank ones removed, trimmed. */
  lines: string[][];
  /** The page size in points. */
  size: string;
  /** Each page's height and the bottom of its lowest word, in points from the page's top (0: no text). */
  reach: Array<{ height: number; bottom: number }>;
}

export function readPdf(pdf: Buffer): PdfPages {
  ensurePoppler();
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'report-pdf-')), 'report.pdf');
  writeFileSync(file, pdf);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  const size = /^Page size:\s+(.+)$/m.exec(info)?.[1] ?? '';
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const lines = text
    .split('\f')
    .slice(0, pages)
    .map((p) => p.split('\n').map((l) => l.trim()).filter(Boolean));
  // Word boxes: <page width=".." height=".."> then <word xMin=".." yMin=".." xMax=".." yMax="..">.
  const boxes = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const reach = boxes
    .split('<page ')
    .slice(1)
    .map((page) => ({
      height: Number(/height="([\d.]+)"/.exec(page)?.[1]),
      bottom: Math.max(0, ...[...page.matchAll(/<word [^>]*yMax="([\d.]+)"/g)].map((m) => Number(m[1]))),
    }));
  return { pages, lines, size, reach };
}
