/**
 * The PDF step makes no network request, proven with a canary: a local listener given to Chromium as its
 * proxy for every host (loopback included) records each connection Chromium opens. The page printed links
 * external images (also by IP address), styles, fonts, scripts and prefetches; none may reach the canary.
 * A control request made last, outside the PDF step, shows the canary does see traffic (and, coming last,
 * that nothing else came before it). The only other requests allowed are Chromium's own start-up checks,
 * parked on PARKED_HOST, a name the resolver rules fail inside Chromium: the last test proves that without
 * a proxy such a name never resolves. Skips, saying why, only when Chromium is missing.
 *
 * Not covered: an <iframe> makes Chromium preconnect to the frame's host before the route or the CSP can
 * refuse it (only the resolver rule stops that); the report renderer never emits one.
 */
import { realpathSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Browser, CDPSession } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumsOnPath, disabledFeaturesArg, findChromium, launchChromium, PARKED_HOST, PLAYWRIGHT_DISABLED_FEATURES } from './chromium.js';
import { printHtmlToPdf } from './pdf.js';

/**
 * Every Chromium this machine has (the one findChromium picks, then each other name on PATH): the headless
 * shell and the full browser start different background services, and a user may have either.
 */
function installedChromiums(): string[] {
  const found = new Map<string, string>();
  for (const path of [findChromium(), ...chromiumsOnPath()]) {
    // One per executable: a name may be a link to another (chromium-browser -> chromium).
    if (path && !found.has(realpathSync(path))) found.set(realpathSync(path), path);
  }
  return [...found.values()];
}

const chromiums = installedChromiums();
if (chromiums.length === 0) console.warn('SKIPPED PDF network tests: no Chromium found (apt-get install chromium-headless-shell, or set FTR_CHROMIUM).');

const HOSTILE_PAGE = `<!doctype html><html><head>
<link rel="stylesheet" href="https://cdn.canary-css.invalid/style.css">
<link rel="dns-prefetch" href="//prefetch.canary.invalid">
<link rel="preconnect" href="https://preconnect.canary.invalid">
<link rel="prefetch" href="https://prefetch2.canary.invalid/next.html">
<style>@import url("https://import.canary.invalid/x.css");
@font-face { font-family: Canary; src: url("https://fonts.canary.invalid/f.woff2"); }
body { font-family: Canary, sans-serif; background: url("http://bg.canary.invalid/bg.png"); }</style>
</head><body>
<h1>Report</h1>
<img src="http://img.canary.invalid/pixel.png" alt="external image">
<img src="http://198.51.100.7/by-ip.png" alt="external image by IP">
<script src="https://script.canary.invalid/x.js"></script>
<a href="https://link.canary.invalid/">a link is fine: it is never followed</a>
</body></html>`;

describe.each(chromiums)('the PDF step makes no network request (%s)', (chromiumPath) => {
  let canary: Server;
  const seen: string[] = [];
  const sockets = new Set<Socket>();
  let browser: Browser;

  beforeAll(async () => {
    canary = createServer((socket) => {
      sockets.add(socket);
      socket.once('data', (chunk: Buffer) => {
        seen.push(chunk.toString('latin1').split('\r\n')[0] ?? '(no request line)');
        socket.end('HTTP/1.1 502 Canary\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      });
      socket.on('error', () => undefined);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => canary.listen(0, '127.0.0.1', resolve));
    const { port } = canary.address() as AddressInfo;
    browser = await launchChromium(chromiumPath, {
      // Everything through the canary, loopback included; the canary's own address must still resolve.
      // --enable-automation lets the test read the browser's command line (Browser.getBrowserCommandLine).
      extraArgs: [
        `--proxy-server=http://127.0.0.1:${port}`,
        '--proxy-bypass-list=<-loopback>',
        '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
        '--enable-automation',
      ],
    });
  });

  afterAll(async () => {
    await browser.close();
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => canary.close(() => resolve()));
  });

  it('prints a page full of external references without one connection, and the canary does see a real request', async () => {
    const pdf = await printHtmlToPdf(HOSTILE_PAGE, { browser, footerLabel: 'canary' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const second = await printHtmlToPdf(HOSTILE_PAGE, { browser, footerLabel: 'canary again' });
    expect(second.length).toBeGreaterThan(1000);

    // Control, last: an ordinary page that is allowed to fetch. Its request reaches the canary, and any
    // request Chromium made during the PDF step would have been queued before it.
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto('http://control.canary.invalid/', { timeout: 60_000 }).catch(() => undefined);
    } finally {
      await context.close();
    }
    expect(seen.some((line) => line.includes('control.canary.invalid'))).toBe(true);
    const parked = (line: string): boolean => new RegExp(`^(POST|GET|CONNECT) (http://)?${PARKED_HOST.replace('.', '\\.')}[:/]`).test(line);
    expect(seen.filter((line) => !line.includes('control.canary.invalid') && !parked(line))).toEqual([]);
  });

  it('keeps playwright-core’s disabled features when adding ours (Chromium keeps only the last list)', async () => {
    const session: CDPSession = await browser.newBrowserCDPSession();
    try {
      const { arguments: args } = await session.send('Browser.getBrowserCommandLine');
      const lists = args.filter((a) => a.startsWith('--disable-features='));
      const effective = new Set((lists.at(-1) ?? '').replace('--disable-features=', '').split(','));
      // playwright's own list (the first) must be a subset of the effective one; this fails when an
      // upgrade of playwright-core adds a feature that PLAYWRIGHT_DISABLED_FEATURES lacks.
      const playwrights = (lists[0] ?? '').replace('--disable-features=', '').split(',').filter(Boolean);
      expect(playwrights.filter((f) => !effective.has(f))).toEqual([]);
      expect(lists.at(-1)).toBe(disabledFeaturesArg());
      for (const feature of [...PLAYWRIGHT_DISABLED_FEATURES, 'Translate', 'NetworkTimeServiceQuerying', 'PreconnectToSearch']) {
        expect(effective.has(feature)).toBe(true);
      }
      for (const flag of ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic']) {
        expect(args).toContain(flag);
      }
    } finally {
      await session.detach();
    }
  });
});

describe.each(chromiums)('with the launch flags alone (no proxy) (%s)', (chromiumPath) => {
  it('no host name resolves, so nothing Chromium starts can send a DNS query', async () => {
    const browser = await launchChromium(chromiumPath);
    try {
      const page = await browser.newPage();
      for (const url of [`http://${PARKED_HOST}/`, 'https://www.google.com/', 'http://example.com/']) {
        const error = await page.goto(url, { timeout: 60_000 }).then(
          () => 'loaded',
          (err: unknown) => String(err),
        );
        expect(error).toMatch(/ERR_NAME_NOT_RESOLVED/);
      }
    } finally {
      await browser.close();
    }
  });
});
