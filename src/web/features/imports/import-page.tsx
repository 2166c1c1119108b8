import { InboxOutlined } from '@ant-design/icons';
import { Alert, Card, Flex, Progress, Select, Steps, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportRun } from '../../../shared/imports/import-api.schema';
import { IMPORT_ENTITIES, type ImportEntity } from '../../../shared/imports/import-fields';
import { ApiError } from '../../lib/api';
import { uploadImportFile } from './import-api';
import { ImportMapping } from './import-mapping';
import { ImportProgress } from './import-progress';

/**
 * Import in four steps: pick what the file holds and upload it (streamed, with progress), check the
 * column mapping against a preview, try it (dry run), then import it and follow the progress.
 */
export default function ImportPage() {
  const { t } = useTranslation();
  const [entity, setEntity] = useState<ImportEntity>('customers');
  const [uploaded, setUploaded] = useState<ImportRun | null>(null);
  const [uploading, setUploading] = useState<number | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [run, setRun] = useState<ImportRun | null>(null);
  // Each run started gets its own progress panel (a dry run, then the import, of one upload).
  const [attempt, setAttempt] = useState(0);
  const started = (r: ImportRun) => {
    setRun(r);
    setAttempt((a) => a + 1);
  };

  const upload = async (file: File) => {
    setFailure(null);
    setRun(null);
    setUploaded(null);
    setUploading(0);
    try {
      setUploaded(await uploadImportFile(file, setUploading));
    } catch (err) {
      setFailure(err instanceof ApiError ? err.message : String(err));
    } finally {
      setUploading(null);
    }
  };
  const step = run ? (run.mode === 'dry-run' ? 2 : 3) : uploaded ? 1 : 0;

  return (
    <Card title={t('imports.title')}>
      <Steps
        current={step}
        size="small"
        style={{ marginBottom: 24 }}
        items={[
          { title: t('imports.stepFile') },
          { title: t('imports.stepMapping') },
          { title: t('imports.stepDryRun') },
          { title: t('imports.stepImport') },
        ]}
      />
      <Flex gap="middle" wrap align="center" style={{ marginBottom: 16 }}>
        <label htmlFor="import-entity">{t('imports.entity')}</label>
        <Select
          id="import-entity"
          value={entity}
          style={{ minWidth: 200 }}
          disabled={run?.status === 'running'}
          onChange={(value) => {
            setEntity(value);
            setRun(null);
          }}
          options={IMPORT_ENTITIES.map((e) => ({ value: e, label: t(`imports.entities.${e}`) }))}
        />
      </Flex>
      <Upload.Dragger
        accept=".csv,.txt,.tsv,.xlsx"
        multiple={false}
        showUploadList={false}
        disabled={uploading !== null || run?.status === 'running'}
        beforeUpload={(file) => {
          void upload(file);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('imports.drop')}</p>
        <p className="ant-upload-hint">{t('imports.dropHint')}</p>
      </Upload.Dragger>
      {uploading !== null && <Progress percent={uploading} aria-label={t('imports.uploading')} />}
      {failure && <Alert type="error" showIcon title={failure} style={{ marginTop: 16 }} />}
      {uploaded && (
        <>
          <Typography.Paragraph style={{ marginTop: 16 }}>
            {t('imports.uploaded', { name: uploaded.fileName, size: (uploaded.size / 1024).toFixed(1) })}
          </Typography.Paragraph>
          <ImportMapping
            key={`${uploaded.id}-${entity}`}
            upload={uploaded}
            entity={entity}
            locked={run?.status === 'running'}
            onRun={started}
          />
        </>
      )}
      {run && <ImportProgress key={attempt} initial={run} onChange={setRun} />}
    </Card>
  );
}
