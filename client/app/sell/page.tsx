import type { Metadata } from 'next';
import { StuffForm } from '../../components/stuff-form';
import { requireViewer } from '../../lib/viewer';

export const metadata: Metadata = { title: 'Sell something', robots: { index: false } };

export default async function SellPage() {
  await requireViewer('/sell');
  return (
    <>
      <h1>Sell something</h1>
      <StuffForm />
    </>
  );
}
