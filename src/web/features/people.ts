import { useQuery } from '@tanstack/react-query';
import { listUsers } from './admin/users-api';

/** The workspace's people (everyone may see them: owners and account teams are picked from them). */
export function usePeople() {
  const users = useQuery({
    queryKey: ['people'],
    queryFn: ({ signal }) => listUsers(signal),
    staleTime: 300_000,
  });
  const all = users.data?.items ?? [];
  const byId = new Map(all.map((u) => [u.id, u]));
  return {
    /** Who can be picked as owner or team member: active people, by name. */
    options: all.filter((u) => u.active).map((u) => ({ value: u.id, label: u.name })),
    nameOf: (id: number | null | undefined) => (id == null ? '—' : (byId.get(id)?.name ?? `#${id}`)),
  };
}
