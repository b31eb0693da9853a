/** Section 3's options and the Chromium it drives. */

export interface FramesOptions {
  cards: number;
  people: number;
  runs: number;
  viewport: { width: number; height: number };
  phaseMs: number;
  seed: number;
}

export const FRAMES_DEFAULTS: FramesOptions = {
  cards: 1_000,
  people: 20,
  runs: 3,
  viewport: { width: 1280, height: 800 },
  phaseMs: 1_500,
  seed: 777,
};

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
