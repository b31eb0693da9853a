import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { readLocal, writeLocal } from '../lib/storage';

/**
 * The timer's gentle signal at zero: a soft two-note chime made with WebAudio (no sound file to load),
 * mutable per person and remembered in this browser. Browsers let a page play sound only after a
 * gesture on it, so the audio context is created on the first press or key.
 */
const MUTED_KEY = 'journey-studio:timer-muted';

export const chimeStore = createStore<{ muted: boolean }>(() => ({ muted: readLocal(MUTED_KEY) === '1' }));
export const useChimeMuted = () => useStore(chimeStore, (s) => s.muted);

export function setChimeMuted(muted: boolean): void {
  writeLocal(MUTED_KEY, muted ? '1' : null);
  chimeStore.setState({ muted });
}

let ctx: AudioContext | null = null;

function unlock(): void {
  if (typeof AudioContext === 'undefined') return;
  try {
    ctx ??= new AudioContext();
    if (ctx.state === 'suspended') void ctx.resume();
  } catch {
    ctx = null;
  }
}

/** Prepares the audio on this page's first gesture; returns the clean-up. */
export function armChime(): () => void {
  const onGesture = () => {
    unlock();
    if (ctx?.state === 'running') remove();
  };
  const remove = () => {
    window.removeEventListener('pointerdown', onGesture, true);
    window.removeEventListener('keydown', onGesture, true);
  };
  window.addEventListener('pointerdown', onGesture, true);
  window.addEventListener('keydown', onGesture, true);
  return remove;
}

/** Two soft sine notes, fading out over about a second and a half. */
export function playChime(): void {
  if (chimeStore.getState().muted || !ctx || ctx.state !== 'running') return;
  const t0 = ctx.currentTime + 0.02;
  for (const [i, freq] of [659.25, 523.25].entries()) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'sine';
    osc.frequency.value = freq;
    const start = t0 + i * 0.35;
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.12, start + 0.03);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + 1.4);
    osc.connect(gain).connect(ctx.destination);
    osc.start(start);
    osc.stop(start + 1.5);
  }
}
