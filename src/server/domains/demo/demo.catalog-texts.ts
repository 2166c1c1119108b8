/**
 * Chinese texts of demo activities. Placeholders: {product} a product name, {category} a product
 * category, {contact} the contact's name, {company} the customer's short name, {n} a small number.
 */

export type ActivityType = 'visit' | 'call' | 'email' | 'letter' | 'meeting' | 'web' | 'wechat' | 'note';

export type ActivityTexts = { subjects: readonly string[]; bodies: readonly string[] };

export const ACTIVITY_TEXTS: Record<ActivityType, ActivityTexts> = {
  visit: {
    subjects: [
      '拜访{company}，了解{category}年度采购计划',
      '上门拜访{contact}，介绍新款{product}',
      '现场勘查{company}设备运行情况',
      '陪同技术工程师到{company}解决{product}使用问题',
      '年度客户回访：{company}',
      '拜访{company}采购部，沟通年度框架协议',
    ],
    bodies: [
      '与{contact}面谈约一小时。对方今年计划新建一条生产线，预计第三季度启动{category}招标，希望我们提前提供技术方案。',
      '参观了客户车间，现场有{n}台{product}运行超过五年，存在泄漏问题。客户有意分批更换，需要我们出报价。',
      '客户反映上批{product}交期偏长，已解释原因并承诺后续优先排产。对方对产品质量评价较好。',
      '介绍了我司{category}新产品及成功案例，客户对节能效果比较感兴趣，要求提供同行业应用资料。',
      '与设备部、采购部一起开会，确认了备品备件清单，共{n}项，下周内出正式报价。',
    ],
  },
  call: {
    subjects: [
      '电话跟进{product}报价',
      '致电{contact}确认到货情况',
      '电话沟通{category}技术参数',
      '回访电话：{company}使用满意度',
      '催收{company}到期货款',
      '电话邀约参加新品发布会',
    ],
    bodies: [
      '{contact}表示报价已提交领导审批，预计下周给答复。对方关注付款方式，希望账期延长至90天。',
      '确认上周发出的{product}已全部到货，验收无异常。',
      '客户询问{product}的材质和压力等级，已说明并承诺邮件发送样本。',
      '客户对服务整体满意，提出希望增加季度巡检。',
      '对方财务称本月底前安排付款，需再次跟进。',
      '电话未接通，已发短信说明来意。',
    ],
  },
  email: {
    subjects: [
      '发送{product}正式报价单',
      '{category}技术方案及样本资料',
      '合同草稿确认',
      '年度价格调整通知',
      '发货通知及物流单号',
      '质量证明文件及检测报告',
    ],
    bodies: [
      '按客户要求发送报价单（含税价，有效期30天），附产品样本和业绩清单。',
      '附上技术方案、选型计算书和图纸，请{contact}审阅后反馈意见。',
      '合同条款已按上次沟通修改，交货期调整为合同签订后{n}周。',
      '因原材料价格上涨，部分{category}产品价格自下月起上调，已附调价明细。',
      '已发货，附物流单号和装箱单，预计3天内到达。',
    ],
  },
  letter: {
    subjects: ['寄送年度合作感谢函', '寄送产品目录及样品', '寄送增值税专用发票', '寄送盖章合同原件'],
    bodies: [
      '通过快递寄出，收件人{contact}，已提醒对方注意查收。',
      '随函附上新版产品目录和{product}样品一件。',
      '本月开具的增值税专用发票已寄出，共{n}张。',
    ],
  },
  meeting: {
    subjects: [
      '{company}技术交流会',
      '与{company}召开项目启动会',
      '年度商务谈判：{company}',
      '{category}选型评审会',
      '季度业务回顾会',
    ],
    bodies: [
      '客户设备部、技术部共{n}人参加。我方介绍了{category}解决方案，客户提出若干技术问题，会后整理答复。',
      '双方确认了项目范围、里程碑和交付计划，客户指定{contact}为项目联系人。',
      '就年度采购量和价格进行谈判，客户希望在去年基础上降价3%，我方同意在采购量达到目标时给予返利。',
      '评审了三家供应商方案，我方方案在能耗和交期上有优势，价格略高。',
    ],
  },
  web: {
    subjects: [
      '官网在线咨询：{product}',
      '官网留言：索取{category}样本',
      '在线提交询价单',
      '下载了{category}选型手册',
    ],
    bodies: [
      '客户通过官网留言询问{product}的价格和交期，留下了联系电话。',
      '客户在官网提交询价单，涉及{n}个品种，需尽快联系。',
      '访客下载了选型手册并填写了公司信息。',
    ],
  },
  wechat: {
    subjects: ['微信沟通{product}交期', '微信发送{category}资料', '微信确认订单细节', '节日问候'],
    bodies: [
      '{contact}微信询问本周能否发货，已与仓库确认后回复。',
      '通过微信发送了{category}产品资料和报价，对方表示会尽快比价。',
      '确认订单规格和数量，对方要求发票抬头变更。',
      '节日问候，顺便了解近期生产情况，客户称订单饱满。',
    ],
  },
  note: {
    subjects: ['客户情况备注', '竞争对手动态', '内部备注：付款风险', '客户组织架构调整', '关键人变动'],
    bodies: [
      '听说客户今年有扩产计划，{category}需求可能增加，需重点跟进。',
      '竞争对手近期在该客户报价比我们低约5%，需评估是否调整价格策略。',
      '客户最近付款拖延，已有{n}笔款项逾期，建议控制发货额度。',
      '客户采购部负责人更换，新负责人为{contact}，需尽快建立联系。',
      '客户集团总部统一采购，后续需对接集团采购中心。',
    ],
  },
};

/** Outcomes of an activity that had one. */
export const OUTCOMES = [
  '客户同意下周安排技术交流',
  '已报价，等待客户反馈',
  '客户要求调整价格后再议',
  '确认需求，准备合同',
  '客户暂无采购计划，三个月后再跟进',
  '已签订合同',
  '客户将与竞争对手比价',
  '问题已解决，客户满意',
  '需技术部配合出方案',
  '客户要求提供样品试用',
  '付款已承诺，月底前到账',
  '未联系上，改日再跟进',
] as const;
