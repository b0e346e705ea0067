import { z } from 'zod';
import { plainText } from '../../../common/domain/plain-text';
import { inputErrors, type Parsed } from '../../../common/domain/input-errors';

/**
 * A delivery of the Facebook page webhook (`feed` field), read into the posts and comments that
 * are reports: written by someone other than the page, new (`verb: add`), carrying the hashtag.
 * Texts are made plain text first, so an invisible character cannot hide the hashtag or the words.
 */

export interface FacebookPost {
  /** The comment's id for a comment, the post's for a post: redelivered, it is the same. Answers go under it. */
  readonly id: string;
  readonly kind: 'post' | 'comment';
  readonly authorId: string;
  readonly authorName: string | null;
  readonly text: string;
  /** The photo of a photo post (`item: photo`), fetched through the Graph API. */
  readonly photoId: string | null;
}

export interface FacebookDelivery {
  readonly posts: readonly FacebookPost[];
  /** Likes, edits, the page's own posts, posts without the hashtag: nothing to do. */
  readonly ignored: number;
}

const POST_ITEMS = new Set(['status', 'post', 'photo', 'video', 'share']);

/** Meta's ids are printable ASCII; anything else (a NUL, a space) is not one of theirs. */
const idText = z
  .string()
  .trim()
  .regex(/^[\x21-\x7E]{1,255}$/);

const feedValue = z.looseObject({
  item: z.string().max(40),
  verb: z.string().max(40),
  post_id: idText.optional(),
  comment_id: idText.optional(),
  photo_id: idText.optional(),
  from: z.looseObject({ id: idText, name: z.string().max(200).optional() }).optional(),
  message: z.string().max(63206).optional(),
});

const delivery = z.looseObject({
  object: z.literal('page'),
  entry: z.array(
    z.looseObject({
      id: idText,
      changes: z.array(z.looseObject({ field: z.string(), value: z.unknown() })).optional(),
    }),
  ),
});

/** `#SegnalaloABiella` as configured, with its `#`. */
export function normaliseHashtag(hashtag: string): string {
  const tag = hashtag.trim().replace(/^#+/, '');
  return tag ? `#${tag}` : '';
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The hashtag as a whole word, in any case: `#segnalaloabiella!` counts, `#segnalaloabiellaNord` does not. */
export function hasHashtag(text: string, hashtag: string): boolean {
  const tag = normaliseHashtag(hashtag);
  if (!tag) return false;
  return new RegExp(`(^|[^\\p{L}\\p{N}_#])${escapeRegExp(tag)}(?![\\p{L}\\p{N}_])`, 'iu').test(text);
}

export function parseFacebookDelivery(raw: unknown, { pageId, hashtag }: { pageId: string; hashtag: string }): Parsed<FacebookDelivery> {
  const parsed = delivery.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: inputErrors(parsed.error) };

  const posts: FacebookPost[] = [];
  let ignored = 0;
  for (const entry of parsed.data.entry) {
    for (const change of entry.changes ?? []) {
      if (change.field !== 'feed' || entry.id !== pageId) {
        ignored += 1;
        continue;
      }
      const value = feedValue.safeParse(change.value);
      if (!value.success) return { ok: false, errors: inputErrors(value.error, 'feed') };
      const post = toPost(value.data, pageId, hashtag);
      if (post) posts.push(post);
      else ignored += 1;
    }
  }
  return { ok: true, value: { posts, ignored } };
}

function toPost(value: z.infer<typeof feedValue>, pageId: string, hashtag: string): FacebookPost | null {
  const kind = value.item === 'comment' ? 'comment' : POST_ITEMS.has(value.item) ? 'post' : null;
  const id = kind === 'comment' ? value.comment_id : value.post_id;
  const text = plainText(value.message ?? '', 'lines');
  if (!kind || !id || value.verb !== 'add' || !value.from || value.from.id === pageId || !hasHashtag(text, hashtag)) return null;
  const photoId = kind === 'post' && value.item === 'photo' ? (value.photo_id ?? null) : null;
  return { id, kind, authorId: value.from.id, authorName: plainText(value.from.name ?? '', 'line') || null, text, photoId };
}
