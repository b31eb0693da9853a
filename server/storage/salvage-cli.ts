import { describeSalvage, salvage, SalvageError } from './salvage';

/** `npm run salvage -- <damaged-dir> <new-dir>`: see docs/operations.md, "A damaged data directory". */
const [from, to] = process.argv.slice(2);
if (!from || !to) {
  process.stderr.write('Usage: npm run salvage -- <damaged data directory> <new directory>\n');
  process.exit(2);
}
try {
  const report = await salvage(from, to);
  process.stdout.write(describeSalvage(report, to) + '\n');
} catch (err) {
  process.stderr.write(`Salvage failed: ${err instanceof SalvageError ? err.message : String(err)}\n`);
  process.exit(1);
}
