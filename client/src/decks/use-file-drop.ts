import { useMemo, useRef, useState, type DragEvent } from 'react';

/**
 * A file dragged from the desktop onto the panel (HTML drag and drop; dnd-kit only handles our own
 * cards). Null `onFile` turns it off, for people who may not import. The counter copes with the
 * enter/leave pairs that every child element fires.
 */
export function useFileDrop(onFile: ((file: File) => void) | null) {
  const [over, setOver] = useState(false);
  const depth = useRef(0);

  const handlers = useMemo(() => {
    if (!onFile) return {};
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    return {
      onDragEnter: (e: DragEvent) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        depth.current++;
        setOver(true);
      },
      onDragOver: (e: DragEvent) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      },
      onDragLeave: (e: DragEvent) => {
        if (!hasFiles(e)) return;
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setOver(false);
      },
      onDrop: (e: DragEvent) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        depth.current = 0;
        setOver(false);
        const file = e.dataTransfer.files[0];
        if (file) onFile(file);
      },
    };
  }, [onFile]);

  return { over: over && !!onFile, handlers };
}
