import { startTestSystem, type TestSystem } from '@stuffmart/test-kit';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { ensureClientBuild } from '../../../scripts/client-build.js';
import { startClientServer, type ClientServer } from './client-server.js';

export interface Storefront {
  system: TestSystem;
  client: ClientServer;
  origin: string;
  /** A page in a browser context of its own: its own cookies, as another person's browser. */
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Waits in these tests are for things that take well under a second; the bound is generous so
 * a loaded CI machine does not fail them (speed is measured by npm run bench, not here).
 */
const STEP_TIMEOUT = 20_000;

/** The whole thing: gateway and subgraphs in-process, the built storefront in front, and Chromium. */
export async function startStorefront(
  env: Record<string, string> = {},
  { browser = true }: { browser?: boolean } = {},
): Promise<Storefront> {
  await ensureClientBuild();
  const system = await startTestSystem(env);
  let client: ClientServer | null = null;
  let chromium: Browser | null = null;
  try {
    client = await startClientServer(system.url);
    chromium = browser ? await launchBrowser() : null;
  } catch (error) {
    await client?.close();
    await system.close();
    throw error;
  }
  const started = client;
  const contexts: BrowserContext[] = [];
  return {
    system,
    client: started,
    origin: started.origin,
    newPage: async (viewport) => {
      if (!chromium) throw new Error('started without a browser');
      const context = await chromium.newContext(viewport ? { viewport } : {});
      context.setDefaultTimeout(STEP_TIMEOUT);
      contexts.push(context);
      return context.newPage();
    },
    close: async () => {
      for (const context of contexts) await context.close().catch(() => undefined);
      await chromium?.close();
      await started.close();
      await system.close();
    },
  };
}

/** `next build` alone can take a couple of minutes on CI's two cores. */
export const STOREFRONT_START_TIMEOUT = 300_000;
