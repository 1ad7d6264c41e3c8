// A page processor as tsc emits it for ES modules (the types gone), for the SSRF rule's
// cross-module tests: a method navigates the page it is given, whatever made it.
export class PageProcessor {
    async process(page, url) {
        await page.goto(url, { waitUntil: "load" });
        return page.content();
    }
}
