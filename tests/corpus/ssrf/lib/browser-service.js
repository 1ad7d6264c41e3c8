// A browser service as tsc emits it for ES modules (the types gone), for the SSRF rule's
// cross-module tests: methods that launch a browser, make a context (returned with its viewport)
// and a page from the browser and the context they are given, and a history that only records URLs;
// a function that opens a page.
import { chromium } from "playwright";
export class NavigationHistory {
    entries = [];
    goto(url) {
        this.entries.push(url);
        return this.entries.length;
    }
}
export class BrowserService {
    headless;
    constructor(headless = true) {
        this.headless = headless;
    }
    async createBrowser() {
        try {
            return await chromium.launch({ headless: this.headless });
        }
        catch (error) {
            throw new Error(`No browser: ${error.message}`);
        }
    }
    async createContext(browser) {
        const viewport = { width: 1280, height: 720 };
        const context = await browser.newContext({ viewport });
        return { context, viewport };
    }
    async createPage(context) {
        const page = await context.newPage();
        return page;
    }
    createHistory() {
        return new NavigationHistory();
    }
    async close(browser) {
        if (browser) {
            await browser.close();
        }
    }
}
export async function openPage() {
    const browser = await chromium.launch({ headless: true });
    return browser.newPage();
}
