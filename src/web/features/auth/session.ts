import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me } from '../../../shared/auth/auth.schema';
import { api } from '../../lib/api';

export const ME_KEY = ['me'] as const;

/** The signed-in user; `null` when nobody is signed in (401). */
export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async () => (await api<{ user: Me | null }>('/auth/session')).user,
    staleTime: 60_000,
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return async () => {
    await api('/auth/logout', { method: 'POST' }).catch(() => {});
    client.clear();
    client.setQueryData(ME_KEY, null);
  };
}

export const signIn = (email: string, password: string) =>
  api<Me>('/auth/login', { method: 'POST', body: { email, password } });
