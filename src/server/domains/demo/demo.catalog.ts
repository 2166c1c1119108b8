/**
 * Vocabulary of the demo data set: industries, company-name parts, titles and departments, lookup values.
 * Places, personal names, products and activity texts live in the demo.catalog-*.ts files beside this one.
 */
import type { ProductCategory } from './demo.catalog-products';

export type Industry = {
  key: string;
  /** Stored in customers.industry. */
  zh: string;
  en: string;
  weight: number;
  /** Words between the 字号 and the legal suffix: 杭州恒达「精细化工」有限公司. */
  words: readonly string[];
  /** What the industry buys, relative weights. */
  buys: Partial<Record<ProductCategory, number>>;
};

export const INDUSTRIES: readonly Industry[] = [
  {
    key: 'chemicals',
    zh: '化工',
    en: 'Chemicals',
    weight: 18,
    words: ['化工', '精细化工', '石化', '化学', '新材料', '氯碱化工'],
    buys: { 阀门: 5, 泵: 5, 密封件: 4, 仪器仪表: 3, 管道管件: 3, 化工原料: 3, 安全防护: 2, 工业耗材: 1 },
  },
  {
    key: 'power',
    zh: '电力',
    en: 'Power',
    weight: 10,
    words: ['电力', '热电', '能源', '发电', '新能源', '电气'],
    buys: { 电气设备: 6, 阀门: 4, 泵: 3, 仪器仪表: 3, 化工原料: 2, 轴承传动: 2, 工业耗材: 2 },
  },
  {
    key: 'pharma',
    zh: '制药',
    en: 'Pharmaceuticals',
    weight: 9,
    words: ['制药', '药业', '生物医药', '医药', '生物科技'],
    buys: { 仪器仪表: 5, 泵: 3, 阀门: 3, 管道管件: 3, 密封件: 2, 化工原料: 2, 安全防护: 1 },
  },
  {
    key: 'metallurgy',
    zh: '冶金',
    en: 'Metallurgy',
    weight: 9,
    words: ['钢铁', '冶金', '特钢', '有色金属', '铝业', '铜业'],
    buys: { 轴承传动: 5, 电气设备: 4, 工业耗材: 4, 泵: 3, 阀门: 2, 安全防护: 2, 密封件: 2 },
  },
  {
    key: 'building_materials',
    zh: '建材',
    en: 'Building materials',
    weight: 9,
    words: ['建材', '水泥', '玻璃', '新型建材', '陶瓷', '混凝土'],
    buys: { 轴承传动: 5, 电气设备: 4, 工业耗材: 4, 泵: 2, 安全防护: 2, 管道管件: 1 },
  },
  {
    key: 'machinery',
    zh: '机械制造',
    en: 'Machinery',
    weight: 10,
    words: ['机械', '重工', '装备', '机电', '精密机械'],
    buys: { 轴承传动: 6, 电气设备: 4, 工业耗材: 4, 密封件: 2, 管道管件: 1 },
  },
  {
    key: 'water',
    zh: '水务环保',
    en: 'Water & environment',
    weight: 6,
    words: ['水务', '环保科技', '环境工程', '水处理'],
    buys: { 化工原料: 6, 泵: 5, 阀门: 4, 仪器仪表: 3, 管道管件: 3 },
  },
  {
    key: 'food',
    zh: '食品饮料',
    en: 'Food & beverage',
    weight: 6,
    words: ['食品', '饮料', '粮油', '乳业', '酒业'],
    buys: { 泵: 3, 管道管件: 4, 仪器仪表: 3, 密封件: 3, 阀门: 3, 化工原料: 1 },
  },
  {
    key: 'paper',
    zh: '造纸',
    en: 'Paper',
    weight: 4,
    words: ['纸业', '造纸', '包装材料'],
    buys: { 泵: 4, 化工原料: 4, 轴承传动: 3, 电气设备: 2, 阀门: 2 },
  },
  {
    key: 'textiles',
    zh: '纺织印染',
    en: 'Textiles',
    weight: 5,
    words: ['纺织', '印染', '化纤', '服饰'],
    buys: { 化工原料: 4, 轴承传动: 3, 电气设备: 3, 工业耗材: 2, 泵: 2 },
  },
  {
    key: 'electronics',
    zh: '电子半导体',
    en: 'Electronics',
    weight: 5,
    words: ['电子', '半导体', '光电', '电子材料'],
    buys: { 化工原料: 4, 仪器仪表: 4, 管道管件: 3, 阀门: 2, 安全防护: 2 },
  },
  {
    key: 'automotive',
    zh: '汽车零部件',
    en: 'Automotive parts',
    weight: 6,
    words: ['汽车零部件', '汽车部件', '车桥', '汽配'],
    buys: { 轴承传动: 4, 工业耗材: 5, 电气设备: 3, 安全防护: 1 },
  },
];

