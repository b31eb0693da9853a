import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

/**
 * A WAI-ARIA menu button's behaviour, shared by the top bar's menus: Enter, Space or ↓ open the menu
 * on its first item, ↑ on its last; ↑ ↓ (wrapping), Home and End move between the items
 * (`[role^="menuitem"]` inside `menu`); Escape closes and returns to the button; Tab closes and lets
 * the focus go on; a press outside closes. The component renders the button and the list and spreads
 * `buttonProps` and `menuProps` on them.
 */
export function useMenuButton<M extends HTMLElement = HTMLElement>() {
  const [open, setOpen] = useState(false);
  const ids = { button: useId(), menu: useId() };
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<M>(null);
  const focusOnOpen = useRef<'first' | 'last'>('first');

  const items = () => [...(menu.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])];

  useEffect(() => {
    if (!open) return;
    const list = items();
    (focusOnOpen.current === 'first' ? list[0] : list.at(-1))?.focus();
    const onDown = (e: PointerEvent) => !root.current?.contains(e.target as Node) && setOpen(false);
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  const show = (where: 'first' | 'last') => {
    focusOnOpen.current = where;
    setOpen(true);
  };
  /** Closes the menu; `refocus` puts the focus back on the button (dialogs opened from a menu return there). */
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  const onButtonKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      show(e.key === 'ArrowDown' ? 'first' : 'last');
    }
  };
  const onMenuKey = (e: KeyboardEvent<M>) => {
    const list = items();
    const i = list.indexOf(document.activeElement as HTMLElement);
    const go = (j: number) => list[(j + list.length) % list.length]?.focus();
    switch (e.key) {
      case 'ArrowDown':
        go(i + 1);
        break;
      case 'ArrowUp':
        go(i - 1);
        break;
      case 'Home':
        go(0);
        break;
      case 'End':
        go(list.length - 1);
        break;
      case 'Escape':
        close(true);
        break;
      case 'Tab':
        setOpen(false);
        return;
      default:
        return;
    }
    e.preventDefault();
    e.stopPropagation();
  };

  return {
    open,
    root,
    show,
    close,
    buttonProps: {
      ref: button,
      id: ids.button,
      'aria-haspopup': 'menu' as const,
      'aria-expanded': open,
      'aria-controls': open ? ids.menu : undefined,
      onClick: () => (open ? close(false) : show('first')),
      onKeyDown: onButtonKey,
    },
    menuProps: { ref: menu, role: 'menu', id: ids.menu, 'aria-labelledby': ids.button, onKeyDown: onMenuKey },
  };
}
