/**
 * Answers to what a connection asks for (sync step 1, presence queries), paid from a send budget.
 *
 * Why: a sync step 1 of a few bytes asks for a diff that, for an empty state vector, is the whole board;
 * answering every one let 740 bytes of requests produce 370 MiB of output. Here answers are paid from
 * a budget of bytes a second (the connection's RATE_BYTES ÷ ANSWER_RATE_DIVISOR). The first answer is always sent at once,
 * whatever its size (a client joining a large board must not wait); the budget may go into debt for it,
 * and while it is in debt further requests wait. Requests that wait are merged: only the newest step 1
 * (its state vector is what the client has now) and one presence query are answered, so however many a
 * client sends, it gets at most one answer per debt paid off and the server keeps one of each.
 */
/**
 * What the answers to one connection's requests may send at once before they wait; the first answer
 * always goes out whatever its size. Small, because a stock client asks once per connection: more
 * only serves a script asking for the whole board over and over.
 */
export const ANSWER_BURST_BYTES = 256 * 1024;
/**
 * The budget refills at the connection's byte rate (RATE_BYTES) divided by this: 64 KiB a second by
 * default. A whole board asked for over and over then costs at most that per connection; at the full
 * byte rate ten sockets made the server send 38 MiB in 5 s for 10 KiB of requests.
 */
export const ANSWER_RATE_DIVISOR = 16;

export interface AnswerSenders {
  /** Sends the answer to a step 1 with this state vector; resolves with the bytes sent. */
  step1(stateVector: Uint8Array): Promise<number>;
  /** Sends everyone's presence; returns the bytes sent. */
  presence(): number;
}

export class SyncAnswers {
  private pendingStep1: Uint8Array | null = null;
  private pendingPresence = false;
  private busy = false;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  /** Budget in bytes; negative is debt. */
  private tokens = 0;
  private last: number;

  constructor(
    private send: AnswerSenders,
    /** Bytes a second the budget refills. */
    private rate: number,
    /** Most the budget holds: answers of this size in a row go out at once. */
    private burst: number,
    private now: () => number = () => performance.now(),
  ) {
    this.tokens = burst;
    this.last = now();
  }

  step1(stateVector: Uint8Array): void {
    this.pendingStep1 = stateVector;
    this.pump();
  }

  presence(): void {
    this.pendingPresence = true;
    this.pump();
  }

  /** Requests waiting now (0, 1 or 2: they are merged). */
  waiting(): number {
    return (this.pendingStep1 ? 1 : 0) + (this.pendingPresence ? 1 : 0);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pendingStep1 = null;
    this.pendingPresence = false;
  }

  private refill(): void {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) / 1000) * this.rate);
    this.last = t;
  }

  private pump(): void {
    if (this.stopped || this.busy || this.timer) return;
    if (!this.pendingStep1 && !this.pendingPresence) return;
    this.refill();
    if (this.tokens < 0) {
      const waitMs = Math.ceil((-this.tokens / Math.max(1, this.rate)) * 1000);
      this.timer = setTimeout(() => {
        this.timer = null;
        this.pump();
      }, waitMs);
      return;
    }
    if (this.pendingStep1) {
      const sv = this.pendingStep1;
      this.pendingStep1 = null;
      this.busy = true;
      void this.send.step1(sv).then(
        (bytes) => this.paid(bytes),
        () => this.paid(0),
      );
      return;
    }
    this.pendingPresence = false;
    this.paid(this.send.presence());
  }

  private paid(bytes: number): void {
    this.busy = false;
    this.refill();
    this.tokens -= bytes;
    this.pump();
  }
}
