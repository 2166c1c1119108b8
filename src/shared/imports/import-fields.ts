/**
 * What each importable entity's file may hold: the fields, how their cells are read, and the headers
 * people write for them in English and Chinese. Shared by the file reader (header matching, value
 * parsing), the import engine (staging table, merge) and the web app (column mapping).
 */
import type { ACTIVITY_TYPES, DIRECTIONS } from '../activities/activity.schema';
import type { ATTITUDES, DECISION_ROLES } from '../contacts/contact.schema';
import {
  CREDIT_RATINGS,
  type CUSTOMER_STATUSES,
  type CUSTOMER_TYPES,
  type REVENUE_BANDS,
} from '../customers/customer.schema';
import type { ORDER_STATUSES } from '../orders/order.schema';

export const IMPORT_ENTITIES = ['customers', 'contacts', 'products', 'orders', 'activities'] as const;
export type ImportEntity = (typeof IMPORT_ENTITIES)[number];

/**
 * How a cell is read. The reader turns what people write into one canonical text per type, which the
 * engine COPYs into a staging table:
 * - text: trimmed, inner line breaks kept; empty → null.
 * - money: '¥1,234.50', '1 234,50', 'RMB 12', '(12.00)', '-5' → '1234.50' (at most 2 decimals).
 * - decimal: like money with at most 3 decimals (quantities).
 * - integer: '1,200' → '1200'.
 * - date: '2024-03-05', '2024/3/5', '20240305', '2024年3月5日', an Excel serial or date cell → '2024-03-05'.
 * - timestamp: a date, or a date and time, in the workspace time zone → ISO 8601 with its offset.
 * - boolean: 是/否, Y/N, yes/no, true/false, 1/0 → 't' / 'f'.
 * - enum: a canonical value or one of its labels (`values`) → the canonical value.
 * - list: items separated by , ， ; ； | 、 or line breaks → string[] (empty items dropped).
 */
export type ImportFieldType =
  | 'text'
  | 'money'
  | 'decimal'
  | 'integer'
  | 'date'
  | 'timestamp'
  | 'boolean'
  | 'enum'
  | 'list';

export type ImportField = {
  /** The canonical English header, snake_case; also the staging table's column name. */
  key: string;
  type: ImportFieldType;
  required: boolean;
  /** Headers people write, matched after folding case, width, spaces and punctuation. */
  aliases: readonly string[];
  /** enum only: each canonical value with the labels that mean it (Chinese and English). */
  values?: Readonly<Record<string, readonly string[]>>;
  /** text only: the longest value accepted. */
  maxLength?: number;
  /** Checked as the API checks it (list items one by one); the value is kept as the API keeps it. */
  format?: 'taxId' | 'phone' | 'email';
};

const enumOf = <T extends string>(labels: Record<T, readonly string[]>) => labels;

const customerCode: ImportField = {
  key: 'customer_code',
  type: 'text',
  required: true,
  aliases: ['customer code', 'customer no', 'customer id', '客户编码', '客户代码', '客户编号', '客户号'],
  maxLength: 64,
};

