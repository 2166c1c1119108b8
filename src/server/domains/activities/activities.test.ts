import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../../../db/testing';
import { createTestApp, type TestApp } from '../../testing';
import { recentActivitiesOfCustomer } from './activities.repository';

const drivers = await testDrivers();

type UserKey = keyof TestApp['fx']['users'];
type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

describe.each(drivers)('activities over HTTP on %s', (kind) => {
  let t: TestApp;
  let customerId: number;
  let contactId: number;
  beforeAll(async () => {
    t = await createTestApp(kind);
    customerId = (
      await call('sales', 'POST', '/api/v1/customers', { name: '宁波港口电力设备有限公司' })
    ).json().id;
    contactId = (await call('sales', 'POST', '/api/v1/contacts', { customerId, name: '张伟' })).json().id;
  });
  afterAll(() => t.close());

  const call = (user: UserKey, method: Method, url: string, payload?: unknown, lang = 'en') =>
    t.as(t.fx.users[user], {
      method,
      url,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
      headers: { 'accept-language': lang },
    });
  const log = (payload: Record<string, unknown>, user: UserKey = 'sales', lang = 'en') =>
    call(user, 'POST', '/api/v1/activities', { customerId, type: 'call', subject: 'Call', ...payload }, lang);

  it('records a touch by its author, changes it with a version and audits both', async () => {
    const res = await log({
      type: 'visit',
      direction: 'outbound',
      subject: '拜访采购部，介绍新型号',
      body: '客户关注交期。\n下周报价。',
      outcome: '约定下周报价',
      occurredAt: '2025-03-01T09:30:00+08:00',
      durationMinutes: 90,
      nextFollowUpOn: '2025-03-08',
      contactIds: [contactId, contactId],
    });
    expect(res.statusCode).toBe(201);
    const a = res.json();
    expect(a).toMatchObject({
      customerId,
      authorId: t.fx.users.sales.userId,
      occurredAt: '2025-03-01T01:30:00.000Z',
      nextFollowUpOn: '2025-03-08',
      contactIds: [contactId],
      version: 1,
      deletedAt: null,
    });
    expect((await call('service', 'GET', `/api/v1/activities/${a.id}`)).json()).toEqual(a);
    const upd = await call('sales', 'PATCH', `/api/v1/activities/${a.id}`, {
      version: 1,
      outcome: '已报价',
      contactIds: [],
    });
    expect(upd.json()).toMatchObject({ outcome: '已报价', contactIds: [], version: 2, subject: a.subject });
    const stale = await call('sales', 'PATCH', `/api/v1/activities/${a.id}`, { version: 1, outcome: 'x' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    const audit = (await call('manager', 'GET', `/api/v1/audit/activity/${a.id}`)).json().items;
    expect(audit.map((x: { action: string }) => x.action)).toEqual(['update', 'create']);

    const now = await log({ subject: 'No time given' });
    expect(Math.abs(Date.parse(now.json().occurredAt) - Date.now())).toBeLessThan(60_000);
    const recent = await recentActivitiesOfCustomer(t.db.db, t.fx.workspaceId, customerId, 1);
    expect(recent.map((r) => r.id)).toEqual([now.json().id]);
  });

  it('names bad fields, including a contact of another customer, in both languages', async () => {
    const other = (await call('sales', 'POST', '/api/v1/customers', { name: 'Other Co' })).json().id;
    const stranger = (
      await call('sales', 'POST', '/api/v1/contacts', { customerId: other, name: 'X' })
    ).json();
    const zh = await log({ contactIds: [contactId, stranger.id, 999_999] }, 'sales', 'zh-CN');
    expect(zh.statusCode).toBe(422);
    expect(zh.json().errors).toEqual([
      { field: 'contactIds.1', message: '该联系人不属于此客户。' },
      { field: 'contactIds.2', message: '该联系人不属于此客户。' },
    ]);
    const en = await log({ contactIds: [stranger.id] });
    expect(en.json().errors).toEqual([
      { field: 'contactIds.0', message: 'This contact does not belong to the customer.' },
    ]);
    const bad = await log({
      subject: 'two\nlines',
      occurredAt: '2025-03-01T09:30:00',
      type: 'fax',
      bogus: 1,
    });
    expect(bad.statusCode).toBe(422);
    const errors = bad.json().errors as { field: string; message: string }[];
    expect(errors.map((e) => e.field).sort()).toEqual(['bogus', 'occurredAt', 'subject', 'type']);
    expect(errors.find((e) => e.field === 'subject')!.message).toBe('Must be a single line.');
    const zhSubject = await log({ subject: 'a\nb' }, 'sales', 'zh-CN');
    expect(zhSubject.json().errors[0].message).toBe('只能填写一行。');
    const noCustomer = await call('sales', 'POST', '/api/v1/activities', { type: 'call', subject: 'x' });
    expect(noCustomer.json().errors[0].field).toBe('customerId');
  });

  it('filters by type, author, time and follow-up date, newest first with a keyset cursor', async () => {
    const cust = (await call('sales', 'POST', '/api/v1/customers', { name: 'Timeline Co' })).json().id;
    const at = (d: string) => `2025-04-${d}T10:00:00+08:00`;
    const make = (user: UserKey, type: string, day: string, followUp?: string) =>
      call(user, 'POST', '/api/v1/activities', {
        customerId: cust,
        type,
        subject: `${type} ${day}`,
        occurredAt: at(day),
        nextFollowUpOn: followUp,
      });
    await make('sales', 'call', '01');
    await make('sales', 'email', '02', '2025-04-10');
    await make('service', 'call', '03', '2025-04-20');
    await make('sales', 'visit', '03');
    await make('sales', 'call', '05');
    const list = async (user: UserKey, query: string) =>
      (await call(user, 'GET', `/api/v1/activities?customerId=${cust}&${query}`)).json() as {
        items: { subject: string; customerName: string }[];
        nextCursor: string | null;
      };
    const subjects = async (query: string, user: UserKey = 'admin') =>
      (await list(user, query)).items.map((a) => a.subject);
    expect(await subjects('')).toEqual(['call 05', 'visit 03', 'call 03', 'email 02', 'call 01']);
    expect(await subjects('type=call,email')).toEqual(['call 05', 'call 03', 'email 02', 'call 01']);
    expect(await subjects('authorId=me', 'service')).toEqual(['call 03']);
    expect(await subjects(`authorId=${t.fx.users.service.userId}`)).toEqual(['call 03']);
    const from = encodeURIComponent(at('02'));
    const to = encodeURIComponent(at('03'));
    expect(await subjects(`occurredFrom=${from}&occurredTo=${to}`)).toEqual([
      'visit 03',
      'call 03',
      'email 02',
    ]);
    expect(await subjects('followUpFrom=2025-04-11&followUpTo=2025-04-30')).toEqual(['call 03']);
    expect((await list('sales', 'limit=1')).items[0]?.customerName).toBe('Timeline Co');

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await list('manager', `limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((a) => a.subject));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(await subjects(''));
    const ofCustomer = await call('analyst', 'GET', `/api/v1/customers/${cust}/activities?type=visit`);
    expect(ofCustomer.json().items.map((a: { subject: string }) => a.subject)).toEqual(['visit 03']);
    expect((await call('sales', 'GET', '/api/v1/activities?cursor=zzz')).statusCode).toBe(422);
    expect((await call('sales', 'GET', '/api/v1/activities?type=fax')).statusCode).toBe(422);
  });

  it('names each row’s customer, and nothing of a customer the caller may not see', async () => {
    const mine = (await call('sales', 'POST', '/api/v1/customers', { name: '无锡名称测试有限公司' })).json();
    const theirs = (await call('salesNorth', 'POST', '/api/v1/customers', { name: '北方保密客户' })).json();
    const who = (
      await call('sales', 'POST', '/api/v1/contacts', { customerId: mine.id, name: '赵六' })
    ).json();
    const touch = (user: UserKey, customerId: number, subject: string, contactIds: number[] = []) =>
      call(user, 'POST', '/api/v1/activities', { customerId, type: 'visit', subject, contactIds });
    await touch('sales', mine.id, '拜访甲', [who.id]);
    await touch('salesNorth', theirs.id, '拜访乙');
    type Row = {
      id: number;
      subject: string;
      customerId: number;
      customerName: string;
      customerCode: string;
      contactIds: number[];
    };
    const rows = async (user: UserKey, query = '') =>
      (await call(user, 'GET', `/api/v1/activities?limit=100${query}`)).json().items as Row[];
    const sales = await rows('sales');
    const names = new Map<number, { name: string; code: string }>();
    for (const r of sales) {
      if (!names.has(r.customerId))
        names.set(r.customerId, (await call('admin', 'GET', `/api/v1/customers/${r.customerId}`)).json());
      const c = names.get(r.customerId)!;
      expect([r.subject, r.customerName, r.customerCode]).toEqual([r.subject, c.name, c.code]);
    }
    expect(sales.find((r) => r.subject === '拜访甲')).toEqual(
      expect.objectContaining({
        customerName: '无锡名称测试有限公司',
        customerCode: mine.code,
        contactIds: [who.id],
      }),
    );
    expect(JSON.stringify(sales)).not.toContain('北方保密客户');
    expect(JSON.stringify(sales)).not.toContain(theirs.code);
    const north = await rows('salesNorth');
    expect(north.map((r) => [r.subject, r.customerName, r.customerCode, r.contactIds])).toEqual([
      ['拜访乙', '北方保密客户', theirs.code, []],
    ]);
    expect(await rows('salesNorth', `&customerId=${mine.id}`)).toEqual([]);
    expect(await rows('otherSales')).toEqual([]);
    const ofCustomer = await call('service', 'GET', `/api/v1/customers/${theirs.id}/activities`);
    expect(ofCustomer.json().items).toMatchObject([{ subject: '拜访乙', customerName: '北方保密客户' }]);
    // A list row is the touch as read alone, plus its customer's name and code.
    const one = sales.find((r) => r.subject === '拜访甲')!;
    const { customerName: _n, customerCode: _c, ...touchOnly } = one;
    expect((await call('sales', 'GET', `/api/v1/activities/${one.id}`)).json()).toEqual(touchOnly);
  });

  it('lists the touches one contact took part in, to those who may see its customer', async () => {
    const cust = (await call('sales', 'POST', '/api/v1/customers', { name: 'Contact Filter Co' })).json().id;
    const [li, wang] = await Promise.all(
      ['李明', '王芳'].map(
        async (name) =>
          (await call('sales', 'POST', '/api/v1/contacts', { customerId: cust, name })).json().id,
      ),
    );
    const make = async (subject: string, day: string, contactIds: number[]) =>
      (
        await call('sales', 'POST', '/api/v1/activities', {
          customerId: cust,
          type: 'call',
          subject,
          occurredAt: `2025-05-${day}T10:00:00+08:00`,
          contactIds,
        })
      ).json().id as number;
    await make('both', '01', [li, wang]);
    await make('li only', '02', [li]);
    await make('wang only', '03', [wang]);
    await make('nobody', '04', []);
    const gone = await make('li, deleted', '05', [li]);
    expect((await call('sales', 'DELETE', `/api/v1/activities/${gone}`)).statusCode).toBe(204);
    const subjects = async (user: UserKey, query: string) => {
      const res = await call(user, 'GET', `/api/v1/activities?${query}`);
      expect(res.statusCode).toBe(200);
      return res.json().items.map((a: { subject: string }) => a.subject) as string[];
    };
    expect(await subjects('sales', `contactId=${li}`)).toEqual(['li only', 'both']);
    expect(await subjects('manager', `contactId=${wang}`)).toEqual(['wang only', 'both']);
    expect(await subjects('sales', `contactId=${li}&type=email`)).toEqual([]);
    // Paged by the same cursor as the unfiltered list.
    const first = (await call('sales', 'GET', `/api/v1/activities?contactId=${li}&limit=1`)).json();
    expect(first.items.map((a: { subject: string }) => a.subject)).toEqual(['li only']);
    const next = await subjects('sales', `contactId=${li}&limit=1&cursor=${first.nextCursor}`);
    expect(next).toEqual(['both']);
    // The customer's own touches list takes the filter too.
    const ofCustomer = await call('analyst', 'GET', `/api/v1/customers/${cust}/activities?contactId=${wang}`);
    expect(ofCustomer.json().items.map((a: { subject: string }) => a.subject)).toEqual(['wang only', 'both']);
    // Someone who may not see the customer learns nothing about its contact's touches.
    for (const user of ['salesNorth', 'managerNorth', 'sales2', 'otherAdmin', 'otherSales'] as const)
      expect(await subjects(user, `contactId=${li}`), user).toEqual([]);
    expect((await call('sales', 'GET', '/api/v1/activities?contactId=abc')).statusCode).toBe(422);
  });

  it('lets the author, an admin or the branch manager edit and delete; service logs touches', async () => {
    const a = (await log({ subject: 'By sales' })).json();
    const team = await call('sales', 'GET', `/api/v1/customers/${customerId}`);
    await call('sales', 'PATCH', `/api/v1/customers/${customerId}`, {
      version: team.json().version,
      team: [{ userId: t.fx.users.sales2.userId, role: 'support' }],
    });
    const bySales2 = await call('sales2', 'PATCH', `/api/v1/activities/${a.id}`, {
      version: 1,
      outcome: 'x',
    });
    expect(bySales2.statusCode).toBe(403);
    expect(bySales2.json().code).toBe('not_activity_author');
    expect((await call('sales2', 'GET', `/api/v1/activities/${a.id}`)).statusCode).toBe(200);
    const byManager = await call('manager', 'PATCH', `/api/v1/activities/${a.id}`, {
      version: 1,
      outcome: 'm',
    });
    expect(byManager.json()).toMatchObject({ outcome: 'm', authorId: t.fx.users.sales.userId });

    const svc = await log({ subject: 'Service call', type: 'call', direction: 'inbound' }, 'service');
    expect(svc.statusCode).toBe(201);
    expect(svc.json().authorId).toBe(t.fx.users.service.userId);
    const svcEdit = await call('service', 'PATCH', `/api/v1/activities/${svc.json().id}`, { version: 1 });
    expect(svcEdit.statusCode).toBe(200);
    const svcOnOthers = await call('service', 'PATCH', `/api/v1/activities/${a.id}`, { version: 2 });
    expect(svcOnOthers.statusCode).toBe(403);
    expect((await call('service', 'POST', '/api/v1/contacts', { customerId, name: 'No' })).statusCode).toBe(
      403,
    );

    expect((await log({ subject: 'Nope' }, 'analyst')).statusCode).toBe(403);
    const analystEdit = await call('analyst', 'PATCH', `/api/v1/activities/${a.id}`, { version: 2 });
    expect(analystEdit.statusCode).toBe(403);

    expect((await call('sales2', 'DELETE', `/api/v1/activities/${a.id}`)).statusCode).toBe(403);
    expect((await call('admin', 'DELETE', `/api/v1/activities/${a.id}?version=1`)).statusCode).toBe(409);
    expect((await call('admin', 'DELETE', `/api/v1/activities/${a.id}?version=2`)).statusCode).toBe(204);
    expect((await call('sales', 'GET', `/api/v1/activities/${a.id}`)).statusCode).toBe(404);
    expect((await call('sales', 'DELETE', `/api/v1/activities/${a.id}`)).statusCode).toBe(404);
    const list = await call('sales', 'GET', `/api/v1/customers/${customerId}/activities?limit=200`);
    expect(list.json().items.map((x: { id: number }) => x.id)).not.toContain(a.id);
    const audit = (await call('admin', 'GET', `/api/v1/audit/activity/${a.id}`)).json().items;
    expect(audit.map((x: { action: string }) => x.action)).toEqual(['delete', 'update', 'create']);
  });

  it('hides touches of customers the user may not see and refuses writes on a deleted customer', async () => {
    const cust = (await call('sales', 'POST', '/api/v1/customers', { name: 'Hidden Co' })).json().id;
    const a = (
      await call('sales', 'POST', '/api/v1/activities', {
        customerId: cust,
        type: 'note',
        subject: 'Secret plan',
      })
    ).json();
    const calls: [Method, string, unknown?][] = [
      ['GET', `/api/v1/activities/${a.id}`],
      ['PATCH', `/api/v1/activities/${a.id}`, { version: 1, outcome: 'x' }],
      ['DELETE', `/api/v1/activities/${a.id}`],
      ['GET', `/api/v1/customers/${cust}/activities`],
      ['POST', '/api/v1/activities', { customerId: cust, type: 'call', subject: 'Sneaky' }],
    ];
    for (const user of ['salesNorth', 'managerNorth', 'sales2', 'otherAdmin', 'otherSales'] as const) {
      for (const [method, url, payload] of calls) {
        const res = await call(user, method, url, payload);
        expect(res.statusCode, `${user} ${method} ${url}`).toBe(404);
        expect(res.body).not.toContain('Secret');
      }
      for (const q of ['', `customerId=${cust}`, 'type=note']) {
        const list = await call(user, 'GET', `/api/v1/activities?${q}`);
        expect(list.body, `${user} ${q}`).not.toContain('Secret');
      }
    }
    expect((await call('sales', 'DELETE', `/api/v1/customers/${cust}`)).statusCode).toBe(204);
    const add = await call('service', 'POST', '/api/v1/activities', {
      customerId: cust,
      type: 'call',
      subject: 'x',
    });
    expect(add.statusCode).toBe(409);
    expect(add.json().code).toBe('activity_customer_deleted');
    const edit = await call(
      'sales',
      'PATCH',
      `/api/v1/activities/${a.id}`,
      { version: 1, outcome: 'x' },
      'zh-CN',
    );
    expect(edit.json()).toMatchObject({ code: 'activity_customer_deleted', status: 409 });
    expect((await call('sales', 'GET', '/api/v1/activities?type=note')).body).not.toContain('Secret');
    const kept = await call('sales', 'GET', `/api/v1/customers/${cust}/activities`);
    expect(kept.json().items.map((x: { id: number }) => x.id)).toEqual([a.id]);
  });

  it('publishes its schemas in the OpenAPI document', async () => {
    const doc = (await t.as(null, { method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['Activity', 'ActivityListItem', 'CreateActivity', 'UpdateActivity']),
    );
    expect(doc.paths['/api/v1/customers/{id}/activities']).toBeDefined();
  });
});
