import type { VersionEntry } from '../../../shared/history/version-types';
import type { Translate } from './change-words';

/** "10:42" today, "2 Dec, 10:42" (Italian "2 dic, 10:42") another day: when a checkpoint was taken. */
export function checkpointTime(at: number, language: string, now = Date.now()): string {
  const locale = language.startsWith('it') ? 'it-IT' : 'en-GB';
  const d = new Date(at);
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(d);
  if (new Date(now).toDateString() === d.toDateString()) return time;
  return `${new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' }).format(d)}, ${time}`;
}

/** A checkpoint's name in the list: its label, "Agenda: <step>", "Before a revert" or "Automatic". */
export function checkpointTitle(v: Pick<VersionEntry, 'kind' | 'label'>, t: Translate): string {
  if (v.kind === 'named') return v.label || t('boardHistory.kind.auto');
  if (v.kind === 'agenda') return v.label ? t('boardHistory.kind.agenda', { label: v.label }) : t('boardHistory.kind.agendaNoLabel');
  if (v.kind === 'revert') return t('boardHistory.kind.revert');
  return t('boardHistory.kind.auto');
}

/** "by Anna" or "automatic". */
export function checkpointBy(v: Pick<VersionEntry, 'by'>, t: Translate): string {
  return v.by ? t('boardHistory.by', { name: v.by }) : t('boardHistory.automatic');
}

/** "42 cards · 3 moments · 18 dots". */
export function checkpointSummary(v: Pick<VersionEntry, 'summary'>, t: Translate): string {
  const s = v.summary;
  return t('boardHistory.summary', {
    cards: t('boardHistory.cards', { count: s?.cards ?? 0 }),
    moments: t('boardHistory.moments', { count: s?.moments ?? 0 }),
    votes: t('boardHistory.dots', { count: s?.votes ?? 0 }),
  });
}
