import { describe, expect, it } from 'vitest';
import { CARD, CARD_TEXT, cardMetrics } from '../../card-layout/card-metrics';
import type { AxisItem, CardData } from '../../doc/schema';
import { GEOMETRY } from '../../layout';
import { wrapText } from '../../text/measure';
import { planSheet, type ExportScope } from '../sheet-plan';
import { sheetSvg, type SheetWords } from './map-svg';
import { esc, xmlSafe } from './xml';
import type { PersonaData } from '../../personas/persona-schema';

const stages: AxisItem[] = [
  { id: 'awareness', title: 'Awareness' },
  { id: 'purchase', title: 'Purchase & <pay>' },
];
const lanes: AxisItem[] = [
  { id: 'activities', title: 'Activities' },
  { id: 'emotions', title: 'Emotions' },
  { id: 'ideas', title: 'Ideas' },
];
let n = 0;
const card = (over: Partial<CardData>): CardData => ({
  id: `c${++n}`,
  kind: 'note',
  text: '',
  stage: 'awareness',
  lane: 'ideas',
  order: `a${n}`,
  color: '#fff3a3',
  author: 'Anna',
  createdAt: 0,
  ...over,
});

const cards: CardData[] = [
  card({ kind: 'activity', lane: 'activities', color: '#c9e4ff', text: 'Searches reviews on the phone & asks "friends" <quickly>' }),
  card({ kind: 'emotion', lane: 'emotions', color: '#ffd1dc', valence: -2, text: 'Frustration\n\n“I waited forty minutes at the counter, then they told me the bike was not there.”' }),
  card({ kind: 'emotion', lane: 'emotions', stage: 'purchase', color: '#ffd1dc', valence: 1.5, text: 'Relief' }),
  card({ kind: 'moment', moment: 'truth', lane: 'emotions', stage: 'purchase', color: '#e3d4ff', text: 'First bite' }),
  card({ kind: 'question', lane: 'activities', stage: 'purchase', color: '#d4f0ee', text: 'What did we promise?', answer: 'Delivery within a day' }),
  card({ kind: 'question', lane: 'activities', stage: 'purchase', color: '#d4f0ee', text: 'Who calls back?' }),
  card({ text: 'Control\u0001chars\u0008 and a lone \uD800 surrogate, an emoji 🚲 and città' }),
  card({ text: 'customer journey experience '.repeat(200).slice(0, 4000) }),
  card({ stage: 'purchase', text: 'An idea with dots' }),
];
const board = { stages, lanes, cards: Object.fromEntries(cards.map((c) => [c.id, c])) };

const words: SheetWords = {
  title: 'Rossi Bakery <draft>',
  date: 'Exported on 2 December 2026',
  unplaced: 'Not placed',
  unplacedFrom: () => 'Was in: gone',
  curve: { name: 'Emotion curve', noData: 'No data' },
  legend: { title: 'Legend', cards: 'Cards', moments: 'Key moments', emotions: 'Emotions', curve: 'The line is the median valence of each stage.' },
};

function render(scope: ExportScope, extra: { legend?: boolean; votes?: Record<string, number> } = {}) {
  const plan = planSheet(board, scope)!;
  return { plan, ...sheetSvg({ plan, locale: 'en', words: { ...words, subtitle: scope.kind === 'stage' ? 'Stage: Purchase' : undefined }, legend: extra.legend ?? false, votes: extra.votes }) };
}

/**
 * A small XML 1.0 well-formedness check (no parser is among the dependencies): tags nest and close,
 * attribute values are quoted and hold no raw "<" or "&", only the five predefined entities and numeric
 * references appear, and no character outside XML 1.0's set.
 */
function wellFormed(xml: string): string[] {
  const problems: string[] = [];
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(xml)) problems.push('invalid character');
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(xml)) problems.push('lone surrogate');
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: string[] = [];
  const token = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  let m: RegExpExecArray | null;
  let roots = 0;
  while ((m = token.exec(body))) {
    const [, close, name, attrText, selfClose, text, stray] = m;
    if (stray) {
      problems.push(`stray "<" at ${m.index}`);
      break;
    }
    const entities = text ?? attrText ?? '';
    for (const e of entities.matchAll(/&([^;\s]*);?/g)) if (!/^(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+)$/.test(e[1]) || !e[0].endsWith(';')) problems.push(`bad entity ${e[0]}`);
    if (text !== undefined) {
      if (stack.length === 0 && text.trim()) problems.push('text outside the root');
      continue;
    }
    if (close) {
      if (stack.pop() !== name) problems.push(`</${name}> closes the wrong element`);
    } else if (!selfClose) {
      if (stack.length === 0) roots++;
      stack.push(name);
    } else if (stack.length === 0) roots++;
  }
  if (stack.length) problems.push(`unclosed ${stack.join(' > ')}`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}

