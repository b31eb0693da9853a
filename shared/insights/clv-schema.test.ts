import { describe, expect, it } from 'vitest';
import { checkClvForm, checkClvStored, clvFormText, clvInputsOf, parseTypedNumber, type ClvStored } from './clv-schema';
import { computeClv } from './clv';
import { CLV_EXAMPLE } from '../test-support/clv-example';


describe('CLV inputs schema', () => {
  it('accepts the worked example and gives the formulas their fractions', () => {
    const r = checkClvStored(CLV_EXAMPLE);
    expect(r.ok).toBe(true);
    const x = clvInputsOf((r as { ok: true; value: ClvStored }).value);
    expect(x.grossMargin).toBe(0.5);
    expect(Math.round(computeClv(x)!.total * 100) / 100).toBe(531.43);
  });

  it('refuses r at its bound 1 + d, saying why in both languages', () => {
    const r = checkClvStored({ ...CLV_EXAMPLE, retentionPct: 100, discountRatePct: 0 });
    expect(r.ok).toBe(false);
    const p = !r.ok ? r.problems : [];
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ field: 'retentionPct', code: 'retention_bound' });
    expect(p[0].message.en).toMatch(/below 100 % plus the discount rate/);
    expect(p[0].message.it).toMatch(/sotto il 100 % più il tasso di sconto/);
    // With a discount rate, 100 % is below the bound.
    expect(checkClvStored({ ...CLV_EXAMPLE, retentionPct: 100, discountRatePct: 10 }).ok).toBe(true);
  });

  it('reports every problem at once, each with its field', () => {
    const r = checkClvStored({ ...CLV_EXAMPLE, currency: 'euro', orderValue: -1, grossMarginPct: 120, referrals: 'many', purchasesPerYear: undefined });
    expect(r.ok).toBe(false);
    const byField = Object.fromEntries((!r.ok ? r.problems : []).map((p) => [p.field, p.code]));
    expect(byField).toEqual({ currency: 'currency', orderValue: 'negative', grossMarginPct: 'too_large', referrals: 'not_a_number', purchasesPerYear: 'required' });
    expect(checkClvStored({ ...CLV_EXAMPLE, extra: 1 }).ok).toBe(false);
    expect(checkClvStored('nope').ok).toBe(false);
    expect(checkClvStored({ ...CLV_EXAMPLE, orderValue: Number.POSITIVE_INFINITY }).ok).toBe(false);
  });

  it('takes a missing discount rate as 0', () => {
    const { discountRatePct: _, ...rest } = CLV_EXAMPLE;
    const r = checkClvStored(rest);
    expect(r.ok && r.value.discountRatePct).toBe(0);
  });
});

describe('the form', () => {
  it('reads numbers typed in Italian or English', () => {
    expect(parseTypedNumber('0,5')).toBe(0.5);
    expect(parseTypedNumber('0.5')).toBe(0.5);
    expect(parseTypedNumber('1.234,5')).toBe(1234.5);
    expect(parseTypedNumber('1,234.5')).toBe(1234.5);
    expect(parseTypedNumber(' 60 % ')).toBe(60);
    expect(parseTypedNumber('')).toBeUndefined();
    expect(parseTypedNumber('abc')).toBeNaN();
    expect(parseTypedNumber('1,2,3,4')).toBe(1234);
    expect(parseTypedNumber('1e5')).toBeNaN();
  });

  it('checks the typed form, an empty discount rate meaning 0', () => {
    const ok = checkClvForm({ currency: 'eur', orderValue: '80', purchasesPerYear: '4', grossMarginPct: '50', firstYearRetentionPct: '60', retentionPct: '75', acquisitionCost: '120', referrals: '0,5', discountRatePct: '' });
    expect(ok).toEqual({ ok: true, value: { ...CLV_EXAMPLE, discountRatePct: 0 } });
    const bad = checkClvForm({ currency: 'EUR', orderValue: 'ottanta', purchasesPerYear: '', retentionPct: '100' });
    expect(bad.ok).toBe(false);
    const problems = !bad.ok ? bad.problems : [];
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ['orderValue', 'not_a_number'],
      ['purchasesPerYear', 'required'],
      ['grossMarginPct', 'required'],
      ['firstYearRetentionPct', 'required'],
      ['retentionPct', 'retention_bound'],
      ['acquisitionCost', 'required'],
      ['referrals', 'required'],
    ]);
    expect(problems[0].message.it).toMatch(/non è un numero/);
  });

  it('writes the stored value back as text in the board language', () => {
    expect(clvFormText(CLV_EXAMPLE, 'it').referrals).toBe('0,5');
    expect(clvFormText(CLV_EXAMPLE, 'en').referrals).toBe('0.5');
    expect(checkClvForm(clvFormText(CLV_EXAMPLE, 'it'))).toEqual({ ok: true, value: CLV_EXAMPLE });
    expect(clvFormText(null, 'en')).toEqual({ currency: 'EUR', discountRatePct: '0' });
  });
});
