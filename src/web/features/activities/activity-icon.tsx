import {
  CommentOutlined,
  FileTextOutlined,
  GlobalOutlined,
  MailOutlined,
  MessageOutlined,
  PhoneOutlined,
  TeamOutlined,
  UsergroupAddOutlined,
  WechatOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';

const ICONS: Record<string, ReactNode> = {
  visit: <TeamOutlined />,
  call: <PhoneOutlined />,
  email: <MailOutlined />,
  letter: <FileTextOutlined />,
  meeting: <UsergroupAddOutlined />,
  web: <GlobalOutlined />,
  wechat: <WechatOutlined />,
  note: <CommentOutlined />,
};

export const ActivityIcon = ({ type }: { type: string }) => <>{ICONS[type] ?? <MessageOutlined />}</>;
