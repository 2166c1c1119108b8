import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Checkbox,
  Flex,
  Form,
  Input,
  Radio,
  Select,
  Space,
  Spin,
  Table,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview, ImportRun } from '../../../shared/imports/import-api.schema';
import { IMPORT_FIELDS, type ImportEntity } from '../../../shared/imports/import-fields';
import { ApiError } from '../../lib/api';
import {
  createImportTemplate,
  deleteImportTemplate,
  getImportPreview,
  listImportTemplates,
  runImport,
} from './import-api';
import { useFieldLabel } from './import-labels';

type Mapping = Record<string, string | undefined>;
type Mode = 'all-or-nothing' | 'skip-invalid';

/** The file's columns mapped to the entity's fields (suggested, or from a template), over a preview. */
export function ImportMapping(props: {
  upload: ImportRun;
  entity: ImportEntity;
  locked: boolean;
  onRun(run: ImportRun): void;
}) {
  const { upload, entity } = props;
  const { t } = useTranslation();
  const label = useFieldLabel(entity);
  const client = useQueryClient();
  const [sheet, setSheet] = useState<string | undefined>();
  const preview = useQuery({
    queryKey: ['import-preview', upload.id, entity, sheet],
    queryFn: ({ signal }) => getImportPreview(upload.id, entity, sheet, signal),
  });
  const templates = useQuery({
    queryKey: ['import-templates', entity],
    queryFn: ({ signal }) => listImportTemplates(entity, signal),
  });
  const [mapping, setMapping] = useState<Mapping>({});
  useEffect(() => {
    if (preview.data) setMapping(preview.data.mapping);
  }, [preview.data]);
  const [mode, setMode] = useState<Mode>('all-or-nothing');
  // 查重 runs on customer imports only: merging duplicates is offered there.
  const [mergeDuplicates, setMergeDuplicates] = useState(false);
  const [templateName, setTemplateName] = useState('');
  const fields = IMPORT_FIELDS[entity];

  const run = useMutation({
    mutationFn: (dryRun: boolean) =>
      runImport(upload.id, {
        entity,
        mode: dryRun ? 'dry-run' : mode,
        sheet: preview.data?.sheet ?? sheet,
        mapping: Object.fromEntries(Object.entries(mapping).filter((e): e is [string, string] => !!e[1])),
        ...(entity === 'customers' ? { mergeDuplicates } : {}),
      }),
    onSuccess: props.onRun,
  });
  const saveTemplate = useMutation({
    mutationFn: () =>
      createImportTemplate({
        entity,
        name: templateName,
        mapping: Object.fromEntries(Object.entries(mapping).filter((e): e is [string, string] => !!e[1])),
        ...(entity === 'customers' ? { mergeDuplicates } : {}),
      }),
    onSuccess: () => {
      setTemplateName('');
      void client.invalidateQueries({ queryKey: ['import-templates', entity] });
    },
  });
  const removeTemplate = useMutation({
    mutationFn: deleteImportTemplate,
    onSuccess: () => void client.invalidateQueries({ queryKey: ['import-templates', entity] }),
  });
  const fieldError = (key: string) =>
    run.error instanceof ApiError
      ? run.error.fields.find((f) => f.field === `mapping.${key}`)?.message
      : undefined;
  const fileError =
    run.error instanceof ApiError ? run.error.fields.find((f) => f.field === 'file') : undefined;

  const p = preview.data;
  const columns = useMemo(() => previewColumns(p, fields, mapping, label), [p, fields, mapping, label]);
  if (preview.isPending) return <Spin description={t('common.loading')} />;
  if (preview.isError) return <Alert type="error" showIcon title={preview.error.message} />;
  const sheets = p?.sheets ?? [];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {sheets.length > 1 && (
        <Flex gap="small" align="center">
          <label htmlFor="import-sheet">{t('imports.sheet')}</label>
          <Select
            id="import-sheet"
            style={{ minWidth: 200 }}
            value={p?.sheet ?? sheet}
            placeholder={t('imports.chooseSheet')}
            onChange={setSheet}
            options={sheets.map((s) => ({ value: s, label: s }))}
          />
        </Flex>
      )}
      {p?.problem && <Alert type="error" showIcon title={p.problem.message} />}
      {p && !p.problem && (
        <>
          <Typography.Text type="secondary">
            {p.format === 'csv'
              ? t('imports.fileInfo', { encoding: p.encoding ?? '', columns: p.headers.length })
              : t('imports.fileInfoXlsx', { sheet: p.sheet ?? '', columns: p.headers.length })}
          </Typography.Text>
          <Flex gap="small" wrap align="center">
            <label htmlFor="import-template">{t('imports.template')}</label>
            <Select
              id="import-template"
              style={{ minWidth: 220 }}
              allowClear
              placeholder={t('imports.chooseTemplate')}
              options={(templates.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))}
              onChange={(id) => {
                const chosen = templates.data?.items.find((x) => x.id === id);
                if (chosen) setMapping(chosen.mapping);
              }}
            />
            <Input
              aria-label={t('imports.templateName')}
              placeholder={t('imports.templateName')}
              style={{ width: 200 }}
              value={templateName}
              maxLength={100}
              onChange={(e) => setTemplateName(e.target.value)}
            />
            <Button
              disabled={!templateName.trim()}
              loading={saveTemplate.isPending}
              onClick={() => saveTemplate.mutate()}
            >
              {t('imports.saveTemplate')}
            </Button>
            {(templates.data?.items ?? []).length > 0 && (
              <Select
                aria-label={t('imports.deleteTemplate')}
                placeholder={t('imports.deleteTemplate')}
                style={{ minWidth: 180 }}
                value={null}
                options={(templates.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))}
                onChange={(id) => {
                  const chosen = templates.data?.items.find((x) => x.id === id);
                  if (chosen) removeTemplate.mutate(chosen);
                }}
              />
            )}
          </Flex>
          {saveTemplate.error && <Alert type="error" showIcon title={errorText(saveTemplate.error)} />}
          <Form layout="horizontal" labelCol={{ flex: '180px' }} labelWrap>
            <Flex wrap gap="0 24px">
              {fields.map((f) => (
                <Form.Item
                  key={f.key}
                  label={label(f.key)}
                  htmlFor={`map-${f.key}`}
                  required={f.required}
                  validateStatus={fieldError(f.key) ? 'error' : undefined}
                  help={fieldError(f.key)}
                  style={{ minWidth: 340, marginBottom: 8 }}
                >
                  <Select
                    id={`map-${f.key}`}
                    allowClear
                    placeholder={t('imports.notImported')}
                    value={mapping[f.key] || undefined}
                    onChange={(header?: string) => setMapping((m) => ({ ...m, [f.key]: header }))}
                    options={p.headers.filter(Boolean).map((h) => ({ value: h, label: h }))}
                  />
                </Form.Item>
              ))}
            </Flex>
          </Form>
          {p.extra.length > 0 && (
            <Alert type="info" showIcon title={t('imports.ignored', { columns: p.extra.join('、') })} />
          )}
          <Table
            size="small"
            scroll={{ x: true }}
            pagination={false}
            rowKey="line"
            columns={columns}
            dataSource={p.rows}
            title={() => t('imports.previewTitle', { count: p.rows.length })}
          />
          {fileError && <Alert type="error" showIcon title={fileError.message} />}
          {run.error && !fileError && !(run.error instanceof ApiError && run.error.fields.length) && (
            <Alert type="error" showIcon title={errorText(run.error)} />
          )}
          <Flex gap="middle" wrap align="center">
            <Radio.Group
              value={mode}
              onChange={(e) => setMode(e.target.value)}
              aria-label={t('imports.mode')}
              options={[
                { value: 'all-or-nothing', label: t('imports.modeAllOrNothing') },
                { value: 'skip-invalid', label: t('imports.modeSkipInvalid') },
              ]}
            />
            {entity === 'customers' && (
              <Checkbox
                checked={mergeDuplicates}
                onChange={(e) => setMergeDuplicates(e.target.checked)}
                title={t('imports.mergeDuplicatesHint')}
              >
                {t('imports.mergeDuplicates')}
              </Checkbox>
            )}
            <Button
              disabled={props.locked}
              loading={run.isPending && run.variables}
              onClick={() => run.mutate(true)}
            >
              {t('imports.dryRun')}
            </Button>
            <Button
              type="primary"
              disabled={props.locked}
              loading={run.isPending && !run.variables}
              onClick={() => run.mutate(false)}
            >
              {t('imports.run')}
            </Button>
          </Flex>
        </>
      )}
    </Space>
  );
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** The preview's columns: each mapped field under its label, showing the cell it reads. */
function previewColumns(
  p: ImportPreview | undefined,
  fields: readonly { key: string }[],
  mapping: Mapping,
  label: (key: string) => string,
) {
  if (!p) return [];
  const line = { title: '#', dataIndex: 'line', width: 60 };
  const mapped = fields
    .filter((f) => mapping[f.key] && p.headers.includes(mapping[f.key]!))
    .map((f) => {
      const index = p.headers.indexOf(mapping[f.key]!);
      return {
        title: label(f.key) === mapping[f.key] ? label(f.key) : `${label(f.key)} ← ${mapping[f.key]}`,
        key: f.key,
        render: (_: unknown, row: ImportPreview['rows'][number]) => row.cells[index] ?? '',
      };
    });
  return [line, ...mapped];
}
