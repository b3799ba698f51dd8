import { PageLoading } from '../../components/page-loading';
import { StuffListSkeleton } from '../../components/skeletons';

export default function Loading() {
  return (
    <PageLoading title="My stuff">
      <StuffListSkeleton />
    </PageLoading>
  );
}
