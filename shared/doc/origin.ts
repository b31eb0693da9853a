/**
 * Transaction origin for every write made by this client's own commands. The UndoManager tracks only
 * this origin, so undo never reverts another person's work or a remote update.
 */
export const LOCAL_ORIGIN = Symbol('journey-studio-local');
