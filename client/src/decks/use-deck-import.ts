import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorLine } from './deck-errors';
import { describeImportErrors } from './deck-errors';
import { importBoardDeck } from './deck-actions';
import { checkDeckFile } from './deck-import';
import type { ImportError } from './deck-errors';
import type { DeckStatus } from './deck-status';

export type ImportState =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'failed'; file: string; lines: ErrorLine[]; more: number };

/** What is kept: the errors themselves, translated at each render (the language may change meanwhile). */
type Kept = { kind: 'idle' } | { kind: 'reading' } | { kind: 'failed'; file: string; errors: ImportError[]; more: number };

/**
 * Importing a deck file: read, check, then store it in the board for everyone (and say so through
 * `onImported`). A rejected file changes nothing and leaves a message naming its first problems,
 * translated, with where they are in the file.
 */
export function useDeckImport(onImported: (status: DeckStatus) => void) {
  const { t } = useTranslation();
  const [kept, setState] = useState<Kept>({ kind: 'idle' });
  const state = useMemo<ImportState>(
    () =>
      kept.kind === 'failed'
        ? { kind: 'failed', file: kept.file, more: kept.more, lines: describeImportErrors(kept.errors, (k, p) => String(t(k as never, p as never))) }
        : kept,
    [kept, t],
  );

  const importFile = useCallback(
    async (file: File) => {
      setState({ kind: 'reading' });
      const checked = await checkDeckFile(file);
      if (!checked.ok) {
        setState({ kind: 'failed', file: file.name, errors: checked.errors, more: checked.more });
        return;
      }
      const { ok, replaced } = importBoardDeck(checked.deck);
      if (!ok) {
        setState({ kind: 'idle' });
        return;
      }
      const deck = checked.deck;
      setState({ kind: 'idle' });
      onImported((tr, lang) => tr(replaced ? 'decks.import.replaced' : 'decks.import.imported', { title: deck.title[lang], count: deck.cards.length }));
    },
    [onImported],
  );

  const dismiss = useCallback(() => setState({ kind: 'idle' }), []);
  return { state, importFile, dismiss };
}
