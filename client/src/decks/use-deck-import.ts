import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorLine } from './deck-errors';
import { describeImportErrors } from './deck-errors';
import { importBoardDeck } from './deck-actions';
import { checkDeckFile } from './deck-import';

export type ImportState =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'failed'; file: string; lines: ErrorLine[]; more: number };

/**
 * Importing a deck file: read, check, then store it in the board for everyone (and say so through
 * `onImported`). A rejected file changes nothing and leaves a message naming its first problems,
 * translated, with where they are in the file.
 */
export function useDeckImport(onImported: (message: string) => void) {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<ImportState>({ kind: 'idle' });

  const importFile = useCallback(
    async (file: File) => {
      setState({ kind: 'reading' });
      const checked = await checkDeckFile(file);
      if (!checked.ok) {
        setState({ kind: 'failed', file: file.name, lines: describeImportErrors(checked.errors, (k, p) => String(t(k as never, p as never))), more: checked.more });
        return;
      }
      const { ok, replaced } = importBoardDeck(checked.deck);
      if (!ok) {
        setState({ kind: 'idle' });
        return;
      }
      const lang = i18n.language?.startsWith('it') ? 'it' : 'en';
      const params = { title: checked.deck.title[lang], count: checked.deck.cards.length };
      setState({ kind: 'idle' });
      onImported(t(replaced ? 'decks.import.replaced' : 'decks.import.imported', params));
    },
    [t, i18n, onImported],
  );

  const dismiss = useCallback(() => setState({ kind: 'idle' }), []);
  return { state, importFile, dismiss };
}
