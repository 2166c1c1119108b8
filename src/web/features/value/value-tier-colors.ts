/** Tag colours of the tiers and classes (antd preset names), shared by the lists and the 360 card. */
export const TIER_COLORS = { MVC: 'blue', STC: 'green', BZ: 'red' } as const;
export const ABC_TAG_COLORS = { A: 'geekblue', B: 'purple', C: 'default' } as const;
