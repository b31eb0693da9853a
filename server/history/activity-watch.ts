import { AUTO_CHECKPOINT_MS } from '../../shared/history/version-types';
import { readAgenda, stepTitle } from '../../shared/commands/agenda';
import { readMeta } from '../../shared/doc/read';
import { ROOT } from '../../shared/doc/schema';
import type { Room } from '../rooms/room';
import type { BoardHistory } from './board-history';

/**
 * The automatic checkpoints of one loaded board:
 * - `auto`: 10 minutes (AUTO_CHECKPOINT_MS) after the first change since the last checkpoint of any
 *   kind, checked at each change and by a timer, so a board that went quiet still gets its checkpoint
 *   while it is loaded. A board nobody changes gets none.
 * - `agenda`: when a stored change moved the agenda to another step (label: that step's title in the
 *   board's language).
 * The clock is the history's (tests move it by hand); the timer only wakes the check up.
 */
export class ActivityWatch {
  private dirtySince: number | null = null;
  private step: unknown;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private room: Room,
    private history: BoardHistory,
  ) {
    this.step = this.currentStep();
  }

  private currentStep(): unknown {
    return this.room.doc.getMap<unknown>(ROOT.facilitation).get('agendaStep');
  }

  /** Called after each change of the board is stored. */
  changed(): void {
    if (this.stopped) return;
    const step = this.currentStep();
    if (step !== this.step) {
      this.step = step;
      if (typeof step === 'number') {
        const s = readAgenda(this.room.doc).steps[step];
        const label = s ? stepTitle(s, readMeta(this.room.doc).locale) : '';
        this.checkpoint('agenda', label);
        return;
      }
    }
    const now = this.history.clock();
    if (this.dirtySince === null) {
      this.dirtySince = now;
      this.wakeIn(AUTO_CHECKPOINT_MS);
    } else if (now - this.dirtySince >= AUTO_CHECKPOINT_MS) this.checkpoint('auto', '');
  }

  /** Any checkpoint of the board was taken: the 10 minutes start again at the next change. */
  taken(): void {
    this.dirtySince = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  stop(): void {
    this.stopped = true;
    this.taken();
  }

  private wakeIn(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.stopped || this.dirtySince === null) return;
      const left = this.dirtySince + AUTO_CHECKPOINT_MS - this.history.clock();
      if (left <= 0) this.checkpoint('auto', '');
      else this.wakeIn(left);
    }, ms);
    this.timer.unref();
  }

  private checkpoint(kind: 'auto' | 'agenda', label: string): void {
    // Marked at once, so the changes arriving while it is written do not ask for another.
    this.dirtySince = null;
    this.history.take(this.room, { kind, label, by: null }).catch((err: unknown) => this.history.failed(this.room, kind, err));
  }
}
