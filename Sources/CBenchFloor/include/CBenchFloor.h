#ifndef GONGWEN_CBENCHFLOOR_H
#define GONGWEN_CBENCHFLOOR_H

/*
 * The benchmark's floor: a small C program that writes, with libxlsxwriter alone, the same
 * filled key-project-2020 sheet that Gongwen's XlsxWriter writes (same cells, merges,
 * formats, row heights, data validations, protection and page setup). Timing it beside
 * our path shows what our Swift layers cost on top of the library doing the same work.
 */

/* The number of fields of key-project-2020, and their keys in the order `values` takes them. */
#define BENCH_FLOOR_FIELD_COUNT 15
extern const char *const bench_floor_keys[BENCH_FLOOR_FIELD_COUNT];

/*
 * Writes the sheet to `path`. `values[i]` is the text of field `bench_floor_keys[i]`
 * (participants as decimal digits), or NULL for a blank field. Returns 0 (LXW_NO_ERROR)
 * or libxlsxwriter's error code.
 */
int bench_floor_write_key_project(const char *path, const char *const values[BENCH_FLOOR_FIELD_COUNT]);

#endif
