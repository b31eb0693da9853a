/** localStorage that never throws (private modes, full quota, disabled storage): preferences are a nicety. */
export function readLocal(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

export function writeLocal(key: string, value: string | null): void {
  try {
    if (value === null) globalThis.localStorage?.removeItem(key);
    else globalThis.localStorage?.setItem(key, value);
  } catch {
    /* not persisted; the app keeps working for this visit */
  }
}

export const STORAGE_KEYS = {
  boards: 'journey-studio:boards',
  name: 'journey-studio:name',
  language: 'journey-studio:language',
} as const;
