import { useState } from 'react';
import { usePhone } from '../ui/phone';

/**
 * Whether the deck panel shows, and whether it is a drawer over the map (phone: closed until asked for)
 * or a column beside it.
 */
export function usePanelOpen() {
  const drawer = usePhone();
  const [open, setOpen] = useState(() => !drawer);
  // Crossing the breakpoint resets to that size's default: a column on a laptop, closed on a phone.
  const [sizedFor, setSizedFor] = useState(drawer);
  if (sizedFor !== drawer) {
    setSizedFor(drawer);
    setOpen(!drawer);
  }
  return { open, setOpen, drawer };
}
