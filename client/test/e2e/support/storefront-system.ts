import { freePort, startTestInbox, type TestInbox } from '@stuffmart/test-kit';
import { startTestSystem, type TestSystem } from '../../../../test/system/index.js';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { ensureClientBuild } from '../../../scripts/client-build.js';
import { startClientServer, type ClientServer } from './client-server.js';

export interface Storefront {
  system: TestSystem;
  /** The mail server the system sends to (SMTP_URL): a real SMTP server in this process. */
  inbox: TestInbox;
  client: ClientServer;
  origin: string;
  /** A page in a browser context of its own: its own cookies, as another person's browser. */
  /** `timezoneId`: the browser's own time zone (an IANA name), as a visitor abroad has it. */
  newPage(viewport?: { width: number; height: number }, options?: { timezoneId?: string }): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Waits in these tests are for things that take well under a second; the bound is generous so
 * a loaded CI machine does not fail them (speed is measured by npm run bench, not here).
 */
const STEP_TIMEOUT = 20_000;

/**
 * The whole thing: gateway and subgraphs in-process, the built storefront in front, a mail
 * server, and Chromium. The storefront's port is chosen first, so that the system's
 * PUBLIC_URL (links in mails, allowed origin of browser WebSockets) is this storefront.
 * `clientEnv` is the storefront's own environment (e.g. ALLOWED_EMAIL_DOMAINS).
 */
export async function startStorefront(
  env: Record<string, string> = {},
  { browser = true, clientEnv = {} }: { browser?: boolean; clientEnv?: Record<string, string> } = {},
): Promise<Storefront> {
  await ensureClientBuild();
  const inbox = await startTestInbox();
  const port = await freePort();
  let system: TestSystem | null = null;
  let client: ClientServer | null = null;
  let chromium: Browser | null = null;
  try {
    system = await startTestSystem({ SMTP_URL: inbox.url, PUBLIC_URL: `http://127.0.0.1:${port}`, ...env });
    client = await startClientServer(system.url, { port, env: clientEnv });
    chromium = browser ? await launchBrowser() : null;
  } catch (error) {
    await client?.close();
    await system?.close();
    await inbox.close();
    throw error;
  }
  const running = system;
  const started = client;
  const contexts: BrowserContext[] = [];
  return {
    system: running,
    inbox,
    client: started,
    origin: started.origin,
    newPage: async (viewport, options = {}) => {
      if (!chromium) throw new Error('started without a browser');
      const context = await chromium.newContext({ ...(viewport ? { viewport } : {}), ...options });
      context.setDefaultTimeout(STEP_TIMEOUT);
      contexts.push(context);
      return context.newPage();
    },
    close: async () => {
      for (const context of contexts) await context.close().catch(() => undefined);
      await chromium?.close();
      await started.close();
      await running.close();
      await inbox.close();
    },
  };
}

/** `next build` alone can take a couple of minutes on CI's two cores. */
export const STOREFRONT_START_TIMEOUT = 300_000;
