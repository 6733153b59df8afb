import { existsSync } from 'node:fs';
import type { Browser, BrowserType } from 'playwright-core';

/**
 * Printing an HTML page to PDF with the server's Chromium, through playwright-core. Nothing is
 * kept between calls: each call launches a browser and always closes it. Without Chromium (or
 * playwright-core) the answer says so, so the route can offer Word or Excel instead of failing.
 *
 * The page is printed offline: every request it makes (stylesheets, images, fonts by URL) is
 * refused, so the HTML must carry its styles inline and images as data: URLs or inline SVG.
 */

export const PDF_UNAVAILABLE = 'PDF export needs Chromium, which is not installed on this server; download Word or Excel instead';
export const PDF_FAILED_TO_START = 'PDF export could not start Chromium on this server; download Word or Excel instead';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** "Page 2 of 5", small, in the bottom margin (Chromium fills the pageNumber and totalPages spans). */
const PAGE_FOOTER =
  '<div style="width:100%;font:8px Arial,Helvetica,sans-serif;color:#505a5f;text-align:center">' +
  'Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>';

export interface PdfOptions {
  /** Defaults to true: scorecards are wide. */
  landscape?: boolean;
  /** Defaults to A4. */
  format?: 'A4' | 'A3';
  /** Run the page's scripts; off by default, as the page should be printable without them. */
  javaScript?: boolean;
  /** How long launching, loading and printing may each take; defaults to 30 seconds. */
  timeoutMs?: number;
}

/** Why no PDF was made, in words for the person asking; `cause` is for the log. */
export interface PdfUnavailable {
  unavailable: string;
  cause?: string;
}

/**
 * Prints a complete HTML page to a PDF with the Chromium at `executablePath` (config.chromiumPath). Returns { unavailable } when Chromium is not installed or
 * will not start; throws only when a started browser fails to load or print the page.
 */
export async function renderPdf(html: string, executablePath: string, options: PdfOptions = {}): Promise<Buffer | PdfUnavailable> {
  if (!existsSync(executablePath)) return { unavailable: PDF_UNAVAILABLE };
  let chromium: BrowserType;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch (error) {
    return { unavailable: PDF_UNAVAILABLE, cause: `playwright-core is not installed: ${String(error)}` };
  }
  const timeout = options.timeoutMs ?? 30_000;
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true, timeout });
  } catch (error) {
    return { unavailable: PDF_FAILED_TO_START, cause: String(error) };
  }
  try {
    const context = await browser.newContext({ javaScriptEnabled: options.javaScript ?? false, offline: true });
    context.setDefaultTimeout(timeout);
    await context.route('**/*', (route) => route.abort('blockedbyclient'));
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({
      format: options.format ?? 'A4',
      landscape: options.landscape ?? true,
      printBackground: true,
      margin: { top: '12mm', right: '10mm', bottom: '14mm', left: '10mm' },
      // Page numbers in the bottom margin, so a printed paper can be put back in order and referred to.
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: PAGE_FOOTER,
    });
  } finally {
    await browser.close();
  }
}
