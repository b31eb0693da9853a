import { describe, expect, it } from 'vitest';
import { colorForName, initialsOf, PEOPLE_COLORS } from './name-color';

describe('colorForName', () => {
  it('is stable, case- and space-insensitive, and from the palette', () => {
    expect(colorForName('Anna')).toBe(colorForName(' anna '));
    expect(PEOPLE_COLORS).toContain(colorForName('Marco'));
  });
  it('spreads different names over several colours', () => {
    const names = ['Anna', 'Marco', 'Giulia', 'Luca', 'Sara', 'Paolo', 'Elena', 'Davide'];
    expect(new Set(names.map(colorForName)).size).toBeGreaterThan(3);
  });
});

describe('initialsOf', () => {
  it('takes first and last initials', () => {
    expect(initialsOf('anna maria rossi')).toBe('AR');
    expect(initialsOf('Luca')).toBe('L');
    expect(initialsOf('  ')).toBe('?');
  });
});
