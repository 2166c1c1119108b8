import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Space } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * A record edited as rows of (key, number): product prospects per category (1–5) or industry growth
 * per industry (%/year).
 */
export function PairsEditor(props: {
  name: 'productProspects' | 'industryGrowth';
  keyLabel: string;
  valueLabel: string;
  min: number;
  max: number;
  suffix?: string;
}) {
  const { t } = useTranslation();
  return (
    <Form.List name={props.name}>
      {(fields, { add, remove }) => (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {fields.map((field, index) => (
            <Space key={field.key} align="start">
              <Form.Item name={[field.name, 'key']} noStyle>
                <Input
                  style={{ width: 180 }}
                  placeholder={props.keyLabel}
                  aria-label={`${props.keyLabel} ${index + 1}`}
                />
              </Form.Item>
              <Form.Item name={[field.name, 'value']} noStyle>
                <InputNumber
                  min={props.min}
                  max={props.max}
                  suffix={props.suffix}
                  style={{ width: 130 }}
                  placeholder={props.valueLabel}
                  aria-label={`${props.valueLabel} ${index + 1}`}
                />
              </Form.Item>
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('valueSettings.segments.remove')}
                onClick={() => remove(field.name)}
              />
            </Space>
          ))}
          <Button size="small" icon={<PlusOutlined />} onClick={() => add({ key: '', value: null })}>
            {t('valueSettings.factors.add')}
          </Button>
        </Space>
      )}
    </Form.List>
  );
}
