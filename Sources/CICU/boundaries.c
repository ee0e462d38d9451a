#include "CICU.h"
#include <unicode/ubrk.h>

int32_t gongwen_icu_boundaries(int32_t kind, const uint16_t *text, int32_t length, int32_t *out) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *iterator = ubrk_open(kind == GONGWEN_ICU_LINES ? UBRK_LINE : UBRK_WORD, "zh",
                                         (const UChar *)text, length, &status);
    if (U_FAILURE(status) || iterator == NULL) {
        if (iterator != NULL) ubrk_close(iterator);
        return -1;
    }
    int32_t count = 0;
    for (int32_t p = ubrk_first(iterator); p != UBRK_DONE && count <= length; p = ubrk_next(iterator)) {
        out[count++] = p;
    }
    ubrk_close(iterator);
    return count;
}
