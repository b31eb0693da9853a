/** The journey templates offered in the new-board form, in the order shown (descriptions in catalog.ts). */
export const TEMPLATE_IDS = ['blank', 'b2b-service', 'online-shop', 'local-business', 'subscription'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];
