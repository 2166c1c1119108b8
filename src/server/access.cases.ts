/** The access suite's table: every API route, how to reach the hidden object, and what it may show. */
export const SECRET = 'SECRET-7f3a';

export type Ids = {
  user: number;
  customer: number;
  contact: number;
  activity: number;
  order: number;
  product: number;
  field: number;
  token: number;
  view: number;
  /** A second customer of the rep's (sharing the hidden customer's contact e-mail: a duplicate pair). */
  twin: number;
  merge: number;
  upload: string;
  template: number;
  task: number;
  matrix: number;
  policy: number;
  run: number;
};
export type Case = {
  /**
   * customer: hangs off the hidden customer; owner: belongs to the user who made it (a saved view), so
   * anyone else must get 404; workspace: any user of another workspace must get 404; named: 查重, which
   * by design tells the same workspace a look-alike's code, name and owner (never its id or anything
   * else) and another workspace nothing.
   */
  scope: 'customer' | 'owner' | 'workspace' | 'list' | 'self' | 'named';
  path: (ids: Ids) => string;
  body?: (ids: Ids) => object;
};

const v1 = { version: 1 };
export const CASES: Record<string, Case> = {
  'GET /api/v1/customers': { scope: 'list', path: () => `/api/v1/customers?q=${SECRET}` },
  'GET /api/v1/contacts': { scope: 'list', path: () => '/api/v1/contacts' },
  'GET /api/v1/activities': { scope: 'list', path: () => '/api/v1/activities' },
  'GET /api/v1/orders': { scope: 'list', path: () => '/api/v1/orders' },
  'GET /api/v1/customers/export.csv': {
    scope: 'list',
    path: () => `/api/v1/customers/export.csv?q=${SECRET}`,
  },
  'GET /api/v1/customers/export': {
    scope: 'list',
    path: () => `/api/v1/customers/export?format=csv&q=${SECRET}`,
  },
  'GET /api/v1/contacts/export': { scope: 'list', path: () => '/api/v1/contacts/export' },
  'GET /api/v1/activities/export': { scope: 'list', path: () => '/api/v1/activities/export' },
  'GET /api/v1/orders/export': { scope: 'list', path: () => '/api/v1/orders/export' },
  'GET /api/v1/products/export': { scope: 'list', path: () => '/api/v1/products/export' },
  'GET /api/v1/customers/export?view': {
    scope: 'owner',
    path: (i) => `/api/v1/customers/export?view=${i.view}`,
  },
  'GET /api/v1/customers/similar': {
    scope: 'named',
    path: () => `/api/v1/customers/similar?name=${SECRET}%20秘密客户有限公司`,
  },
  'GET /api/v1/saved-views': { scope: 'list', path: () => '/api/v1/saved-views?list=customers' },
  'GET /api/v1/duplicates': { scope: 'list', path: () => '/api/v1/duplicates?minScore=0' },
  'GET /api/v1/duplicates/merges': { scope: 'list', path: () => '/api/v1/duplicates/merges' },
  'POST /api/v1/duplicates/dismiss': {
    scope: 'customer',
    path: () => '/api/v1/duplicates/dismiss',
    body: (i) => ({ customerA: i.customer, customerB: i.twin }),
  },
  'POST /api/v1/duplicates/merge': {
    scope: 'customer',
    path: () => '/api/v1/duplicates/merge',
    body: (i) => ({ survivorId: i.twin, mergedId: i.customer, versions: { survivor: 2, merged: 1 } }),
  },
  'POST /api/v1/duplicates/merges/:id/undo': {
    scope: 'customer',
    path: (i) => `/api/v1/duplicates/merges/${i.merge}/undo`,
  },
  'PATCH /api/v1/saved-views/:id': {
    scope: 'owner',
    path: (i) => `/api/v1/saved-views/${i.view}`,
    body: () => ({ ...v1, name: 'x' }),
  },
  'DELETE /api/v1/saved-views/:id': { scope: 'owner', path: (i) => `/api/v1/saved-views/${i.view}` },
  'GET /api/v1/customers/:id': { scope: 'customer', path: (i) => `/api/v1/customers/${i.customer}` },
  'PATCH /api/v1/customers/:id': {
    scope: 'customer',
    path: (i) => `/api/v1/customers/${i.customer}`,
    body: () => ({ ...v1, city: 'x' }),
  },
  'DELETE /api/v1/customers/:id': { scope: 'customer', path: (i) => `/api/v1/customers/${i.customer}` },
  'POST /api/v1/customers/:id/restore': {
    scope: 'customer',
    path: (i) => `/api/v1/customers/${i.customer}/restore`,
  },
  'GET /api/v1/customers/:id/contacts': {
    scope: 'customer',
    path: (i) => `/api/v1/customers/${i.customer}/contacts`,
  },
  'GET /api/v1/customers/:id/activities': {
    scope: 'customer',
    path: (i) => `/api/v1/customers/${i.customer}/activities`,
  },
  'GET /api/v1/customers/:id/orders': {
    scope: 'customer',
    path: (i) => `/api/v1/customers/${i.customer}/orders`,
  },
  'GET /api/v1/customers/:id/revenue-by-month': {
    scope: 'customer',
    path: (i) => `/api/v1/customers/${i.customer}/revenue-by-month`,
  },
  'GET /api/v1/customers/:id/timeline': {
    scope: 'customer',
    path: (i) => `/api/v1/customers/${i.customer}/timeline`,
  },
  'GET /api/v1/customers/:id/360': { scope: 'customer', path: (i) => `/api/v1/customers/${i.customer}/360` },
  'GET /api/v1/customers/:id/quality': {
    scope: 'customer',
    path: (i) => `/api/v1/customers/${i.customer}/quality`,
  },
  'GET /api/v1/quality/summary': { scope: 'list', path: () => '/api/v1/quality/summary?groupBy=owner' },
  'GET /api/v1/quality/issues': { scope: 'list', path: () => '/api/v1/quality/issues' },
  // The value dashboard's aggregate charts: the whole workspace, like a run's summary (no customer named).
  'GET /api/v1/value/charts/pareto': { scope: 'self', path: () => '' },
  'GET /api/v1/value/charts/rfm-grid': { scope: 'self', path: () => '' },
  'GET /api/v1/value/charts/clv-by-tier': { scope: 'self', path: () => '' },
  'POST /api/v1/contacts': {
    scope: 'customer',
    path: () => '/api/v1/contacts',
    body: (i) => ({ customerId: i.customer, name: '张三' }),
  },
  'GET /api/v1/contacts/:id': { scope: 'customer', path: (i) => `/api/v1/contacts/${i.contact}` },
  'PATCH /api/v1/contacts/:id': {
    scope: 'customer',
    path: (i) => `/api/v1/contacts/${i.contact}`,
    body: () => ({ ...v1, title: 'x' }),
  },
  'DELETE /api/v1/contacts/:id': { scope: 'customer', path: (i) => `/api/v1/contacts/${i.contact}` },
  'POST /api/v1/contacts/:id/restore': {
    scope: 'customer',
    path: (i) => `/api/v1/contacts/${i.contact}/restore`,
  },
  'POST /api/v1/activities': {
    scope: 'customer',
    path: () => '/api/v1/activities',
    body: (i) => ({ customerId: i.customer, type: 'call', subject: 'x' }),
  },
  'GET /api/v1/activities/:id': { scope: 'customer', path: (i) => `/api/v1/activities/${i.activity}` },
  'PATCH /api/v1/activities/:id': {
    scope: 'customer',
    path: (i) => `/api/v1/activities/${i.activity}`,
    body: () => ({ ...v1, subject: 'x' }),
  },
  'DELETE /api/v1/activities/:id': { scope: 'customer', path: (i) => `/api/v1/activities/${i.activity}` },
  'POST /api/v1/orders': {
    scope: 'customer',
    path: () => '/api/v1/orders',
    body: (i) => ({
      customerId: i.customer,
      orderedAt: '2026-01-05',
      lines: [{ description: 'x', quantity: '1', unitPrice: '1' }],
    }),
  },
  'GET /api/v1/orders/:id': { scope: 'customer', path: (i) => `/api/v1/orders/${i.order}` },
  'PATCH /api/v1/orders/:id': {
    scope: 'customer',
    path: (i) => `/api/v1/orders/${i.order}`,
    body: () => ({ ...v1, notes: 'x' }),
  },
  'DELETE /api/v1/orders/:id': { scope: 'customer', path: (i) => `/api/v1/orders/${i.order}` },
  'GET /api/v1/audit/:entity/:id': { scope: 'customer', path: (i) => `/api/v1/audit/customer/${i.customer}` },
  'GET /api/v1/products': { scope: 'list', path: () => '/api/v1/products' },
  'GET /api/v1/products/:id': { scope: 'workspace', path: (i) => `/api/v1/products/${i.product}` },
  'PATCH /api/v1/products/:id': {
    scope: 'workspace',
    path: (i) => `/api/v1/products/${i.product}`,
    body: () => ({ ...v1, name: 'x' }),
  },
  'GET /api/v1/custom-fields': { scope: 'list', path: () => '/api/v1/custom-fields' },
  'PATCH /api/v1/custom-fields/:id': {
    scope: 'workspace',
    path: (i) => `/api/v1/custom-fields/${i.field}`,
    body: () => ({ ...v1, labelEn: 'x' }),
  },
  'GET /api/v1/users': { scope: 'list', path: () => '/api/v1/users' },
  'GET /api/v1/branches': { scope: 'list', path: () => '/api/v1/branches' },
  'GET /api/v1/teams': { scope: 'list', path: () => '/api/v1/teams' },
  'PATCH /api/v1/users/:id': {
    scope: 'workspace',
    path: (i) => `/api/v1/users/${i.user}`,
    body: () => ({ ...v1, name: 'x' }),
  },
  'POST /api/v1/users/:id/password': {
    scope: 'workspace',
    path: (i) => `/api/v1/users/${i.user}/password`,
    body: () => ({ password: `${SECRET} new password` }),
  },
  'GET /api/v1/auth/tokens': { scope: 'list', path: () => '/api/v1/auth/tokens' },
  'DELETE /api/v1/auth/tokens/:id': { scope: 'workspace', path: (i) => `/api/v1/auth/tokens/${i.token}` },
  // Acting on oneself or creating in one's own workspace: there is no one else's object to reach.
  'POST /api/v1/auth/login': { scope: 'self', path: () => '' },
  'POST /api/v1/auth/logout': { scope: 'self', path: () => '' },
  'GET /api/v1/auth/me': { scope: 'self', path: () => '' },
  'GET /api/v1/auth/session': { scope: 'self', path: () => '' },
  'PATCH /api/v1/auth/me': { scope: 'self', path: () => '' },
  'POST /api/v1/auth/tokens': { scope: 'self', path: () => '' },
  'POST /api/v1/users': { scope: 'self', path: () => '' },
  'POST /api/v1/branches': { scope: 'self', path: () => '' },
  'POST /api/v1/teams': { scope: 'self', path: () => '' },
  'POST /api/v1/customers': { scope: 'self', path: () => '' },
  'POST /api/v1/products': { scope: 'self', path: () => '' },
  'POST /api/v1/custom-fields': { scope: 'self', path: () => '' },
  // The caller's own workspace: there is no other one to reach (workspace.test.ts checks who may change it).
  'GET /api/v1/workspace': { scope: 'self', path: () => '' },
  'PATCH /api/v1/workspace': { scope: 'self', path: () => '' },
  'POST /api/v1/saved-views': { scope: 'self', path: () => '' },
  // The workspace's own data-quality rules (quality.test.ts checks who may change them).
  'GET /api/v1/quality/settings': { scope: 'self', path: () => '' },
  'PATCH /api/v1/quality/settings': { scope: 'self', path: () => '' },
  'POST /api/v1/imports': { scope: 'self', path: () => '' },
  'GET /api/v1/imports/:id': { scope: 'owner', path: (i) => `/api/v1/imports/${i.upload}` },
  'GET /api/v1/imports/:id/preview': {
    scope: 'owner',
    path: (i) => `/api/v1/imports/${i.upload}/preview?entity=customers`,
  },
  'POST /api/v1/imports/:id/run': {
    scope: 'owner',
    path: (i) => `/api/v1/imports/${i.upload}/run`,
    body: () => ({
      entity: 'customers',
      mode: 'all-or-nothing',
      mapping: { customer_code: 'code', name: 'name' },
    }),
  },
  'GET /api/v1/imports/:id/issues': { scope: 'owner', path: (i) => `/api/v1/imports/${i.upload}/issues` },
  'GET /api/v1/imports/:id/report': { scope: 'owner', path: (i) => `/api/v1/imports/${i.upload}/report` },
  'GET /api/v1/import-templates': { scope: 'list', path: () => '/api/v1/import-templates?entity=customers' },
  'POST /api/v1/import-templates': { scope: 'self', path: () => '' },
  'GET /api/v1/tasks': { scope: 'list', path: () => '/api/v1/tasks?status=all' },
  'GET /api/v1/tasks/mine': { scope: 'list', path: () => '/api/v1/tasks/mine' },
  'POST /api/v1/tasks': {
    scope: 'customer',
    path: () => '/api/v1/tasks',
    body: (i) => ({ title: 'x', dueOn: '2030-01-01', customerId: i.customer }),
  },
  'GET /api/v1/tasks/:id': { scope: 'owner', path: (i) => `/api/v1/tasks/${i.task}` },
  'PATCH /api/v1/tasks/:id': {
    scope: 'owner',
    path: (i) => `/api/v1/tasks/${i.task}`,
    body: () => ({ ...v1, done: true }),
  },
  'DELETE /api/v1/tasks/:id': { scope: 'owner', path: (i) => `/api/v1/tasks/${i.task}?version=1` },
  // 价值分析: the workspace's configuration and runs; customer-level reads are visibility-filtered.
  'GET /api/v1/value/settings': { scope: 'self', path: () => '' },
  'PUT /api/v1/value/settings': { scope: 'self', path: () => '' },
  'GET /api/v1/value/matrices': { scope: 'list', path: () => '/api/v1/value/matrices' },
  'POST /api/v1/value/matrices': { scope: 'self', path: () => '' },
  'GET /api/v1/value/matrices/:id': { scope: 'workspace', path: (i) => `/api/v1/value/matrices/${i.matrix}` },
  'PATCH /api/v1/value/matrices/:id': {
    scope: 'workspace',
    path: (i) => `/api/v1/value/matrices/${i.matrix}`,
    body: () => ({ ...v1, active: false }),
  },
  'DELETE /api/v1/value/matrices/:id': {
    scope: 'workspace',
    path: (i) => `/api/v1/value/matrices/${i.matrix}?version=1`,
  },
  'GET /api/v1/value/policies': { scope: 'list', path: () => '/api/v1/value/policies' },
  'POST /api/v1/value/policies': { scope: 'self', path: () => '' },
  'GET /api/v1/value/policies/:id': { scope: 'workspace', path: (i) => `/api/v1/value/policies/${i.policy}` },
  'PATCH /api/v1/value/policies/:id': {
    scope: 'workspace',
    path: (i) => `/api/v1/value/policies/${i.policy}`,
    body: () => ({ ...v1, visitIntervalDays: 5 }),
  },
  'DELETE /api/v1/value/policies/:id': {
    scope: 'workspace',
    path: (i) => `/api/v1/value/policies/${i.policy}?version=1`,
  },
  'GET /api/v1/value/summary': { scope: 'list', path: () => '/api/v1/value/summary' },
  'GET /api/v1/value/runs': { scope: 'list', path: () => '/api/v1/value/runs' },
  'POST /api/v1/value/runs': { scope: 'self', path: () => '' },
  'GET /api/v1/value/runs/:id': { scope: 'workspace', path: (i) => `/api/v1/value/runs/${i.run}` },
  'GET /api/v1/customers/:id/value': {
    scope: 'customer',
    path: (i) => `/api/v1/customers/${i.customer}/value`,
  },
  'GET /api/v1/value/lists': { scope: 'list', path: () => '/api/v1/value/lists?kind=high_potential' },
  'GET /api/v1/value/breaches': { scope: 'list', path: () => '/api/v1/value/breaches' },
  'GET /api/v1/value/migration': { scope: 'list', path: () => '/api/v1/value/migration' },
  'GET /api/v1/value/projection': { scope: 'list', path: () => '/api/v1/value/projection' },
  'GET /api/v1/value/expected-value': { scope: 'list', path: () => '/api/v1/value/expected-value' },
  // Opens tasks for the breaches of the customers the caller may see (value-runs.test.ts checks that).
  'POST /api/v1/value/breaches/tasks': { scope: 'self', path: () => '' },
  'GET /api/v1/value/model': { scope: 'list', path: () => '/api/v1/value/model' },
  // Workspace-wide aggregates of the caller's own workspace (value-churn.test.ts checks the roles).
  'POST /api/v1/value/model-check': { scope: 'self', path: () => '' },
  'GET /api/v1/value/churn': { scope: 'list', path: () => '/api/v1/value/churn?list=at_risk' },
  // Opens tasks for the listed customers the caller may see (value-churn.test.ts checks that).
  'POST /api/v1/value/churn/tasks': { scope: 'self', path: () => '' },
  'DELETE /api/v1/import-templates/:id': {
    scope: 'owner',
    path: (i) => `/api/v1/import-templates/${i.template}?version=1`,
  },
};
