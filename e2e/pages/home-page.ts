import { expect, type Locator, type Page } from '@playwright/test';

/** The home page: the "New board" form, "Your boards" (boards opened in this browser) and the language switch. */
export class HomePage {
  readonly heading: Locator;
  readonly titleField: Locator;
  readonly createButton: Locator;
  readonly recentBoards: Locator;
  readonly languageSelect: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.titleField = page.getByLabel('Board title');
    this.createButton = page.getByRole('button', { name: 'Create board' });
    this.recentBoards = page.getByRole('region', { name: 'Your boards' });
    this.languageSelect = page.getByRole('banner').getByRole('combobox');
  }

  async goto(): Promise<void> {
    await this.page.goto('/');
    await expect(this.heading).toBeVisible();
  }

  /** Fills the "New board" form and submits it; the app then opens the board. */
  async createBoard(title: string, contentLanguage: 'English' | 'Italiano'): Promise<void> {
    await this.titleField.fill(title);
    await this.page.getByRole('radio', { name: contentLanguage }).check();
    await this.createButton.click();
  }

  recentBoard(title: string): Locator {
    return this.recentBoards.getByRole('link', { name: new RegExp(`^${escapeRegExp(title)}`) });
  }
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
