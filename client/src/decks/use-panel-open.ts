import { useEffect, useState } from 'react';
import { PHONE_QUERY } from '../ui/phone';

// Below the phone breakpoint the panel is a drawer over the map, closed until asked for.

/** Whether the deck panel shows, and whether it is a drawer (phone) or a column beside the map. */
export function usePanelOpen() {
  const [drawer, setDrawer] = useState(() => window.matchMedia(PHONE_QUERY).matches);
  const [open, setOpen] = useState(() => !window.matchMedia(PHONE_QUERY).matches);

  useEffect(() => {
    const mq = window.matchMedia(PHONE_QUERY);
    const onChange = () => {
      setDrawer(mq.matches);
      // Crossing the breakpoint resets to that size's default: a column on a laptop, closed on a phone.
      setOpen(!mq.matches);
    };
    mq.addEventListener('change', onChange);
    return () => mq.removeEventListener('change', onChange);
  }, []);

  return { open, setOpen, drawer };
}