export const IMPORT_FIELDS: Readonly<Record<ImportEntity, readonly ImportField[]>> = {
  customers: [
    { ...customerCode, aliases: [...customerCode.aliases, 'code', '编码', '编号'] },
    {
      key: 'name',
      type: 'text',
      required: true,
      aliases: [
        'name',
        'customer name',
        'company',
        'company name',
        '客户名称',
        '名称',
        '客户',
        '公司名称',
        '单位名称',
        '客户全称',
      ],
      maxLength: 200,
    },
    {
      key: 'short_name',
      type: 'text',
      required: false,
      aliases: ['short name', '简称', '客户简称'],
      maxLength: 100,
    },
    {
      key: 'type',
      type: 'enum',
      required: false,
      aliases: ['type', 'customer type', '客户类型', '类型'],
      values: enumOf<(typeof CUSTOMER_TYPES)[number]>({
        enterprise: ['企业', '企业客户', 'company'],
        dealer: ['经销商', '代理商', 'distributor'],
        individual: ['个人', 'person'],
        internal: ['内部', '内部客户'],
      }),
    },
    {
      key: 'status',
      type: 'enum',
      required: false,
      aliases: ['status', 'customer status', '状态', '客户状态'],
      values: enumOf<(typeof CUSTOMER_STATUSES)[number]>({
        prospect: ['潜在', '潜在客户', '意向'],
        active: ['活跃', '正常', '合作中'],
        dormant: ['休眠', '沉睡'],
        lost: ['流失', '已流失'],
      }),
    },
    {
      key: 'industry',
      type: 'text',
      required: false,
      aliases: ['industry', '行业', '所属行业'],
      maxLength: 100,
    },
    { key: 'province', type: 'text', required: false, aliases: ['province', '省份', '省'], maxLength: 50 },
    { key: 'city', type: 'text', required: false, aliases: ['city', '城市', '市'], maxLength: 50 },
    {
      key: 'address',
      type: 'text',
      required: false,
      aliases: ['address', '地址', '详细地址'],
      maxLength: 300,
    },
    {
      key: 'tax_id',
      type: 'text',
      required: false,
      aliases: ['tax id', 'tax no', 'vat no', '税号', '纳税人识别号', '统一社会信用代码', '信用代码'],
      maxLength: 32,
      format: 'taxId',
    },
    {
      key: 'employees',
      type: 'integer',
      required: false,
      aliases: ['employees', '员工数', '员工人数', '人数'],
    },
    {
      key: 'revenue_band',
      type: 'enum',
      required: false,
      aliases: ['revenue band', '营收规模', '规模'],
      values: enumOf<(typeof REVENUE_BANDS)[number]>({
        lt_10m: ['1000万以下', '<10m'],
        '10m_50m': ['1000万-5000万', '10m-50m'],
        '50m_200m': ['5000万-2亿', '50m-200m'],
        '200m_1b': ['2亿-10亿', '200m-1b'],
        gt_1b: ['10亿以上', '>1b'],
      }),
    },
    {
      key: 'credit_rating',
      type: 'enum',
      required: false,
      aliases: ['credit rating', 'credit', '信用等级', '信用评级'],
      values: Object.fromEntries(CREDIT_RATINGS.map((r) => [r, []])),
    },
    {
      key: 'owner',
      type: 'text',
      required: false,
      aliases: ['owner', 'owner email', 'sales rep', '负责人', '客户经理', '销售代表', '业务员'],
      maxLength: 200,
    },
    {
      key: 'branch',
      type: 'text',
      required: false,
      aliases: ['branch', '分公司', '所属分公司', '办事处'],
      maxLength: 100,
    },
    { key: 'source', type: 'text', required: false, aliases: ['source', '来源', '客户来源'], maxLength: 100 },
    { key: 'tags', type: 'list', required: false, aliases: ['tags', '标签'] },
  ],
  contacts: [
    customerCode,
    {
      key: 'name',
      type: 'text',
      required: true,
      aliases: ['name', 'contact', 'contact name', '联系人', '姓名', '联系人姓名'],
      maxLength: 100,
    },
    {
      key: 'title',
      type: 'text',
      required: false,
      aliases: ['title', 'job title', '职务', '职位'],
      maxLength: 100,
    },
    { key: 'department', type: 'text', required: false, aliases: ['department', '部门'], maxLength: 100 },
    {
      key: 'phones',
      type: 'list',
      required: false,
      aliases: ['phone', 'phones', 'mobile', '电话', '手机', '手机号', '联系电话'],
      format: 'phone',
    },
    {
      key: 'email',
      type: 'text',
      required: false,
      aliases: ['email', 'e-mail', '邮箱', '电子邮件'],
      maxLength: 200,
      format: 'email',
    },
    { key: 'wechat', type: 'text', required: false, aliases: ['wechat', '微信', '微信号'], maxLength: 100 },
    {
      key: 'decision_role',
      type: 'enum',
      required: false,
      aliases: ['decision role', 'role', '决策角色', '角色'],
      values: enumOf<(typeof DECISION_ROLES)[number]>({
        decision_maker: ['决策者', '决策人'],
        influencer: ['影响者', '影响人'],
        user: ['使用者', '用户'],
        gatekeeper: ['把关者', '守门人'],
      }),
    },
    {
      key: 'attitude',
      type: 'enum',
      required: false,
      aliases: ['attitude', '态度'],
      values: enumOf<(typeof ATTITUDES)[number]>({
        champion: ['支持者', '拥护者', '支持者（内线）', '内线'],
        supporter: ['支持', '友好'],
        neutral: ['中立'],
        skeptic: ['怀疑'],
        opponent: ['反对', '反对者'],
      }),
    },
    { key: 'birthday', type: 'date', required: false, aliases: ['birthday', '生日', '出生日期'] },
    {
      key: 'is_primary',
      type: 'boolean',
      required: false,
      aliases: ['primary', 'is primary', '主要联系人', '首要联系人', '主联系人'],
    },
    { key: 'notes', type: 'text', required: false, aliases: ['notes', 'remarks', '备注'], maxLength: 2000 },
  ],
  products: [
    {
      key: 'product_code',
      type: 'text',
      required: true,
      aliases: [
        'product code',
        'code',
        'sku',
        'item code',
        '产品编码',
        '产品代码',
        '物料编码',
        '物料号',
        '编码',
      ],
      maxLength: 64,
    },
    {
      key: 'name',
      type: 'text',
      required: true,
      aliases: ['name', 'product name', 'product', '产品名称', '品名', '物料名称', '名称'],
      maxLength: 200,
    },
    {
      key: 'category',
      type: 'text',
      required: false,
      aliases: ['category', '类别', '产品类别', '分类'],
      maxLength: 100,
    },
    {
      key: 'unit',
      type: 'text',
      required: true,
      aliases: ['unit', 'uom', '单位', '计量单位'],
      maxLength: 20,
    },
    {
      key: 'list_price',
      type: 'money',
      required: false,
      aliases: ['list price', 'price', '标准价', '单价', '售价', '价格'],
    },
    {
      key: 'standard_cost',
      type: 'money',
      required: false,
      aliases: ['standard cost', 'cost', '标准成本', '成本'],
    },
    { key: 'active', type: 'boolean', required: false, aliases: ['active', 'enabled', '启用', '有效'] },
  ],
  orders: [
    customerCode,
    {
      key: 'order_no',
      type: 'text',
      required: true,
      aliases: ['order no', 'order number', 'order id', '订单号', '订单编号', '单号', '单据编号'],
      maxLength: 64,
    },
    {
      key: 'ordered_at',
      type: 'date',
      required: true,
      aliases: ['ordered at', 'order date', 'date', '下单日期', '订单日期', '日期'],
    },
    {
      key: 'amount',
      type: 'money',
      required: true,
      aliases: ['amount', 'line amount', 'total', '金额', '订单金额', '行金额', '含税金额', '销售金额'],
    },
    { key: 'cost', type: 'money', required: false, aliases: ['cost', 'cost amount', '成本', '成本金额'] },
    {
      key: 'product_code',
      type: 'text',
      required: false,
      aliases: ['product code', 'sku', '产品编码', '物料编码', '产品代码'],
      maxLength: 64,
    },
    { key: 'quantity', type: 'decimal', required: false, aliases: ['quantity', 'qty', '数量'] },
    { key: 'unit_price', type: 'money', required: false, aliases: ['unit price', 'price', '单价'] },
    { key: 'currency', type: 'text', required: false, aliases: ['currency', '币种', '货币'], maxLength: 3 },
    {
      key: 'status',
      type: 'enum',
      required: false,
      aliases: ['status', 'order status', '状态', '订单状态'],
      values: enumOf<(typeof ORDER_STATUSES)[number]>({
        draft: ['草稿'],
        confirmed: ['已确认', '确认'],
        shipped: ['已发货', '发货'],
        completed: ['已完成', '完成'],
        cancelled: ['已取消', '取消', 'canceled'],
      }),
    },
    { key: 'notes', type: 'text', required: false, aliases: ['notes', 'remarks', '备注'], maxLength: 2000 },
  ],
  activities: [
    customerCode,
    {
      key: 'type',
      type: 'enum',
      required: true,
      aliases: ['type', 'activity type', '类型', '方式', '活动类型', '联系方式'],
      values: enumOf<(typeof ACTIVITY_TYPES)[number]>({
        visit: ['拜访', '上门拜访'],
        call: ['电话', '致电'],
        email: ['邮件', '电子邮件'],
        letter: ['信函', '信件'],
        meeting: ['会议', '会面'],
        web: ['网站', '网页'],
        wechat: ['微信'],
        note: ['备注', '记录'],
      }),
    },
    {
      key: 'subject',
      type: 'text',
      required: true,
      aliases: ['subject', 'summary', '主题', '摘要', '内容摘要'],
      maxLength: 200,
    },
    {
      key: 'occurred_at',
      type: 'timestamp',
      required: true,
      aliases: ['occurred at', 'date', 'time', '时间', '发生时间', '日期'],
    },
    {
      key: 'body',
      type: 'text',
      required: false,
      aliases: ['body', 'notes', 'details', '详情', '内容', '记录'],
      maxLength: 10000,
    },
    { key: 'outcome', type: 'text', required: false, aliases: ['outcome', 'result', '结果'], maxLength: 500 },
    {
      key: 'direction',
      type: 'enum',
      required: false,
      aliases: ['direction', '方向'],
      values: enumOf<(typeof DIRECTIONS)[number]>({
        inbound: ['呼入', '来访', '客户来访/来电'],
        outbound: ['呼出', '外呼', '我方主动'],
      }),
    },
    {
      key: 'duration_minutes',
      type: 'integer',
      required: false,
      aliases: ['duration', 'minutes', '时长', '时长(分钟)', '分钟'],
    },
    {
      key: 'next_follow_up_on',
      type: 'date',
      required: false,
      aliases: ['follow up', 'next follow up', '下次跟进', '跟进日期'],
    },
    {
      key: 'author',
      type: 'text',
      required: false,
      aliases: ['author', 'rep', '记录人', '跟进人', '业务员'],
      maxLength: 200,
    },
    {
      key: 'contact_name',
      type: 'text',
      required: false,
      aliases: ['contact', 'contact name', '联系人'],
      maxLength: 100,
    },
  ],
};

/** A saved column mapping: field key → the header (as written in the file) it is read from. */
export type ImportMapping = Readonly<Record<string, string>>;
