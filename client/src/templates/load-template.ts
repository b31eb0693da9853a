import type { Backup } from '../../../shared/backup/backup-schema';
import type { Locale } from '../../../shared/doc/schema';
import type { TemplateName } from '../../../shared/templates/files';

/**
 * The template and example files as they are in the repository (shared/templates/files), each its own
 * small chunk loaded when first needed: the home page does not carry them. They are the files the
 * tests check against the backup schema, so they are not validated again here.
 */
const FILES = import.meta.glob<Backup>('../../../shared/templates/files/*.json', { import: 'default' });

export async function loadTemplate(name: TemplateName, locale: Locale): Promise<Backup> {
  const load = FILES[`../../../shared/templates/files/${name}.${locale}.json`];
  if (!load) throw new Error(`no template ${name}.${locale}`);
  return load();
}
