import { useEffect, useId, useState } from 'react';
import { Check, Copy } from 'lucide-react';
import { QRCodeSVG } from 'qrcode.react';
import { useTranslation } from 'react-i18next';
import { copyText } from '../lib/copy-text';

interface Props {
  heading: string;
  hint: string;
  url: string;
  /** Accessible names: the link field, its Copy button and its QR code. */
  names: { link: string; copy: string; qr: string };
}

/** One shareable link: the address, a Copy button that confirms, and a QR code for phones in the room. */
export function ShareLink({ heading, hint, url, names }: Props) {
  const { t } = useTranslation();
  const inputId = useId();
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);

  return (
    <section className="share-link">
      <div className="share-link-text">
        <h3>{heading}</h3>
        <p className="hint">{hint}</p>
        <label htmlFor={inputId} className="sr-only">
          {names.link}
        </label>
        <div className="share-copy-row">
          <input id={inputId} className="input share-url" value={url} readOnly onFocus={(e) => e.currentTarget.select()} />
          <button type="button" className="button" aria-label={names.copy} onClick={async () => setCopied(await copyText(url))}>
            {copied ? <Check aria-hidden size={16} /> : <Copy aria-hidden size={16} />}
            <span aria-hidden>{copied ? t('share.copied') : t('share.copy')}</span>
          </button>
        </div>
        <p className="share-copied" role="status">
          {copied ? t('share.copied') : ''}
        </p>
      </div>
      <QRCodeSVG value={url} size={132} marginSize={2} role="img" aria-label={names.qr} className="share-qr" />
    </section>
  );
}
