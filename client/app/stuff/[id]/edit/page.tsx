import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ProblemNotice } from '../../../../components/problem-notice';
import { StuffForm } from '../../../../components/stuff-form';
import { STUFF } from '../../../../lib/graphql/queries';
import type { Availability } from '../../../../lib/graphql/generated/graphql';
import { loadPageData } from '../../../../lib/load-page-data';
import { requireViewer } from '../../../../lib/viewer';

export const metadata: Metadata = { title: 'Edit stuff', robots: { index: false } };

/** Why the form is shown disabled: the catalog would refuse any change now. */
const LOCKED: Record<Availability, string | null> = {
  AVAILABLE: null,
  RESERVED:
    'A buyer is checking this stuff out right now, so it cannot be edited. Come back once the reservation ends.',
  SOLD: 'This stuff has been sold, so it can no longer be edited.',
};

interface EditStuffPageProps {
  params: Promise<{ id: string }>;
}

/** The seller's edit form; the catalog refuses edits while the stuff is reserved or once sold, and the page says why first. */
export default async function EditStuffPage({ params }: EditStuffPageProps) {
  const { id } = await params;
  const viewer = await requireViewer(`/stuff/${id}/edit`);
  const page = await loadPageData(STUFF, { id });
  if (page.problem?.code === 'NOT_FOUND' || page.problem?.code === 'BAD_USER_INPUT') notFound();
  if (page.problem) {
    return (
      <>
        <h1>Edit stuff</h1>
        <ProblemNotice title="This stuff could not be loaded" problem={page.problem} />
      </>
    );
  }
  const stuff = page.data.stuff;
  if (!stuff) notFound();
  if (stuff.seller.id !== viewer.id) {
    return (
      <>
        <h1>Edit stuff</h1>
        <p className="notice">Only the seller can edit this stuff.</p>
        <p>
          <Link href={`/stuff/${stuff.id}`}>Back to {stuff.title}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Edit {stuff.title}</h1>
      <StuffForm stuff={stuff} locked={LOCKED[stuff.availability]} />
      <p>
        <Link href={`/stuff/${stuff.id}`}>Back to {stuff.title}</Link>
      </p>
    </>
  );
}
