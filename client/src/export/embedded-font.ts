import latin400 from '@fontsource/inter/files/inter-latin-400-normal.woff2?url';
import latinExt400 from '@fontsource/inter/files/inter-latin-ext-400-normal.woff2?url';
import latin600 from '@fontsource/inter/files/inter-latin-600-normal.woff2?url';
import latinExt600 from '@fontsource/inter/files/inter-latin-ext-600-normal.woff2?url';
import latin700 from '@fontsource/inter/files/inter-latin-700-normal.woff2?url';
import latinExt700 from '@fontsource/inter/files/inter-latin-ext-700-normal.woff2?url';

/**
 * Inter's faces as @font-face rules with data URLs, for the SVG that the PNG export rasterises: an SVG
 * drawn through <img> may not load any other file, so without this Chromium would draw the text in a
 * fallback font. The same files the app already loaded (the browser's cache answers), read once per
 * page. The downloadable SVG does not carry them (it names the font stack instead).
 */
const FACES: Array<[number, string]> = [
  [400, latin400],
  [400, latinExt400],
  [600, latin600],
  [600, latinExt600],
  [700, latin700],
  [700, latinExt700],
];

function dataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^;,]*/, 'data:font/woff2'));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

let css: Promise<string> | null = null;

/** The @font-face CSS (empty when the files cannot be read: the fallback fonts then draw the text). */
export function embeddedFontCss(): Promise<string> {
  css ??= Promise.all(
    FACES.map(async ([weight, url]) => {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`font ${res.status}`);
      return `@font-face{font-family:'Inter';font-style:normal;font-weight:${weight};src:url(${await dataUrl(await res.blob())}) format('woff2');}`;
    }),
  )
    .then((rules) => rules.join(''))
    .catch(() => {
      css = null; // try again next time
      return '';
    });
  return css;
}
