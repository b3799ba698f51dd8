import { redirect } from 'next/navigation';
import { VIEWER } from './graphql/queries';
import type { ViewerFieldsFragment as Viewer } from './graphql/generated/graphql';
import { getClient } from './rsc-client';

/**
 * Who is looking, or null when signed out (`me` is null then, never an error). When the
 * gateway cannot say, this throws: the page's error boundary explains, rather than the
 * visitor being treated as signed out and sent to sign in again.
 */
export async function getViewer(): Promise<Viewer | null> {
  const { data } = await getClient().query({ query: VIEWER });
  return data?.me ?? null;
}

/** For pages that need an account: signed-out visitors are sent to sign in, and back here after. */
export async function requireViewer(returnPath: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/sign-in?next=${encodeURIComponent(returnPath)}`);
  return viewer;
}
