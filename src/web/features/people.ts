import { useQuery } from '@tanstack/react-query';
import { listUsers } from './admin/users-api';

/** The workspace's people (everyone may see them: owners and account teams are picked from them). */
export function usePeople() {
  const users = useQuery({
    queryKey: ['people'],
    queryFn: ({ signal }) => listUsers(signal),
    staleTime: 300_000,
  });
  const byId = new Map((users.data?.items ?? []).map((u) => [u.id, u]));
  return { nameOf: (id: number | null | undefined) => (id == null ? '—' : (byId.get(id)?.name ?? `#${id}`)) };
}
