/** Provinces and cities across China, with administrative division codes (GB/T 2260) for tax ids. */

export type BranchCode = 'EAST' | 'NORTH' | 'SOUTH';

/** `short` is the place word in company names (the municipality for a district). */
export type City = { name: string; short: string; code: string };

export type Province = {
  name: string;
  /** Relative share of industrial customers. */
  weight: number;
  branch: BranchCode;
  cities: readonly City[];
};

const c = (short: string, code: string, name = `${short}市`): City => ({ name, short, code });

export const PROVINCES: readonly Province[] = [
  // 华东 — served by 华东分公司
  {
    name: '上海市',
    weight: 7,
    branch: 'EAST',
    cities: [c('上海', '310115', '浦东新区'), c('上海', '310112', '闵行区'), c('上海', '310114', '嘉定区')],
  },
  {
    name: '江苏省',
    weight: 12,
    branch: 'EAST',
    cities: [
      c('南京', '320100'),
      c('无锡', '320200'),
      c('徐州', '320300'),
      c('常州', '320400'),
      c('苏州', '320500'),
      c('南通', '320600'),
      c('连云港', '320700'),
      c('扬州', '321000'),
    ],
  },
  {
    name: '浙江省',
    weight: 11,
    branch: 'EAST',
    cities: [
      c('杭州', '330100'),
      c('宁波', '330200'),
      c('温州', '330300'),
      c('嘉兴', '330400'),
      c('湖州', '330500'),
      c('绍兴', '330600'),
      c('台州', '331000'),
    ],
  },
  {
    name: '安徽省',
    weight: 4,
    branch: 'EAST',
    cities: [c('合肥', '340100'), c('芜湖', '340200'), c('马鞍山', '340500'), c('铜陵', '340700')],
  },
  {
    name: '福建省',
    weight: 4,
    branch: 'EAST',
    cities: [c('福州', '350100'), c('厦门', '350200'), c('泉州', '350500'), c('漳州', '350600')],
  },
  {
    name: '江西省',
    weight: 3,
    branch: 'EAST',
    cities: [c('南昌', '360100'), c('九江', '360400'), c('赣州', '360700')],
  },
  {
    name: '山东省',
    weight: 10,
    branch: 'EAST',
    cities: [
      c('济南', '370100'),
      c('青岛', '370200'),
      c('淄博', '370300'),
      c('东营', '370500'),
      c('烟台', '370600'),
      c('潍坊', '370700'),
      c('临沂', '371300'),
    ],
  },
  // 华北、东北、西北 — served by 华北分公司
  {
    name: '北京市',
    weight: 4,
    branch: 'NORTH',
    cities: [c('北京', '110105', '朝阳区'), c('北京', '110108', '海淀区'), c('北京', '110115', '大兴区')],
  },
  {
    name: '天津市',
    weight: 3,
    branch: 'NORTH',
    cities: [c('天津', '120116', '滨海新区'), c('天津', '120111', '西青区')],
  },
  {
    name: '河北省',
    weight: 6,
    branch: 'NORTH',
    cities: [
      c('石家庄', '130100'),
      c('唐山', '130200'),
      c('邯郸', '130400'),
      c('保定', '130600'),
      c('沧州', '130900'),
    ],
  },
  {
    name: '山西省',
    weight: 3,
    branch: 'NORTH',
    cities: [c('太原', '140100'), c('大同', '140200'), c('长治', '140400')],
  },
  {
    name: '内蒙古自治区',
    weight: 2,
    branch: 'NORTH',
    cities: [c('呼和浩特', '150100'), c('包头', '150200'), c('鄂尔多斯', '150600')],
  },
  {
    name: '辽宁省',
    weight: 4,
    branch: 'NORTH',
    cities: [c('沈阳', '210100'), c('大连', '210200'), c('鞍山', '210300')],
  },
  { name: '吉林省', weight: 2, branch: 'NORTH', cities: [c('长春', '220100'), c('吉林', '220200')] },
  { name: '黑龙江省', weight: 2, branch: 'NORTH', cities: [c('哈尔滨', '230100'), c('大庆', '230600')] },
  {
    name: '河南省',
    weight: 6,
    branch: 'NORTH',
    cities: [c('郑州', '410100'), c('洛阳', '410300'), c('新乡', '410700')],
  },
  {
    name: '陕西省',
    weight: 3,
    branch: 'NORTH',
    cities: [c('西安', '610100'), c('宝鸡', '610300'), c('榆林', '610800')],
  },
  { name: '甘肃省', weight: 1, branch: 'NORTH', cities: [c('兰州', '620100'), c('金昌', '620300')] },
  { name: '宁夏回族自治区', weight: 1, branch: 'NORTH', cities: [c('银川', '640100')] },
  { name: '青海省', weight: 0.5, branch: 'NORTH', cities: [c('西宁', '630100')] },
  {
    name: '新疆维吾尔自治区',
    weight: 1,
    branch: 'NORTH',
    cities: [c('乌鲁木齐', '650100'), c('克拉玛依', '650200')],
  },
  // 华南、华中、西南 — served by 华南分公司
  {
    name: '广东省',
    weight: 11,
    branch: 'SOUTH',
    cities: [
      c('广州', '440100'),
      c('深圳', '440300'),
      c('珠海', '440400'),
      c('佛山', '440600'),
      c('惠州', '441300'),
      c('东莞', '441900'),
      c('中山', '442000'),
    ],
  },
  { name: '广西壮族自治区', weight: 2, branch: 'SOUTH', cities: [c('南宁', '450100'), c('柳州', '450200')] },
  { name: '海南省', weight: 0.5, branch: 'SOUTH', cities: [c('海口', '460100')] },
  {
    name: '湖北省',
    weight: 5,
    branch: 'SOUTH',
    cities: [c('武汉', '420100'), c('宜昌', '420500'), c('襄阳', '420600')],
  },
  {
    name: '湖南省',
    weight: 4,
    branch: 'SOUTH',
    cities: [c('长沙', '430100'), c('株洲', '430200'), c('岳阳', '430600')],
  },
  {
    name: '重庆市',
    weight: 3,
    branch: 'SOUTH',
    cities: [c('重庆', '500105', '江北区'), c('重庆', '500102', '涪陵区'), c('重庆', '500115', '长寿区')],
  },
  {
    name: '四川省',
    weight: 5,
    branch: 'SOUTH',
    cities: [c('成都', '510100'), c('攀枝花', '510400'), c('绵阳', '510700')],
  },
  { name: '贵州省', weight: 1.5, branch: 'SOUTH', cities: [c('贵阳', '520100'), c('遵义', '520300')] },
  { name: '云南省', weight: 2, branch: 'SOUTH', cities: [c('昆明', '530100'), c('曲靖', '530300')] },
];

/** Parks and districts where factories sit; combined with a road and a number for an address. */
export const ZONES = [
  '经济技术开发区',
  '高新技术产业开发区',
  '化学工业园区',
  '工业园区',
  '临港产业园',
  '新材料产业园',
  '装备制造产业园',
  '生物医药产业园',
  '循环经济产业园',
  '综合保税区',
] as const;

export const ROADS = [
  '人民路',
  '解放路',
  '建设大道',
  '工业大道',
  '创业路',
  '科技路',
  '发展大道',
  '滨江路',
  '长江路',
  '黄河路',
  '纬三路',
  '经五路',
  '兴业路',
  '通港路',
  '振兴路',
  '环城北路',
  '友谊路',
  '和平路',
  '新华路',
  '港城大道',
] as const;
