import { z } from 'zod';
import { safeUrlField, slugField, textField } from './fields.js';

/** An image with its intrinsic size, so the page reserves its box before it loads (no layout shift). */
const imageSchema = z.strictObject({
  src: safeUrlField,
  alt: textField(120),
  width: z.int().min(1).max(4096).optional(),
  height: z.int().min(1).max(4096).optional(),
});

/** First screen: theme, the bait and the early call to action. */
export const hookSchema = z.strictObject({
  title: textField(40),
  subtitle: textField(80).optional(),
  image: imageSchema.optional(),
  ctaLabel: textField(16).optional(),
});

/** Why a visitor should believe it: certifications, experts, testimonials. Live counts come from the engine. */
export const proofSchema = z.strictObject({
  certifications: z
    .array(z.strictObject({ name: textField(40), issuer: textField(40), image: imageSchema.optional() }))
    .max(6)
    .default([]),
  experts: z
    .array(z.strictObject({ name: textField(20), title: textField(40), quote: textField(140) }))
    .max(4)
    .default([]),
  testimonials: z
    .array(
      z.strictObject({
        author: textField(20),
        text: textField(140),
        rating: z.int().min(1).max(5).optional(),
      }),
    )
    .max(6)
    .default([]),
});

/** The closing ask: lead capture, follow, share. */
export const ctaSchema = z.strictObject({
  headline: textField(40),
  leadForm: z
    .strictObject({
      enabled: z.boolean().default(true),
      /**
       * What the phone number is for — the one use the lead itself needs, e.g. "通知活动结果并联系领奖". Shown in
       * the notice; further uses need their own consent.
       */
      purpose: textField(60),
      /**
       * Further uses, each an optional, unticked box of its own (PIPL Art 14, 16: no bundled consent, and
       * declining never blocks taking part), e.g. { id: "marketing-sms", label: "同意接收新品与优惠短信" }.
       */
      consents: z
        .array(z.strictObject({ id: slugField, label: textField(60) }))
        .max(4)
        .default([]),
    })
    .optional(),
  followQr: imageSchema.optional(),
  /** The share card (WeChat's title and description): linted like every other copy field; see `shareCard`. */
  shareTitle: textField(40).optional(),
  shareDesc: textField(80).optional(),
});

/** The landing page's marketer-written content. Rendering escapes every string. */
export const pageContentSchema = z.strictObject({
  brandColor: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, { error: 'must be a hex colour like "#e4393c"' })
    .default('#e4393c'),
  hook: hookSchema,
  proof: proofSchema.default({ certifications: [], experts: [], testimonials: [] }),
  cta: ctaSchema,
});

export type PageContent = z.output<typeof pageContentSchema>;
