import type { TFunction } from 'i18next';
import type { BackupProblem } from '../../../shared/backup/from-backup';

/**
 * A refused backup's problem in the reader's words: the place in plain terms ("card 4 → text" rather
 * than `board.cards.3.text`) and what is wrong, from the code (zod's own messages are English
 * and technical). Anything not worded here falls back to the message as given.
 */
export function problemText(p: BackupProblem, t: TFunction): string {
  return t('export.restore.problem', { path: placeText(p.path, t), message: problemMessage(p, t) });
}

/** Parts of a path worded in both languages; others (ids, rare fields) are shown as they are. */
const WORDED = new Set(['meta', 'stages', 'lanes', 'cards', 'decks', 'facilitation', 'votes', 'title', 'text', 'answer', 'author', 'kind', 'locale']);
const TYPES = new Set(['string', 'number', 'object', 'array', 'boolean']);
const ITEM = { cards: 'card', stages: 'stage', lanes: 'lane' } as const;

export function placeText(path: string, t: TFunction): string {
  if (!path) return t('export.restore.root');
  const parts = path.split('.');
  if (parts[0] === 'board') parts.shift();
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const next = parts[i + 1];
    if ((part === 'cards' || part === 'stages' || part === 'lanes') && next !== undefined && /^\d+$/.test(next)) {
      out.push(t(`export.restore.place.${ITEM[part]}`, { n: Number(next) + 1 }));
      i++;
    } else if (WORDED.has(part)) out.push(t(`export.restore.place.${part as 'meta'}`));
    else out.push(part);
  }
  return out.join(' → ') || t('export.restore.root');
}

function problemMessage(p: BackupProblem, t: TFunction): string {
  switch (p.code) {
    case 'invalid_json':
      return t('export.restore.code.invalidJson');
    case 'too_large':
      return t('export.restore.code.tooLarge');
    case 'invalid_type':
      if (!p.expected) return p.message;
      return t('export.restore.code.invalidType', { expected: TYPES.has(p.expected) ? t(`export.restore.type.${p.expected as 'string'}`) : p.expected });
    case 'too_big':
      return p.maximum !== undefined ? t('export.restore.code.tooBig', { max: p.maximum }) : p.message;
    case 'too_small':
      return t('export.restore.code.tooSmall');
    case 'unrecognized_keys':
      return t('export.restore.code.unknownKeys', { keys: (p.keys ?? []).join(', ') });
    case 'invalid_value':
      return t('export.restore.code.invalidValue');
    default:
      return p.message;
  }
}
