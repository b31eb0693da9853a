/**
 * The width the revealed vote results take on the right of a map (facilitation.css `.vote-results`,
 * projector.css `.projector-results`), so "fit the journey" frames the map beside them, not under them.
 * Nothing on a narrow map (a phone), where the results panel covers the map whatever the camera does.
 */
export function resultsRoom(mapW: number, revealed: boolean, projector = false): number {
  if (!revealed) return 0;
  if (projector) return Math.min(400, Math.max(220, mapW * 0.19)) + 24;
  return mapW >= 900 ? 340 + 32 : 0;
}
