/** The demo product catalogue: industrial goods a B2B supplier in China would sell. */

export type ProductCategory =
  | '阀门'
  | '泵'
  | '仪器仪表'
  | '管道管件'
  | '电气设备'
  | '密封件'
  | '轴承传动'
  | '化工原料'
  | '安全防护'
  | '工业耗材';

export type CatalogProduct = {
  code: string;
  name: string;
  category: ProductCategory;
  unit: string;
  /** Yuan; converted to exact cents on use. */
  listPrice: number;
  standardCost: number;
};

export const PRODUCT_CATEGORIES: readonly ProductCategory[] = [
  '阀门',
  '泵',
  '仪器仪表',
  '管道管件',
  '电气设备',
  '密封件',
  '轴承传动',
  '化工原料',
  '安全防护',
  '工业耗材',
];

type Entry = readonly [code: string, name: string, unit: string, listPrice: number, costRatio: number];

const BY_CATEGORY: Record<ProductCategory, readonly Entry[]> = {
  阀门: [
    ['VLV-001', '不锈钢球阀 DN50', '台', 1280, 0.68],
    ['VLV-002', '铸钢闸阀 DN150 PN16', '台', 4650, 0.7],
    ['VLV-003', '气动调节阀 DN80', '台', 18600, 0.62],
    ['VLV-004', '电动蝶阀 DN300', '台', 9800, 0.66],
    ['VLV-005', '弹簧式安全阀 DN40', '台', 2350, 0.64],
    ['VLV-006', '止回阀 DN100', '台', 1680, 0.72],
    ['VLV-007', '衬氟截止阀 DN65', '台', 3120, 0.67],
  ],
  泵: [
    ['PMP-001', '单级离心泵 IS100-65-200', '台', 8600, 0.71],
    ['PMP-002', '磁力驱动泵 CQB50', '台', 12800, 0.65],
    ['PMP-003', '化工流程泵 IH80-50-200', '台', 15600, 0.69],
    ['PMP-004', '隔膜计量泵 J-Z125', '台', 9200, 0.63],
    ['PMP-005', '多级锅炉给水泵 DG46-50', '台', 48500, 0.7],
    ['PMP-006', '液下排污泵 65YW25', '台', 5400, 0.72],
  ],
  仪器仪表: [
    ['INS-001', '智能压力变送器 3051', '台', 4200, 0.58],
    ['INS-002', '电磁流量计 DN100', '台', 11800, 0.6],
    ['INS-003', '雷达物位计 80GHz', '台', 16500, 0.57],
    ['INS-004', '铂电阻温度计 PT100', '支', 380, 0.55],
    ['INS-005', '在线pH分析仪', '套', 23800, 0.59],
    ['INS-006', '可燃气体探测器', '台', 1650, 0.56],
    ['INS-007', '涡街流量计 DN50', '台', 6900, 0.61],
  ],
  管道管件: [
    ['PIP-001', '304不锈钢无缝管 Φ57×3.5', '米', 168, 0.78],
    ['PIP-002', '20#碳钢无缝管 Φ108×4', '米', 96, 0.8],
    ['PIP-003', '对焊弯头 DN100', '件', 85, 0.74],
    ['PIP-004', '带颈对焊法兰 DN150 PN16', '件', 420, 0.73],
    ['PIP-005', 'PPR给水管 dn63', '米', 38, 0.7],
    ['PIP-006', '金属软管 DN80', '根', 560, 0.68],
  ],
  电气设备: [
    ['ELE-001', '低压变频器 55kW', '台', 26800, 0.7],
    ['ELE-002', '三相异步电动机 YE3-160M-4 11kW', '台', 5200, 0.76],
    ['ELE-003', '隔爆型防爆电机 37kW', '台', 18900, 0.72],
    ['ELE-004', '低压开关柜 GCK', '面', 42000, 0.74],
    ['ELE-005', '软启动器 90kW', '台', 9600, 0.69],
    ['ELE-006', '阻燃电力电缆 YJV 3×95+1×50', '米', 265, 0.82],
  ],
  密封件: [
    ['SEL-001', '机械密封 单端面 Φ45', '套', 1350, 0.55],
    ['SEL-002', '缠绕垫片 DN100 PN25', '片', 36, 0.52],
    ['SEL-003', '聚四氟乙烯盘根', '千克', 260, 0.6],
    ['SEL-004', '氟橡胶O型圈套装', '盒', 480, 0.5],
    ['SEL-005', '双端面集装式机械密封', '套', 6800, 0.58],
  ],
  轴承传动: [
    ['BRG-001', '深沟球轴承 6310', '套', 128, 0.7],
    ['BRG-002', '调心滚子轴承 22220', '套', 1860, 0.71],
    ['BRG-003', '硬齿面减速机 ZSY224', '台', 36500, 0.73],
    ['BRG-004', '弹性联轴器 LX5', '套', 980, 0.66],
    ['BRG-005', '高强度三角带 SPB2240', '根', 88, 0.62],
    ['BRG-006', '滚子链条 20A-1', '米', 145, 0.64],
  ],
  化工原料: [
    ['CHM-001', '液碱 32%', '吨', 980, 0.86],
    ['CHM-002', '工业盐酸 31%', '吨', 420, 0.84],
    ['CHM-003', '聚合氯化铝 PAC', '吨', 2350, 0.79],
    ['CHM-004', '阻垢缓蚀剂', '吨', 11800, 0.6],
    ['CHM-005', '次氯酸钠溶液 10%', '吨', 860, 0.81],
    ['CHM-006', '聚丙烯酰胺 PAM', '吨', 14500, 0.74],
    ['CHM-007', '工业酒精 95%', '吨', 6800, 0.85],
  ],
  安全防护: [
    ['SAF-001', '正压式空气呼吸器', '套', 6500, 0.64],
    ['SAF-002', '防化服 A级', '套', 9800, 0.61],
    ['SAF-003', '安全帽 ABS', '顶', 45, 0.55],
    ['SAF-004', '全身式安全带', '条', 280, 0.58],
    ['SAF-005', '防爆对讲机', '台', 2600, 0.63],
  ],
  工业耗材: [
    ['CON-001', '抗磨液压油 L-HM46', '桶', 1350, 0.77],
    ['CON-002', '极压齿轮油 L-CKD220', '桶', 1680, 0.76],
    ['CON-003', '不锈钢焊条 A102 Φ3.2', '千克', 62, 0.72],
    ['CON-004', '树脂切割片 Φ350', '片', 28, 0.6],
    ['CON-005', '工业滤芯 PP10寸', '支', 35, 0.52],
    ['CON-006', '锂基润滑脂 3#', '桶', 720, 0.7],
  ],
};

const toCatalog = (category: ProductCategory, [code, name, unit, listPrice, costRatio]: Entry) => ({
  code,
  name,
  category,
  unit,
  listPrice,
  standardCost: Math.round(listPrice * costRatio * 100) / 100,
});

export const PRODUCTS: readonly CatalogProduct[] = PRODUCT_CATEGORIES.flatMap((category) =>
  BY_CATEGORY[category].map((entry) => toCatalog(category, entry)),
);

/** Units sold in fractions (half a tonne); every other unit is counted whole. */
export const FRACTIONAL_UNITS: ReadonlySet<string> = new Set(['吨', '千克', '米']);
