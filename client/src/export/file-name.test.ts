import { describe, expect, it } from 'vitest';
import { exportFileName, isoDate, slugify } from './file-name';

describe('export file names', () => {
  const day = new Date(2026, 10, 3, 23, 59);

  it('are the board title and the local date', () => {
    expect(isoDate(day)).toBe('2026-11-03');
    expect(exportFileName('Panificio Rossi', day, 'png')).toBe('panificio-rossi-2026-11-03.png');
    expect(exportFileName('Panificio Rossi', day, 'png', 'Primo utilizzo')).toBe('panificio-rossi-primo-utilizzo-2026-11-03.png');
  });

  it('drop accents and characters file systems refuse', () => {
    expect(slugify('Più caffè, città!')).toBe('piu-caffe-citta');
    expect(slugify('a/b\\c:d*e?"f"<g>|h')).toBe('a-b-c-d-e-f-g-h');
    expect(slugify('  Ünïcödé  Straße ')).toBe('unicode-straße');
  });

  it('fall back to a generic name and stay short', () => {
    expect(exportFileName('', day, 'svg')).toBe('journey-map-2026-11-03.svg');
    expect(exportFileName('!!!', day, 'csv')).toBe('journey-map-2026-11-03.csv');
    expect(slugify('x'.repeat(200))).toHaveLength(80);
  });
});
