/**
 * Finding and launching the system Chromium (Debian's `chromium` package). We never download a browser:
 * the path comes from an option, the FTR_CHROMIUM environment variable, or PATH.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'] as const;

/** Flags that keep Chromium from reaching the network on its own (updates, sync, field trials, QUIC). */
export const CHROMIUM_ARGS = [
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
  '--metrics-recording-only',
  '--no-default-browser-check',
  '--disable-features=Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider,AutofillServerCommunication',
] as const;

export class ChromiumNotFoundError extends Error {
  constructor(detail: string) {
    super(
      `Chromium is needed for the PDF report but was not found (${detail}). Install Debian's package ` +
        '(`apt-get install chromium`), or pass --chromium <path> / set FTR_CHROMIUM to its executable.',
    );
    this.name = 'ChromiumNotFoundError';
  }
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The Chromium executable to use, or undefined when there is none. */
export function findChromium(explicit?: string | null, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (explicit) return executable(explicit) ? explicit : undefined;
  const fromEnv = env.FTR_CHROMIUM;
  if (fromEnv) return executable(fromEnv) ? fromEnv : undefined;
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of CHROMIUM_NAMES) {
      const candidate = join(dir, name);
      if (executable(candidate)) return candidate;
    }
  }
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

/**
 * Launches headless Chromium with the no-network flags. playwright-core gives every launch a fresh,
 * temporary profile (its own --user-data-dir) and deletes it on close.
 */
export async function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS], timeout: 60_000 });
}
