import { useEffect, useState } from 'react';

/** Below this width the panel is a drawer over the map, closed until asked for. */
const PHONE_QUERY = '(max-width: 720px)';

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
