import { SearchOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { AutoComplete, Input } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { listCustomers } from './customer-api';

/** Customers (and, through their contacts, people) as you type; `/` focuses it from anywhere. */
export function GlobalSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const ref = useRef<{ focus: () => void } | null>(null);

  useEffect(() => {
    const id = setTimeout(() => setQ(text.trim()), 150);
    return () => clearTimeout(id);
  }, [text]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      if (e.key === '/' && !typing) {
        e.preventDefault();
        ref.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const results = useQuery({
    queryKey: ['customers', 'search', q],
    queryFn: ({ signal }) => listCustomers({ q, limit: 8 }, signal),
    enabled: q.length > 0,
    staleTime: 30_000,
  });

  return (
    <AutoComplete
      ref={ref as never}
      style={{ width: 360, maxWidth: '50vw' }}
      value={text}
      onChange={setText}
      onSelect={(id: string) => {
        setText('');
        navigate(`/customers/${id}`);
      }}
      notFoundContent={q && results.isSuccess ? t('header.noResults') : null}
      options={(results.data?.items ?? []).map((c) => ({
        value: String(c.id),
        label: (
          <span>
            {c.name} <span style={{ color: '#999' }}>{c.code}</span>
          </span>
        ),
      }))}
    >
      <Input
        aria-label={t('header.search')}
        placeholder={t('header.search')}
        prefix={<SearchOutlined />}
        allowClear
      />
    </AutoComplete>
  );
}
