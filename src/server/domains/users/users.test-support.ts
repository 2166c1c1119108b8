import type { TestApp } from '../../testing';

/** The calls the users tests make; `app` answers the suite's app once `beforeAll` has made it. */
export function userCalls(app: () => TestApp) {
  return {
    /** A user as the users list shows them (read as the analyst, whom no test here changes). */
    userRow: async (id: number) =>
      (await app().as(app().fx.users.analyst, { method: 'GET', url: '/api/v1/users' }))
        .json()
        .items.find((u: { id: number }) => u.id === id),
    login: (email: string, password: string) =>
      app().app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } }),
    cookieOf: (res: { cookies: { name: string; value: string }[] }) =>
      res.cookies.find((c) => c.name === 'kehu_session')!.value,
    meWith: (auth: { cookie?: string; token?: string }) =>
      app().app.inject({
        method: 'GET',
        url: '/api/v1/auth/me',
        ...(auth.cookie ? { cookies: { kehu_session: auth.cookie } } : {}),
        ...(auth.token ? { headers: { authorization: `Bearer ${auth.token}` } } : {}),
      }),
  };
}
