import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { ApolloWrapper } from '../components/apollo-wrapper';
import { SiteHeader } from '../components/site-header';
import { TimeZoneCookie } from '../components/time-zone-cookie';
import { VerifyEmailBanner } from '../components/verify-email-banner';
import type { ViewerFieldsFragment as Viewer } from '../lib/graphql/generated/graphql';
import { requestOrigin } from '../lib/request-origin';
import { getViewer } from '../lib/viewer';
import './globals.css';

/**
 * Link previews need absolute URLs: they are made from the address this request came to, so
 * they are right behind any host name or proxy without one more setting.
 */
export async function generateMetadata(): Promise<Metadata> {
  return {
    metadataBase: await requestOrigin(),
    title: { default: 'Stuffmart', template: '%s · Stuffmart' },
    description: 'Students sell stuff to each other: notes, tickets, gear and digital goods.',
    applicationName: 'Stuffmart',
  };
}

export const viewport: Viewport = { themeColor: '#1e40af', width: 'device-width', initialScale: 1 };

/** The header must not take the whole site down when the gateway does: it then shows the signed-out links. */
async function viewerForHeader(): Promise<Viewer | null> {
  try {
    return await getViewer();
  } catch {
    return null;
  }
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const viewer = await viewerForHeader();
  return (
    <html lang="en">
      <body>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <ApolloWrapper>
          <TimeZoneCookie />
          <SiteHeader viewer={viewer} />
          <VerifyEmailBanner viewer={viewer} />
          <main id="main" className="container" tabIndex={-1}>
            {children}
          </main>
        </ApolloWrapper>
        <footer className="site-footer">
          <div className="container">Stuffmart · a marketplace for students</div>
        </footer>
      </body>
    </html>
  );
}
