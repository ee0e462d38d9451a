#ifndef GONGWEN_CICU_H
#define GONGWEN_CICU_H
#include <stdint.h>

/* ICU's break iterators behind plain C types: ICU's own headers stay inside boundaries.c,
   because their types (UErrorCode, UBreakIterator…) would clash in Swift with the copies
   Foundation's private ICU declares. */

enum { GONGWEN_ICU_WORDS = 0, GONGWEN_ICU_LINES = 1 };

/* Writes the boundaries of `kind` in the UTF-16 `text` (offsets in UTF-16 units, 0 and
   `length` included) to `out`, which has room for `length + 1`. Returns how many it wrote,
   or -1 when ICU could not open an iterator. */
int32_t gongwen_icu_boundaries(int32_t kind, const uint16_t *text, int32_t length, int32_t *out);

#endif