/** Dealers resell; their names and what they buy differ from end users. */
export const DEALER_INDUSTRY: Industry = {
  key: 'distribution',
  zh: '工业品分销',
  en: 'Industrial distribution',
  weight: 0,
  words: ['机电设备', '工贸', '流体设备', '工业自动化', '物资', '化工物资'],
  buys: { 阀门: 4, 泵: 4, 密封件: 3, 仪器仪表: 3, 轴承传动: 3, 工业耗材: 3, 管道管件: 2, 电气设备: 2 },
};

export const ENTERPRISE_SUFFIXES: readonly (readonly [string, number])[] = [
  ['有限公司', 60],
  ['股份有限公司', 22],
  ['集团有限公司', 8],
  ['有限责任公司', 10],
];

export const DEALER_SUFFIXES: readonly (readonly [string, number])[] = [
  ['贸易有限公司', 45],
  ['商贸有限公司', 20],
  ['供应链有限公司', 10],
  ['有限公司', 25],
];

export const CREDIT_RATINGS = ['AAA', 'AA', 'A', 'BBB', 'BB', 'B', 'C'] as const;

export const SOURCES: readonly (readonly [string, number])[] = [
  ['老客户推荐', 20],
  ['展会', 18],
  ['电话开发', 15],
  ['招投标', 12],
  ['官网咨询', 12],
  ['行业协会', 8],
  ['渠道伙伴', 8],
  ['百度推广', 7],
];

export const TAGS: readonly (readonly [string, number])[] = [
  ['重点客户', 10],
  ['国企', 8],
  ['民企', 14],
  ['外资', 4],
  ['上市公司', 4],
  ['价格敏感', 10],
  ['账期长', 6],
  ['技术型客户', 6],
  ['年度框架协议', 5],
  ['需定期回访', 8],
  ['竞争对手在供', 5],
  ['有扩产计划', 4],
];

export const TITLES: readonly (readonly [title: string, department: string, weight: number])[] = [
  ['总经理', '总经办', 4],
  ['副总经理', '总经办', 4],
  ['采购经理', '采购部', 12],
  ['采购专员', '采购部', 12],
  ['采购总监', '采购部', 4],
  ['设备部经理', '设备部', 8],
  ['设备工程师', '设备部', 10],
  ['技术总监', '技术部', 4],
  ['工艺工程师', '技术部', 6],
  ['生产厂长', '生产部', 5],
  ['车间主任', '生产部', 6],
  ['财务经理', '财务部', 4],
  ['会计', '财务部', 4],
  ['仓库主管', '仓储部', 4],
  ['安环部经理', '安环部', 3],
  ['质量经理', '质量部', 3],
  ['总工程师', '技术部', 2],
];

/** Who decides, by title; titles not listed are users or influencers. */
export const DECISION_MAKER_TITLES: ReadonlySet<string> = new Set([
  '总经理',
  '副总经理',
  '采购总监',
  '技术总监',
  '总工程师',
]);

export const GATEKEEPER_TITLES: ReadonlySet<string> = new Set(['采购专员', '会计', '仓库主管']);

/** Mobile number prefixes of the three carriers. */
export const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '155',
  '156',
  '158',
  '159',
  '176',
  '177',
  '180',
  '181',
  '182',
  '186',
  '187',
  '188',
  '189',
  '199',
] as const;

export const EMAIL_DOMAINS_PERSONAL = ['qq.com', '163.com', '126.com', 'sina.com', 'foxmail.com'] as const;
