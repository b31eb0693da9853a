import type { ComponentType } from 'react';
import { ChannelSilosSection } from './channel-silos-section';
import { ClvSection } from './clv-section';
import { MomentsCheckSection } from './moments-check-section';
import { TruthGapSection } from './truth-gap-section';

/**
 * Where an insight is shown: the panel beside the map (interactive: links to the cards, the projector
 * toggle), the projector (large type, nothing to press) or the report (print, in the board's language:
 * the report wraps it in the board's translator).
 */
export type InsightsMode = 'panel' | 'projector' | 'report';

export interface InsightSectionProps {
  mode: InsightsMode;
}

export interface InsightSectionEntry {
  /** Kebab-case id: the projector shows one section by it (`facilitation.insights` in the document). */
  id: string;
  Section: ComponentType<InsightSectionProps>;
}

/**
 * The panel's sections, in reading order. Each renders an `InsightFrame` (insight-frame.tsx) with the
 * same `id`, reads the board from the stores, and takes its mode. The Customer Lifetime Value section
 * goes first.
 */
export const INSIGHT_SECTIONS: readonly InsightSectionEntry[] = [
  { id: 'clv', Section: ClvSection },
  { id: 'truth-gap', Section: TruthGapSection },
  { id: 'silos', Section: ChannelSilosSection },
  { id: 'moments', Section: MomentsCheckSection },
];
