/**
 * Finding and launching the system Chromium (Debian's `chromium-headless-shell` package, else `chromium`).
 * We never download a browser: the path comes from an option, the FTR_CHROMIUM environment variable, or
 * PATH. The headless shell comes first: it is the same engine without the browser's user interface, which
 * the full browser starts for every page even headless; it prints the same PDF with about half of
 * Chromium's CPU time (docs/decisions/0014).
 *
 * The PDF step must make no network request at all (a report describes an account's security posture,
 * and the machines we run on may have no network). Three layers: these launch flags stop Chromium's own
 * background traffic and send every host name to NOTFOUND (no DNS lookup can leave the machine),
 * pdf.ts runs the page offline with every request aborted, and pdf-network.test.ts proves it with a canary
 * proxy that fails the test on any connection.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/** Looked up on PATH in this order: the headless shells first (Debian's, then Chrome for Testing's name). */
export const CHROMIUM_NAMES = ['chromium-headless-shell', 'chrome-headless-shell', 'chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'] as const;

/**
 * The features playwright-core (1.65) disables with its own `--disable-features`. Chromium keeps only the
 * LAST `--disable-features` switch, so ours must repeat playwright's list or it would turn those back on
 * (among them the network-time query and the search-engine preconnect to Google). browser.test.ts reads the
 * running browser's command line and fails when playwright's list has grown.
 */
export const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
] as const;

/** Features that reach the network on their own and that playwright leaves on. */
export const NO_NETWORK_DISABLED_FEATURES = [
  'Translate',
  'DialMediaRouteProvider',
  'AutofillServerCommunication',
  'CertificateTransparencyComponentUpdater',
  'SafeBrowsingEnhancedProtection',
  'InterestFeedContentSuggestions',
  'NetworkPrediction',
  'PrivacySandboxSettings4',
  'Prerender2',
] as const;

/**
 * Browser UI that a headless printer never shows but Chromium 156 builds for every window, i.e. for every
 * context playwright opens: the omnibox's suggestion popups are WebUI pages (chrome://omnibox-popup.top-chrome/
 * and its AI-mode variant) loaded into a renderer of their own, Lit custom elements and some 400 module
 * requests each time. For the 107k-finding PDF that renderer took about 3 s of the 11 s of CPU Chromium used
 * and the browser process another 0.6 s (traced, docs/benchmarks.md). Without these features the omnibox
 * keeps its native popup, which is never created. browser.test.ts checks that no such page is opened.
 */
export const UNUSED_UI_DISABLED_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'] as const;

/** One merged `--disable-features` list: playwright's first, then ours (network, then unused UI), no duplicates. */
export function disabledFeaturesArg(): string {
  return `--disable-features=${[...new Set<string>([...PLAYWRIGHT_DISABLED_FEATURES, ...NO_NETWORK_DISABLED_FEATURES, ...UNUSED_UI_DISABLED_FEATURES])].join(',')}`;
}

/** Where Chromium's own background requests are sent instead of Google: a name that never resolves. */
export const PARKED_HOST = 'ftr-offline.invalid';

/** Flags that keep Chromium from reaching the network on its own (updates, sync, field trials, QUIC, DNS). */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--safebrowsing-disable-auto-update',
  '--disable-breakpad',
  '--no-pings',
  '--metrics-recording-only',
  '--no-default-browser-check',
  '--dns-prefetch-disable',
  // Chromium 156 still checks for component updates and lists Google accounts (ListAccounts) at start and
  // for every context, whatever the flags above say. Both are parked on a name that cannot resolve.
  `--component-updater=url-source=http://${PARKED_HOST}/`,
  `--gaia-url=http://${PARKED_HOST}/`,
  // Every host name resolves to NOTFOUND inside Chromium: whatever slips past the other layers cannot even
  // send a DNS query.
  '--host-resolver-rules=MAP * ~NOTFOUND',
  disabledFeaturesArg(),
];

export class ChromiumNotFoundError extends Error {
  constructor(detail: string) {
    super(
      `Chromium is needed for the PDF report but was not found (${detail}). Install Debian's package ` +
        '(`apt-get install chromium-headless-shell`, or `chromium`), or pass --chromium <path> / set FTR_CHROMIUM to its executable.',
    );
    this.name = 'ChromiumNotFoundError';
  }
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Every Chromium executable on PATH, in lookup order (each folder of PATH, CHROMIUM_NAMES in each). */
export function* chromiumsOnPath(env: NodeJS.ProcessEnv = process.env): Generator<string> {
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of CHROMIUM_NAMES) {
      const candidate = join(dir, name);
      if (executable(candidate)) yield candidate;
    }
  }
}

/** The Chromium executable to use, or undefined when there is none. */
export function findChromium(explicit?: string | null, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (explicit) return executable(explicit) ? explicit : undefined;
  const fromEnv = env.FTR_CHROMIUM;
  if (fromEnv) return executable(fromEnv) ? fromEnv : undefined;
  for (const candidate of chromiumsOnPath(env)) return candidate;
  return undefined;
}

/** Like findChromium, but throws a ChromiumNotFoundError that says what to do. */
export function requireChromium(explicit?: string | null, env: NodeJS.ProcessEnv = process.env): string {
  const found = findChromium(explicit, env);
  if (found) return found;
  if (explicit) throw new ChromiumNotFoundError(`${explicit} is not an executable file`);
  if (env.FTR_CHROMIUM) throw new ChromiumNotFoundError(`FTR_CHROMIUM=${env.FTR_CHROMIUM} is not an executable file`);
  throw new ChromiumNotFoundError(`none of ${CHROMIUM_NAMES.join(', ')} is on PATH`);
}

export interface LaunchOptions {
  /** Added after CHROMIUM_ARGS. Tests only (the network canary's --proxy-server). */
  readonly extraArgs?: readonly string[];
}

/**
 * Launches headless Chromium with the no-network flags. playwright-core gives every launch a fresh,
 * temporary profile (its own --user-data-dir) and deletes it on close.
 */
export async function launchChromium(executablePath: string, options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    args: [...CHROMIUM_ARGS, ...(options.extraArgs ?? [])],
    timeout: 60_000,
  });
}
