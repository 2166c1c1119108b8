import { DownloadOutlined, FileExcelOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  EXPORT_FILTER_SCHEMAS,
  type ExportEntity,
  type ExportFormat,
} from '../../../shared/exports/export.schema';
import { queryString } from '../../lib/api';
import { currentLocale } from '../../lib/i18n';

/** The URL parameters of `list` that its export takes: its filters, search and sort, never the paging. */
const filterKeys = (list: ExportEntity) => Object.keys(EXPORT_FILTER_SCHEMAS[list].shape);

/** The address of the list's export as the URL filters it now (a saved view's query is in the URL). */
export function exportHref(
  list: ExportEntity,
  params: URLSearchParams,
  format: ExportFormat,
  lang: string,
  extra: Record<string, string> = {},
) {
  const query: Record<string, string> = {};
  for (const key of filterKeys(list)) {
    const value = params.get(key);
    if (value) query[key] = value;
  }
  return `/api/v1/${list}/export${queryString({ ...query, ...extra, format, lang })}`;
}

/**
 * Export the list as it is filtered now, as Excel or CSV: two plain links (the session cookie goes along
 * and the browser streams the file to disk), the header in the user's language. Orders also offer their
 * lines (one row per order line) as Excel.
 */
export function ExportButtons({ list, lines = false }: { list: ExportEntity; lines?: boolean }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const lang = currentLocale();
  return (
    <Space.Compact>
      <Button icon={<FileExcelOutlined />} href={exportHref(list, params, 'xlsx', lang)} download>
        {t('exports.xlsx')}
      </Button>
      <Button icon={<DownloadOutlined />} href={exportHref(list, params, 'csv', lang)} download>
        {t('exports.csv')}
      </Button>
      {lines && (
        <Button
          icon={<FileExcelOutlined />}
          href={exportHref(list, params, 'xlsx', lang, { lines: 'true' })}
          download
        >
          {t('exports.lines')}
        </Button>
      )}
    </Space.Compact>
  );
}
