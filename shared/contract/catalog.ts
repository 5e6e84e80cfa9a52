import { z } from 'zod';
import { Id, Money, Timestamp } from './common.js';

export const Sku = z
  .string()
  .trim()
  .min(1, 'sku is required')
  .max(64, 'sku is longer than 64 characters')
  .regex(/^[\w.\-/#]+$/, 'sku may hold letters, digits and . - _ / # only');

const Name = z.string().trim().min(1, 'name is required').max(200, 'name is longer than 200 characters');
const ImageUrl = z
  .string()
  .trim()
  .max(2000)
  .regex(/^(https?:\/\/|data:image\/)/, 'image_url must start with http://, https:// or data:image/');
const TalkingPoints = z.array(z.string().trim().min(1).max(500)).max(30);

export const Product = z.object({
  id: Id,
  sku: z.string(),
  name: z.string(),
  price: Money,
  promoPrice: Money.nullable(),
  stock: z.number().int().nonnegative(),
  imageUrl: z.string().nullable(),
  talkingPoints: z.array(z.string()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Product = z.infer<typeof Product>;

const ProductFields = z.object({
  sku: Sku,
  name: Name,
  price: Money,
  promoPrice: Money.nullable(),
  stock: z.number().int().min(0).max(10_000_000),
  imageUrl: ImageUrl.nullable(),
  talkingPoints: TalkingPoints,
});

export const ProductInput = ProductFields.extend({
  promoPrice: Money.nullable().default(null),
  stock: ProductFields.shape.stock.default(0),
  imageUrl: ImageUrl.nullable().default(null),
  talkingPoints: TalkingPoints.default([]),
});
export type ProductInput = z.input<typeof ProductInput>;

export const ProductPatch = ProductFields.partial().refine((p) => Object.keys(p).length > 0, 'patch is empty');
export type ProductPatch = z.infer<typeof ProductPatch>;

export const ImportRowError = z.object({
  line: z.number().int().positive(),
  sku: z.string().nullable(),
  errors: z.array(z.string()).min(1),
});
export type ImportRowError = z.infer<typeof ImportRowError>;

export const ImportReport = z.object({
  created: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  rejected: z.array(ImportRowError),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const catalogCommands = {
  /** Products whose name or SKU contains the query (all when empty), sorted by name. */
  'catalog.list': {
    input: z.object({ query: z.string().max(200).optional() }).default({}),
    output: z.array(Product),
  },
  'catalog.get': { input: z.object({ id: Id }), output: Product },
  'catalog.create': { input: ProductInput, output: Product },
  'catalog.update': { input: z.object({ id: Id, patch: ProductPatch }), output: Product },
  'catalog.delete': { input: z.object({ id: Id }), output: z.object({ id: Id }) },
  /** CSV with columns sku,name,price,promo_price,stock,image_url,talking_points; good rows import, bad rows are reported. */
  'catalog.importCsv': {
    input: z.object({
      text: z.string().max(5_000_000, 'CSV file is larger than 5 MB'),
      currency: z.string().regex(/^[A-Z]{3}$/).optional(),
    }),
    output: ImportReport,
  },
} as const;

export const catalogEvents = {
  /** The catalog changed; listeners re-query what they show. */
  'catalog.changed': z.object({ ids: z.array(Id), reason: z.enum(['created', 'updated', 'deleted', 'imported']) }),
} as const;
