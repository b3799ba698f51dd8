import { PageLoading } from '../../../components/page-loading';
import { OrderListSkeleton } from '../../../components/skeletons';

export default function Loading() {
  return (
    <PageLoading title="My orders">
      <OrderListSkeleton />
    </PageLoading>
  );
}
