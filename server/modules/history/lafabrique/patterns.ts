// Regex fragments shared by the normalisation and the article ordering, kept in one place so
// that both reproduce La Fabrique's Python patterns with the same character classes.

/** Python's `\s` for str patterns (characters for which `str.isspace()` is true), to use inside `[...]`. */
export const PY_SPACE = '\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';

/** Latin multiplicative adverbs 1..99 ('bis', 'ter', 'quater', … 'duodetricies'…) as La Fabrique matches them. */
export const BISTER =
  '((?:un|duo|ter|quater|quin|sex?|sept|octo|novo|unde?|duode)?' +
  '(?:dec|v[ie]c|tr[ie]c|quadrag|quinquag|sexag|septuag|octog|nonag)' +
  'ies|semel|bis|ter|quater|(?:quinqu|sex|sept|oct|no[nv])ies)';
