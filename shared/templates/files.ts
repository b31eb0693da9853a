/**
 * The template and example files (shared/templates/files/<name>.<locale>.json, backup format v1) and
 * the descriptions they are written from. `npm run templates` writes them; a test checks they agree.
 */
import type { Backup } from '../backup/backup-schema';
import { LOCALES, type Locale } from '../doc/schema';
import { buildBoard, type BoardSpec } from './build';
import { TEMPLATES, TEMPLATE_IDS, type TemplateId } from './catalog';
import { EXAMPLE } from './example';

export type TemplateName = TemplateId | 'example';
export const TEMPLATE_NAMES: readonly TemplateName[] = [...TEMPLATE_IDS, 'example'];

export const templateFileName = (name: TemplateName, locale: Locale) => `${name}.${locale}.json`;

export function templateSpec(name: TemplateName): BoardSpec {
  return name === 'example' ? EXAMPLE : TEMPLATES[name];
}

/** Every file's name and content, as `npm run templates` writes it. */
export function generatedTemplateFiles(): Array<{ name: TemplateName; locale: Locale; file: string; backup: Backup; text: string }> {
  return TEMPLATE_NAMES.flatMap((name) =>
    LOCALES.map((locale) => {
      const backup = buildBoard(templateSpec(name), locale);
      return { name, locale, file: templateFileName(name, locale), backup, text: `${JSON.stringify(backup, null, 2)}\n` };
    }),
  );
}