/** The text of every <text> element, its <tspan> lines joined by newlines. */
function texts(svg: string): string[] {
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return [...svg.matchAll(/<text\b[^>]*>(.*?)<\/text>/g)].map((m) =>
    m[1].includes('<tspan') ? [...m[1].matchAll(/<tspan\b[^>]*>(.*?)<\/tspan>/g)].map((t) => unescape(t[1])).join('\n') : unescape(m[1]),
  );
}

describe('the map as a vector SVG', () => {
  it('is well-formed XML, with no foreignObject, and names a font stack with fallbacks', () => {
    const { svg, width, plan } = render({ kind: 'map' }, { legend: true, votes: { [cards[8].id]: 4 } });
    expect(wellFormed(svg)).toEqual([]);
    expect(svg).not.toMatch(/foreignObject/i);
    expect(svg).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain(`font-family="Inter, &apos;Helvetica Neue&apos;, Arial, &apos;Liberation Sans&apos;, sans-serif"`);
    expect(width).toBe(Math.ceil(plan.view.w) + 64);
    expect(svg).toContain(`width="${width}"`);
  });

  it('writes every card’s words as <text>, line by line where the card layout breaks them', () => {
    const { svg } = render({ kind: 'map' });
    const all = texts(svg);
    const joined = all.join('\n');
    for (const c of cards) {
      const m = cardMetrics(c);
      if (m.shape === 'moment') {
        expect(all).toContain('First bite');
        continue;
      }
      const style = c.kind === 'question' ? CARD_TEXT.question : CARD_TEXT.body;
      const lines = wrapText(m.text.text, style, CARD.w - 2 * CARD.padX).map((l) => m.text.text.slice(l.start, l.end).trimEnd());
      const block = lines.filter(Boolean).map(xmlSafe).join('\n');
      expect(joined, c.text.slice(0, 40)).toContain(block);
    }
    // The excerpt of the 4,000-character note ends in "…" on its last line.
    expect(all.find((t) => t.startsWith('customer journey'))?.endsWith('…')).toBe(true);
    expect(all).toContain('Delivery within a day');
    expect(all).toContain('No answer yet');
    expect(all).toContain('EMOTION');
    expect(all).toContain('-2');
    expect(all).toContain('+1.5');
    expect(all).toContain('MOMENT OF\nTRUTH');
    expect(all).toContain('Rossi Bakery <draft>');
    expect(all).toContain('Exported on 2 December 2026');
    expect(all).toContain('Emotion curve');
    expect(all).toContain('Purchase & <pay>');
  });

  it('writes an Italian emotion’s kind word on one line beside its valence badge, as the map does', () => {
    const plan = planSheet(board, { kind: 'map' })!;
    const all = texts(sheetSvg({ plan, locale: 'it', words, legend: false }).svg);
    // Two emotion cards with a valence: "EMOZIONE" whole on each, never broken as "EMOZION" / "E".
    expect(all.filter((t) => t === 'EMOZIONE')).toHaveLength(2);
    expect(all.some((t) => t.startsWith('EMOZION\n'))).toBe(false);
  });

  it('escapes markup and drops characters XML cannot hold', () => {
    const { svg } = render({ kind: 'map' });
    expect(svg).toContain('&amp; asks</tspan>');
    expect(svg).toContain('&quot;friends&quot; &lt;quickly&gt;');
    expect(texts(svg).join(' ').replace(/\n/g, ' ')).toContain('Controlchars and a lone  surrogate, an emoji 🚲 and città');
    expect(svg).not.toMatch(/[\u0001\u0008\uD800](?![\uDC00-\uDFFF])/);
    expect(esc('a\u0000b<&>"\'')).toBe('ab&lt;&amp;&gt;&quot;&apos;');
  });

  it('shows a revealed vote’s dots and the legend only when asked', () => {
    const plain = render({ kind: 'map' });
    expect(texts(plain.svg)).not.toContain('● 4');
    expect(texts(plain.svg)).not.toContain('Legend');
    const voted = render({ kind: 'map' }, { legend: true, votes: { [cards[8].id]: 4 } });
    expect(texts(voted.svg)).toContain('● 4');
    expect(texts(voted.svg)).toEqual(expect.arrayContaining(['Legend', 'CARDS', 'KEY MOMENTS', 'Activity', 'Medal moment', 'The line is the median valence of each stage.']));
    expect(voted.height).toBeGreaterThan(plain.height + 60);
  });

  it('draws one stage alone: its cards, its header and subtitle, not the other stage’s cards', () => {
    const { svg, plan } = render({ kind: 'stage', stageId: 'purchase' });
    expect(wellFormed(svg)).toEqual([]);
    const all = texts(svg);
    expect(all).toContain('Stage: Purchase');
    expect(all).toContain('Relief');
    expect(all.join('\n')).not.toContain('Searches reviews');
    expect(svg.match(/data-card=/g)).toHaveLength(plan.cards.length);
  });

  it('draws the selected card alone, without header, curve or legend', () => {
    const { svg, width, height } = render({ kind: 'selection', ids: [cards[0].id] }, { legend: true });
    expect(wellFormed(svg)).toEqual([]);
    expect(svg.match(/data-card=/g)).toHaveLength(1);
    expect(texts(svg).join('\n')).toContain('Searches reviews');
    expect(texts(svg)).not.toContain('Rossi Bakery <draft>');
    expect(texts(svg)).not.toContain('Emotion curve');
    expect(svg, 'no column edge beside the card').not.toContain('stroke-dasharray="3 3"');
    expect(width).toBe(CARD.w + 24 + 32);
    expect(height).toBe(cardMetrics(cards[0]).h + 12 + 18 + 32);
  });
});

