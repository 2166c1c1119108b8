import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DbHandle } from '../db/client';
import { MAX_UPLOAD_BYTES } from '../shared/imports/import-api.schema';
import { createActivities } from './domains/activities';
import { createAuditService } from './domains/audit/audit.service';
import { createAuthRepository } from './domains/auth/auth.repository';
import { createAuthService, type SessionPolicy } from './domains/auth/auth.service';
import { createContacts } from './domains/contacts';
import { createCustomFieldsService } from './domains/custom-fields/custom-fields.service';
import { createCustomerGate } from './domains/customers/customers.access';
import { createCustomerExport } from './domains/customers/customers.export';
import { createCustomersRepository } from './domains/customers/customers.repository';
import { createCustomersService } from './domains/customers/customers.service';
import { createSimilarCustomers } from './domains/customers/customers.similar';
import { createCustomersExportRepository } from './domains/customers/customers-export.repository';
import { createDuplicatesService } from './domains/duplicates';
import { createExportsRepository } from './domains/exports/exports.repository';
import { createExports } from './domains/exports/exports.service';
import { createImportRuns } from './domains/imports/web/import-runs';
import { createImportTemplates } from './domains/imports/web/import-templates';
import { createImportUploads } from './domains/imports/web/import-uploads';
import { createOrders } from './domains/orders';
import { createProducts } from './domains/products';
import { createQuality } from './domains/quality';
import { createSavedViews } from './domains/saved-views';
import { createTasks } from './domains/tasks';
import { createTimelineService } from './domains/timeline/timeline.service';
import { createOrgService } from './domains/users/org.service';
import { createUsersRepository } from './domains/users/users.repository';
import { createUsersService } from './domains/users/users.service';
import { createValue } from './domains/value';
import { createWorkspace } from './domains/workspace';

/** Every domain service, wired to its repository; shared by the HTTP app and the CLI. */
export function createServices(
  handle: DbHandle,
  opts: {
    session?: SessionPolicy /** Where uploaded import files wait. */;
    importsDir?: string;
    /** Failures of background work (the nightly classification, runs after imports). */
    onBackgroundError?: (err: unknown) => void;
  } = {},
) {
  const db = handle.db;
  const auth = createAuthService(createAuthRepository(db), opts.session);
  const gate = createCustomerGate(db, (actor, detail) => auth.logAccessDenied(actor, null, detail));
  const products = createProducts(db);
  const usersRepo = createUsersRepository(db);
  const customersRepo = createCustomersRepository(db);
  const customers = createCustomersService(customersRepo, gate);
  const timeline = createTimelineService(db, customers);
  const exportLookups = createCustomersExportRepository(db);
  const customerExport = createCustomerExport(customersRepo, exportLookups);
  const orders = createOrders(db, gate, products);
  const contacts = createContacts(db, gate);
  const activities = createActivities(db, gate);
  const savedViews = createSavedViews(db);
  const value = createValue(handle, gate, opts.onBackgroundError);
  return {
    auth,
    gate,
    products,
    orders,
    users: createUsersService(usersRepo),
    org: createOrgService(usersRepo, auth.forgetUser),
    customers,
    similarCustomers: createSimilarCustomers(db, customersRepo),
    customerExport,
    timeline,
    contacts,
    activities,
    audit: createAuditService(db, gate),
    customFields: createCustomFieldsService(db),
    workspace: createWorkspace(db, timeline.forgetTimeZone),
    importUploads: createImportUploads(
      opts.importsDir ?? join(tmpdir(), `kehu-imports-${process.pid}`),
      MAX_UPLOAD_BYTES,
    ),
    importRuns: createImportRuns(handle, {
      onImported: (workspaceId) => value.runAfterImport(workspaceId),
    }),
    importTemplates: createImportTemplates(db),
    savedViews,
    exports: createExports({
      customerExport,
      lookups: exportLookups,
      contacts,
      activities,
      products,
      orders,
      savedViews,
      repo: createExportsRepository(db),
    }),
    duplicates: createDuplicatesService(db, customersRepo, gate),
    quality: createQuality(db, gate),
    tasks: createTasks(db, gate),
    value,
  };
}

export type Services = ReturnType<typeof createServices>;
