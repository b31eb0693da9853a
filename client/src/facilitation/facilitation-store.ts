import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { DEFAULT_AGENDA, type Agenda } from '../../../shared/commands/agenda';
import type { Summon, TimerState } from '../../../shared/commands/facilitation';
import type { VoteSession } from '../../../shared/commands/votes';
import type { ReplayCue } from '../../../shared/commands/replay';

/**
 * The facilitator's shared state as plain data (projected from the `facilitation` and `votes` roots by
 * project-facilitation.ts), plus two local facts: whom this person follows, and whether the timer
 * has just reached zero. The locks live in session-store, next to the role they qualify.
 */
export interface FacilitationState {
  spotlight: string | null;
  timer: TimerState | null;
  summon: Summon | null;
  vote: VoteSession | null;
  /** My dots in the current vote, by card id. */
  myDots: Readonly<Record<string, number>>;
  /** Everyone's dots by card id (shown only once the vote is revealed). */
  totals: Readonly<Record<string, number>>;
  /** How many people placed at least one dot (the facilitator sees it while the vote is open). */
  voters: number;
  agenda: Agenda;
  /** The insight the projector shows instead of the map (insights/), or null for the map. */
  projectedInsight: string | null;
  /** The replay the projector plays (history/), or null. */
  replay: ReplayCue | null;
  /** The CLV inputs as stored (`facilitation.clv`), unchecked: insights/clv-section.tsx checks them. */
  clv: unknown;
  /** Local: the awareness client id of the person whose view this one follows. */
  following: number | null;
  /** Local: the timer reached zero a moment ago (the visual pulse). */
  ringing: boolean;
  /** Local: the facilitator's panel is open. */
  panelOpen: boolean;
}

export function initialFacilitation(): FacilitationState {
  return {
    spotlight: null,
    timer: null,
    summon: null,
    vote: null,
    myDots: {},
    totals: {},
    voters: 0,
    agenda: { steps: DEFAULT_AGENDA.map((s) => ({ ...s })), current: null, custom: false },
    projectedInsight: null,
    replay: null,
    clv: undefined,
    following: null,
    ringing: false,
    panelOpen: false,
  };
}

export const facilitationStore = createStore<FacilitationState>(() => initialFacilitation());

export function useFacilitation<T>(selector: (s: FacilitationState) => T): T {
  return useStore(facilitationStore, selector);
}

/** Dots I have placed in the current vote. */
export const usedDots = (s: FacilitationState) => Object.values(s.myDots).reduce((a, b) => a + b, 0);