describe('personas in the vector SVG', () => {
  const maria = { id: 'pm', name: 'Maria <owner>', segment: 'Shop', description: '', goals: '', frustrations: '', quote: 'Just make it work', color: '#0b5fa5' as PersonaData['color'], createdAt: 1 };
  const luca: PersonaData = { ...maria, id: 'pl', name: 'Luca', quote: '', color: '#b23a00', createdAt: 2 };
  const tagged = [...cards.slice(0, 1), { ...cards[1], persona: 'pm' }, { ...cards[2], persona: 'pl' }, ...cards.slice(3)];
  const plan = planSheet({ stages, lanes, cards: Object.fromEntries(tagged.map((c) => [c.id, c])) }, { kind: 'map' })!;
  const draw = (list: PersonaData[]) =>
    sheetSvg({ plan, locale: 'en', words: { ...words, persona: { label: 'Customer type' } }, legend: false, personas: { list, active: list[0] ?? null } }).svg;

  it('shows the active persona under the header, tabs on tagged cards and both personas’ curves compared', () => {
    const svg = draw([maria, luca]);
    expect(wellFormed(svg)).toEqual([]);
    expect(texts(svg)).toContain('Customer type: Maria <owner> · Shop');
    expect(texts(svg).some((t) => t.includes('“Just make it work”'))).toBe(true);
    // Each tagged card's tab is marked with the card's id, as on the map, and names its persona.
    expect(svg).toContain(`<g data-persona-for="${tagged[1].id}" data-persona="pm">`);
    expect(svg).toContain(`<g data-persona-for="${tagged[2].id}" data-persona="pl">`);
    expect(svg).toContain('data-persona-curve="Luca"');
    expect(texts(svg)).toContain('Luca');
  });

  it('draws nothing of personas for a board without them', () => {
    const svg = draw([]);
    expect(svg).not.toContain('data-persona');
    expect(texts(svg).some((t) => t.startsWith('Customer type'))).toBe(false);
  });
});

