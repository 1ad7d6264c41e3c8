// A page reader for the SSRF corpus: navigates a playwright page it is given (typed by import).
import type { Page } from 'playwright';

export class PageReader {
  constructor(private readonly timeout: number) {}

  async read(page: Page, url: string): Promise<string> {
    page.setDefaultTimeout(this.timeout);
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    return page.content();
  }
}
