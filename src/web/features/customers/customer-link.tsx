import { TeamOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Typography } from 'antd';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { CustomerSchema } from '../../../shared/customers/customer.schema';
import { api } from '../../lib/api';
import type { Wire } from '../../lib/wire';
import { RowLink } from '../../ui/row-link';

type Customer = Wire<z.infer<typeof CustomerSchema>>;

/** A customer's profile, shared by every page that names it. */
export function useCustomer(id: number) {
  return useQuery({
    queryKey: ['customers', 'one', id],
    queryFn: ({ signal }) => api<Customer>(`/customers/${id}`, { signal }),
    staleTime: 60_000,
  });
}

/** The customer's name, linking to its 360 page (its number until the name arrives). */
export function CustomerLink({ id, icon = false }: { id: number; icon?: boolean }) {
  const customer = useCustomer(id);
  return (
    <Link to={`/customers/${id}`} data-testid="customer-link">
      {icon && <TeamOutlined />} {customer.data?.name ?? `#${id}`}
    </Link>
  );
}

/** A list's customer column: the customer's name, linking to its 360 page, and its code when given. */
export const CustomerCell = ({ id, name, code }: { id: number; name: string; code?: string }) => (
  <span data-testid="customer-cell">
    <RowLink to={`/customers/${id}`}>{name}</RowLink>
    {code && (
      <div>
        <Typography.Text type="secondary">{code}</Typography.Text>
      </div>
    )}
  </span>
);
