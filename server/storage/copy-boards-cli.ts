import { copyBoards, describeCopy, openStoreAt, parseCopyArgs } from './copy-boards';
import { redactUrl } from './pg/pg-store';

/** `npm run copy-boards -- --from <dir or postgres url> --to <dir or postgres url>`: see docs/scaling.md. */
const args = parseCopyArgs(process.argv.slice(2));
if (!args) {
  process.stderr.write('Usage: npm run copy-boards -- --from <data directory or postgres://…> --to <data directory or postgres://…>\n');
  process.exit(2);
}
const shown = (w: string) => (/^postgres(ql)?:\/\//.test(w) ? redactUrl(w) : w);
let exitCode = 0;
try {
  const from = await openStoreAt(args.from, { source: true });
  try {
    const to = await openStoreAt(args.to);
    try {
      process.stderr.write(`Copying boards from ${shown(args.from)} to ${shown(args.to)}…\n`);
      const report = await copyBoards(from, to, (line) => process.stderr.write(`${line}\n`));
      process.stdout.write(`${describeCopy(report)}\n`);
      if (report.conflicts.length > 0 || report.failed.length > 0) exitCode = 1;
    } finally {
      await to.close();
    }
  } finally {
    await from.close();
  }
} catch (err) {
  process.stderr.write(`copy-boards failed: ${(err as Error).message ?? String(err)}\n`);
  exitCode = 1;
}
process.exit(exitCode);
