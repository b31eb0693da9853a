import { useEffect, useId, useRef, useState } from 'react';
import { Pencil, Users } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { colorForName } from '../lib/name-color';
import { usePresence } from '../store/presence-store';
import { usePrefs } from '../store/prefs-store';
import { useSession } from '../store/session-store';
import { openDialog } from '../store/ui-store';
import { LanguageSelect } from '../ui/language-select';
import { Avatar } from './avatar';
import { FollowButton } from '../facilitation/follow-button';

/**
 * Who is here: avatars in the bar, and a panel with names, roles and this person's settings (name,
 * and the interface language, which on phones lives only here to keep the bar short).
 */
export function PeopleOnline() {
  const { t } = useTranslation();
  const peers = usePresence((s) => s.peers);
  const myName = usePrefs((s) => s.name);
  const myRole = useSession((s) => s.role);
  // The projector is a screen, not a person: it does not count itself.
  const anonymous = useSession((s) => s.readOnly);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const count = peers.length + (anonymous ? 0 : 1);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => !root.current?.contains(e.target as Node) && setOpen(false);
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    document.addEventListener('pointerdown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div className="people" ref={root}>
      <button
        type="button"
        className="people-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        {/* Named by its content (not aria-label), so the visible initials and count never contradict the name. */}
        <span className="sr-only">{t('people.button', { count })}</span>
        <span className="avatar-stack">
          {peers.slice(0, 3).map((p) => (
            <Avatar key={p.clientId} name={p.name} color={p.color} size={26} />
          ))}
          {peers.length === 0 && <Users aria-hidden size={18} />}
        </span>
        <span className="people-count" aria-hidden>
          {count}
        </span>
      </button>
      {open && (
        <div className="people-panel" id={panelId} role="region" aria-label={t('people.title')}>
          <h2 className="people-title">{t('people.title')}</h2>
          <ul>
            {!anonymous && (
              <li>
                {myName ? <Avatar name={myName} color={colorForName(myName)} /> : <span className="avatar avatar-empty" aria-hidden />}
                <span className="people-name">{myName ? t('people.you', { name: myName }) : t('people.noName')}</span>
                {myRole && <span className="badge">{t(`roles.${myRole}`)}</span>}
              </li>
            )}
            {peers.map((p) => (
              <li key={p.clientId}>
                <Avatar name={p.name} color={p.color} />
                <span className="people-name">{p.name}</span>
                {p.role && <span className="badge">{t(`roles.${p.role}`)}</span>}
                <FollowButton peer={p} />
              </li>
            ))}
          </ul>
          {peers.length === 0 && <p className="hint">{t('people.alone')}</p>}
          <div className="people-settings">
            <button
              type="button"
              className="button"
              onClick={() => {
                setOpen(false);
                openDialog({ kind: 'name' });
              }}
            >
              <Pencil aria-hidden size={16} />
              {t('people.changeName')}
            </button>
            <LanguageSelect />
          </div>
        </div>
      )}
    </div>
  );
}
