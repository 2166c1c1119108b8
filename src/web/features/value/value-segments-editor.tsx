import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

const SCORES = ['r', 'f', 'm'] as const;

/** The RFM segment rules as an editable table, first match wins (in this order): key, names, ranges. */
export function SegmentsEditor() {
  const { t } = useTranslation();
  return (
    <Form.List name={['rfm', 'segments']}>
      {(fields, { add, remove, move }) => (
        <div style={{ overflowX: 'auto' }}>
          <table style={{ borderCollapse: 'collapse', minWidth: 860 }} data-testid="segments-editor">
            <thead>
              <tr>
                <th style={{ textAlign: 'left' }}>#</th>
                <th style={{ textAlign: 'left' }}>{t('valueSettings.segments.key')}</th>
                <th style={{ textAlign: 'left' }}>{t('valueSettings.segments.nameZh')}</th>
                <th style={{ textAlign: 'left' }}>{t('valueSettings.segments.nameEn')}</th>
                {SCORES.map((s) => (
                  <th key={s} style={{ textAlign: 'left' }}>
                    {s.toUpperCase()}
                  </th>
                ))}
                <th />
              </tr>
            </thead>
            <tbody>
              {fields.map((field, index) => (
                <tr key={field.key}>
                  <td style={{ paddingRight: 8 }}>
                    <Typography.Text type="secondary">{index + 1}</Typography.Text>
                  </td>
                  <td>
                    <Form.Item
                      name={[field.name, 'key']}
                      rules={[{ required: true, message: t('login.required') }]}
                    >
                      <Input
                        aria-label={`${t('valueSettings.segments.key')} ${index + 1}`}
                        style={{ width: 140 }}
                      />
                    </Form.Item>
                  </td>
                  <td>
                    <Form.Item
                      name={[field.name, 'nameZh']}
                      rules={[{ required: true, message: t('login.required') }]}
                    >
                      <Input
                        aria-label={`${t('valueSettings.segments.nameZh')} ${index + 1}`}
                        style={{ width: 110 }}
                      />
                    </Form.Item>
                  </td>
                  <td>
                    <Form.Item
                      name={[field.name, 'nameEn']}
                      rules={[{ required: true, message: t('login.required') }]}
                    >
                      <Input
                        aria-label={`${t('valueSettings.segments.nameEn')} ${index + 1}`}
                        style={{ width: 140 }}
                      />
                    </Form.Item>
                  </td>
                  {SCORES.map((s) => (
                    <td key={s}>
                      <Space.Compact>
                        {[0, 1].map((end) => (
                          <Form.Item key={end} name={[field.name, s, end]} noStyle>
                            <InputNumber
                              min={1}
                              max={5}
                              precision={0}
                              style={{ width: 52 }}
                              aria-label={t(
                                end === 0 ? 'valueSettings.segments.min' : 'valueSettings.segments.max',
                                {
                                  score: s.toUpperCase(),
                                  row: index + 1,
                                },
                              )}
                            />
                          </Form.Item>
                        ))}
                      </Space.Compact>
                    </td>
                  ))}
                  <td>
                    <Space size={0}>
                      <Button
                        type="text"
                        size="small"
                        icon={<ArrowUpOutlined />}
                        disabled={index === 0}
                        aria-label={t('valueSettings.segments.up')}
                        onClick={() => move(index, index - 1)}
                      />
                      <Button
                        type="text"
                        size="small"
                        icon={<ArrowDownOutlined />}
                        disabled={index === fields.length - 1}
                        aria-label={t('valueSettings.segments.down')}
                        onClick={() => move(index, index + 1)}
                      />
                      <Button
                        type="text"
                        size="small"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('valueSettings.segments.remove')}
                        onClick={() => remove(field.name)}
                      />
                    </Space>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Button
            icon={<PlusOutlined />}
            onClick={() => add({ key: '', nameZh: '', nameEn: '', r: [1, 5], f: [1, 5], m: [1, 5] })}
          >
            {t('valueSettings.segments.add')}
          </Button>
          <div>
            <Typography.Text type="secondary">{t('valueSettings.segments.hint')}</Typography.Text>
          </div>
        </div>
      )}
    </Form.List>
  );
}
