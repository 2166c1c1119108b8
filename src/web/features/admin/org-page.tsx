import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Form, Input, Row, Select, Table } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { TeamSchema } from '../../../shared/users/user.schema';
import { api } from '../../lib/api';
import { useFormSave } from '../../lib/form-errors';
import type { Wire } from '../../lib/wire';
import { FormModal } from '../../ui/form-modal';
import { type Branch, listBranches } from './users-api';

type Team = Wire<z.infer<typeof TeamSchema>>;
type BranchValues = { code: string; name: string };
type TeamValues = { branchId: number; name: string };

/** The organisation (admin): branches (分公司) and their teams. */
export default function OrgPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const branches = useQuery({
    queryKey: ['admin', 'branches'],
    queryFn: ({ signal }) => listBranches(signal),
  });
  const teams = useQuery({
    queryKey: ['admin', 'teams'],
    queryFn: ({ signal }) => api<{ items: Team[] }>('/teams', { signal }),
  });
  const [adding, setAdding] = useState<'branch' | 'team' | null>(null);
  const branchName = (id: number) => branches.data?.items.find((b) => b.id === id)?.name ?? `#${id}`;
  const refresh = () => client.invalidateQueries({ queryKey: ['admin'] });
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Card
          title={t('org.branches')}
          extra={
            <Button icon={<PlusOutlined />} onClick={() => setAdding('branch')}>
              {t('org.newBranch')}
            </Button>
          }
        >
          <Table<Branch>
            rowKey="id"
            size="small"
            loading={branches.isFetching}
            dataSource={branches.data?.items ?? []}
            pagination={false}
            columns={[
              { title: t('customers.code'), dataIndex: 'code', width: 120 },
              { title: t('org.name'), dataIndex: 'name' },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card
          title={t('org.teams')}
          extra={
            <Button icon={<PlusOutlined />} onClick={() => setAdding('team')}>
              {t('org.newTeam')}
            </Button>
          }
        >
          <Table<Team>
            rowKey="id"
            size="small"
            loading={teams.isFetching}
            dataSource={teams.data?.items ?? []}
            pagination={false}
            columns={[
              { title: t('org.name'), dataIndex: 'name' },
              { title: t('admin.branch'), dataIndex: 'branchId', render: branchName },
            ]}
          />
        </Card>
      </Col>
      {adding === 'branch' && (
        <OrgForm<BranchValues>
          title={t('org.newBranch')}
          path="/branches"
          fields={['code', 'name']}
          onClose={() => setAdding(null)}
          onSaved={refresh}
        >
          <Form.Item
            name="code"
            label={t('customers.code')}
            extra={t('org.codeHint')}
            rules={[{ required: true, pattern: /^[A-Za-z0-9_-]{1,30}$/, message: t('org.codeHint') }]}
          >
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('org.name')}
            rules={[{ required: true, whitespace: true, message: t('login.required') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
        </OrgForm>
      )}
      {adding === 'team' && (
        <OrgForm<TeamValues>
          title={t('org.newTeam')}
          path="/teams"
          fields={['branchId', 'name']}
          onClose={() => setAdding(null)}
          onSaved={refresh}
        >
          <Form.Item
            name="branchId"
            label={t('admin.branch')}
            rules={[{ required: true, message: t('login.required') }]}
          >
            <Select
              aria-label={t('admin.branch')}
              options={(branches.data?.items ?? []).map((b) => ({ value: b.id, label: b.name }))}
            />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('org.name')}
            rules={[{ required: true, whitespace: true, message: t('login.required') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
        </OrgForm>
      )}
    </Row>
  );
}

function OrgForm<V extends object>(props: {
  title: string;
  path: string;
  fields: readonly (keyof V & string)[];
  onClose: () => void;
  onSaved: () => void;
  children: ReactNode;
}) {
  const [form] = Form.useForm<V>();
  const save = useFormSave(form, props.fields, {
    mutationFn: (values: V) => api(props.path, { method: 'POST', body: values }),
    onSuccess: () => {
      props.onSaved();
      props.onClose();
    },
  });
  return (
    <FormModal
      title={props.title}
      form={form}
      saving={save.saving}
      failure={save.failure}
      onClose={props.onClose}
    >
      <Form<V> form={form} layout="vertical" onFinish={save.submit}>
        {props.children}
      </Form>
    </FormModal>
  );
}