describe('ideas’ expected effects in the vector SVG', () => {
  const idea = card({ stage: 'purchase', text: 'Free delivery over €30', effect: 10 });
  const small = card({ stage: 'awareness', text: 'Posters at the station', effect: -2.5 });
  const notIdea = card({ kind: 'activity', lane: 'activities', color: '#c9e4ff', text: 'Pays at the till', effect: 10 });
  const plain = card({ stage: 'purchase', text: 'No effect given' });
  const effects = { stages, lanes, cards: Object.fromEntries([idea, small, notIdea, plain].map((c) => [c.id, c])) };

  /** The badge drawn for a card: its pill's rectangle (board units) and its words. */
  const badge = (svg: string, id: string) => {
    const m = new RegExp(`<g data-effect="${id}"><rect x="([\\d.-]+)" y="([\\d.-]+)" width="([\\d.]+)" height="([\\d.]+)"[^>]*fill="#3b2fc9"/>(.*?)</g>`).exec(svg);
    if (!m) return null;
    return { x: Number(m[1]), y: Number(m[2]), w: Number(m[3]), h: Number(m[4]), text: texts(m[5]).join('') };
  };

  it('draws an idea’s effect as the map does: “+10 %” in a pill above the card’s top left corner, clear of its vote’s dots', () => {
    const plan = planSheet(effects, { kind: 'map' })!;
    const { svg } = sheetSvg({ plan, locale: 'en', words, legend: false, votes: { [idea.id]: 12 } });
    expect(wellFormed(svg)).toEqual([]);
    const b = badge(svg, idea.id);
    expect(b?.text).toBe('+10 %');
    const r = plan.layout.cards.get(idea.id)!;
    // On the corner: it starts 4 px left of the card and comes 9 px down into its top padding (above the
    // first line), its top in the 10 px gap above the card (not over the card above).
    expect(b!.x).toBe(r.x - 4);
    expect(b!.y + b!.h).toBe(r.y + CARD.padY - 1);
    expect(b!.y).toBeGreaterThanOrEqual(r.y - GEOMETRY.gap);
    expect(b!.w).toBeGreaterThan(30);
    expect(b!.w).toBeLessThan(CARD.w / 2);
    // The dots' pill on the same edge, over the top right corner, does not meet it.
    const dots = /<rect x="([\d.-]+)" y="([\d.-]+)" width="([\d.]+)" height="18" rx="9" fill="#0f766e"/.exec(svg.slice(svg.indexOf(`data-card="${idea.id}"`)));
    expect(Number(dots![2])).toBe(b!.y);
    expect(Number(dots![1]) + Number(dots![3])).toBe(r.x + r.w + 4);
    expect(Number(dots![1])).toBeGreaterThan(b!.x + b!.w);
    expect(badge(svg, small.id)?.text).toBe('−2.5 %');
    // Only ideas carry an effect (an activity's stray value is not drawn), and only ideas that have one.
    expect(badge(svg, notIdea.id)).toBeNull();
    expect(badge(svg, plain.id)).toBeNull();
  });

  it('writes the effect in the board’s language, in a one-stage image and on the card alone too', () => {
    const it = (scope: ExportScope) => sheetSvg({ plan: planSheet(effects, scope)!, locale: 'it', words, legend: false }).svg;
    expect(badge(it({ kind: 'map' }), small.id)?.text).toBe('−2,5 %');
    expect(badge(it({ kind: 'stage', stageId: 'purchase' }), idea.id)?.text).toBe('+10 %');
    expect(badge(it({ kind: 'stage', stageId: 'purchase' }), small.id)).toBeNull();
    const alone = it({ kind: 'selection', ids: [idea.id] });
    expect(badge(alone, idea.id)?.text).toBe('+10 %');
    // Whole in the picture: the badge is inside the drawn view.
    const view = planSheet(effects, { kind: 'selection', ids: [idea.id] })!.view;
    expect(badge(alone, idea.id)!.y).toBeGreaterThanOrEqual(view.y);
  });
});

describe('a drawing inlined in an HTML page', () => {
  it('prefixes every id and every reference to one, so two drawings in a page do not mix', () => {
    const withUnplaced = { stages, lanes, cards: { ...board.cards, lost: card({ id: 'lost', stage: 'gone', text: 'Lost card' }) } };
    const plan = planSheet(withUnplaced, { kind: 'map' })!;
    const { svg } = sheetSvg({ plan, locale: 'en', words, legend: true, idPrefix: 'report-map-' });
    expect(wellFormed(svg)).toEqual([]);
    const ids = [...svg.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(expect.arrayContaining(['report-map-map-view', 'report-map-unplaced-stripes', 'report-map-i-smile']));
    expect(ids.filter((id) => !id.startsWith('report-map-'))).toEqual([]);
    const refs = [...svg.matchAll(/(?:href="#|url\(#)([^")]+)/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(5);
    for (const ref of refs) expect(ids, ref).toContain(ref);
  });
});
