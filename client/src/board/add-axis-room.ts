import { GEOMETRY } from '../../../shared/layout';

/** "Add stage"'s width in board units: its name wraps inside it ("Aggiungi una fase" on two lines). */
export const ADD_STAGE_W = 132;
export const ADD_LANE_H = 44;
/**
 * Room the "Add stage" and "Add lane" buttons (add-axis-buttons.tsx) take right of and under the grid,
 * which "Fit the journey" frames too (camera.ts).
 */
export const ADD_STAGE_ROOM = GEOMETRY.gap + ADD_STAGE_W;
export const ADD_LANE_ROOM = GEOMETRY.gap + ADD_LANE_H;
