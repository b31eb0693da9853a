import { readFile } from 'node:fs/promises';
import { expect, type Download, type Locator, type Page } from '@playwright/test';

export type UiLang = 'en' | 'it';
/** `template`: "Save as template", for facilitators only. */
export type MenuItem = 'png' | 'svg' | 'json' | 'csv' | 'report' | 'template';

/** The words of the Export menu, its dialog, the report and the restore form, as a person reads them. */
export const EXPORT_WORDS = {
  en: {
    button: 'Export',
    items: { png: 'PNG image', svg: 'SVG image', json: 'JSON backup', csv: 'CSV (spreadsheet)', report: 'Report', template: 'Save as template' },
    dialog: { png: 'Export a PNG image', svg: 'Export an SVG image' },
    submit: 'Export',
    whole: 'The whole map',
    stage: 'One stage',
    stageSelect: 'Stage',
    selection: 'The selected card',
    legend: /^Add a legend/,
    ratio: { 1: /^1×/, 2: /^2×/, 3: /^3×/ },
    report: 'Report of the board',
    print: 'Print',
    pdf: 'Download PDF',
    closeReport: 'Close the report',
    restore: 'Restore a backup',
    backupFile: 'Backup file',
    map: 'Journey map',
  },
  it: {
    button: 'Esporta',
    items: { png: 'Immagine PNG', svg: 'Immagine SVG', json: 'Backup JSON', csv: 'CSV (foglio di calcolo)', report: 'Report', template: 'Salva come modello' },
    dialog: { png: 'Esporta un’immagine PNG', svg: 'Esporta un’immagine SVG' },
    submit: 'Esporta',
    whole: 'Tutta la mappa',
    stage: 'Una fase',
    stageSelect: 'Fase',
    selection: 'La carta selezionata',
    legend: /^Aggiungi una legenda/,
    ratio: { 1: /^1×/, 2: /^2×/, 3: /^3×/ },
    report: 'Report della lavagna',
    print: 'Stampa',
    pdf: 'Scarica PDF',
    closeReport: 'Chiudi il report',
    restore: 'Ripristina un backup',
    backupFile: 'File di backup',
    map: 'Mappa del percorso',
  },
} as const;

export interface ImageOptions {
  ratio?: 1 | 2 | 3;
  /** A stage's title for a one-stage image; 'selection' for the selected card. */
  scope?: 'map' | 'selection' | { stage: string };
  legend?: boolean;
}

export interface Saved {
  download: Download;
  name: string;
  bytes: Buffer;
  /** From the click that starts the export to the file's arrival, in ms. */
  ms: number;
}

/**
 * The top bar's "Export"/"Esporta" menu button and what it opens: the PNG/SVG dialog (with its status
 * and alert), the data downloads and the report.
 */
export class ExportMenu {
  readonly button: Locator;
  readonly menu: Locator;
  readonly dialog: Locator;
  readonly report: Locator;
  /** Status and alert under the Export button (data files). */
  readonly toastStatus: Locator;
  readonly toastAlert: Locator;
  readonly w: (typeof EXPORT_WORDS)[UiLang];

  constructor(
    readonly page: Page,
    readonly lang: UiLang = 'en',
  ) {
    this.w = EXPORT_WORDS[lang];
    const banner = page.getByRole('banner');
    this.button = banner.getByRole('button', { name: this.w.button, exact: true });
    this.menu = page.getByRole('menu', { name: this.w.button });
    this.dialog = page.getByRole('dialog', { name: /PNG|SVG/ });
    this.report = page.getByRole('dialog', { name: this.w.report });
    this.toastStatus = page.locator('.export-toast').getByRole('status');
    this.toastAlert = page.locator('.export-toast').getByRole('alert');
  }

  item(which: MenuItem): Locator {
    return this.menu.getByRole('menuitem', { name: this.w.items[which], exact: true });
  }

  async open(): Promise<void> {
    await this.button.click();
    await expect(this.menu).toBeVisible();
  }

  async choose(which: MenuItem): Promise<void> {
    await this.open();
    await this.item(which).click();
  }

  /** Chooses PNG or SVG, sets the options and exports; returns the downloaded file. */
  async exportImage(format: 'png' | 'svg', opts: ImageOptions = {}): Promise<Saved> {
    await this.choose(format);
    const dialog = this.page.getByRole('dialog', { name: this.w.dialog[format] });
    await expect(dialog).toBeVisible();
    const scope = opts.scope ?? 'map';
    if (scope === 'map') await dialog.getByRole('radio', { name: this.w.whole }).check();
    else if (scope === 'selection') await dialog.getByRole('radio', { name: this.w.selection }).check();
    else {
      await dialog.getByRole('radio', { name: this.w.stage }).check();
      await dialog.getByRole('combobox', { name: this.w.stageSelect }).selectOption({ label: scope.stage });
    }
    if (format === 'png') await dialog.getByRole('radio', { name: this.w.ratio[opts.ratio ?? 2] }).check();
    if (opts.legend !== undefined && scope !== 'selection') await dialog.getByRole('checkbox', { name: this.w.legend }).setChecked(opts.legend);
    const submit = dialog.getByRole('button', { name: this.w.submit, exact: true });
    await expect(submit).toBeEnabled();
    // The file arrives through an <a download> click: Playwright's click would wait for that "navigation".
    const saved = await this.save(() => submit.evaluate((b: HTMLButtonElement) => b.click()));
    // The dialog says what it saved (a status, so screen readers hear it too).
    await expect(dialog.getByRole('status')).toContainText(saved.name);
    return saved;
  }

  /** Downloads the JSON backup or the CSV straight from the menu. */
  async exportData(which: 'json' | 'csv'): Promise<Saved> {
    await this.open();
    const saved = await this.save(() => this.item(which).click());
    await expect(this.toastStatus).toContainText(saved.name);
    return saved;
  }

  async closeDialog(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await expect(this.dialog).toBeHidden();
  }

  private async save(click: () => Promise<void>): Promise<Saved> {
    const started = Date.now();
    const [download] = await Promise.all([this.page.waitForEvent('download', { timeout: 90_000 }), click()]);
    const path = await download.path();
    const ms = Date.now() - started;
    return { download, name: download.suggestedFilename(), bytes: await readFile(path), ms };
  }
}
