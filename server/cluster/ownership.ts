/**
 * Who owns an open board when several instances share one database (docs/scaling.md,
 * docs/architecture.md "Several instances"). Exactly one instance owns a board while it is open; each
 * claim that changes the owner raises the board's epoch, and every write of the owner carries its epoch
 * (BoardStore's `fence`), so an owner that was taken over can no longer write.
 */
export type Claim =
  | { owner: true; epoch: number; takenOver: boolean }
  | { owner: false; instance: string; url: string };

export interface Ownership {
  /** This instance's name (logs, leases). */
  readonly instanceId: string;
  /**
   * Makes this instance the board's owner if nobody live owns it (no owner, a released lease, an owner
   * whose lease expired or whose database session ended), waiting for any write of the old owner in
   * flight; else says who owns it.
   */
  claim(board: string): Promise<Claim>;
  /** Gives the board up (after its last snapshot): the next claim anywhere takes it at once. */
  release(board: string, epoch: number): Promise<void>;
  /** Called with a board this instance no longer owns (its lease was taken over or could not be renewed). */
  onLost(listener: (board: string, epoch: number) => void): void;
  /** Stops renewing and gives every lease up (shutdown, after every board was released). */
  close(): Promise<void>;
}

/** Thrown by RoomManager.open when another instance owns the board: the caller forwards. */
export class NotOwnerError extends Error {
  constructor(
    readonly board: string,
    readonly instance: string,
    readonly url: string,
  ) {
    super(`board ${board} is owned by ${instance}`);
  }
}
