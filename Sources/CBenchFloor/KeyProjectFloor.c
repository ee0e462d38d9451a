#include <unistd.h>
#include <stdlib.h>
#include "CBenchFloor.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <xlsxwriter.h>

/*
 * Written the way a C programmer would write this one form by hand: the layout is constant
 * data, and only the values come in. Everything our writer derives from the template (row
 * heights grown to fit the text, validation messages) is derived here too, with the same
 * rules, so that both sides do the same work and write the same sheet1.xml.
 */

const char *const bench_floor_keys[BENCH_FLOOR_FIELD_COUNT] = {
    "projectName", "organizer", "supervisor", "venue", "period", "leader", "contact", "address",
    "postcode", "phone", "fax", "email", "budget", "participants", "summary",
};

typedef enum { TEXT, MULTILINE, PHONE, POSTCODE, EMAIL, COUNT } field_kind;

/* One field: its label cell at column `column - 1`, its value cell from `column` to `last_column`. */
typedef struct {
    const char *label;      /* the field's label, used in the validation messages */
    const char *label_text; /* the text of the label cell */
    field_kind kind;
    int max_length;
    bool required;
    const char *hint;
    int row; /* table row, 0-based */
    int column;
    int last_column;
} floor_field;

static const floor_field fields[BENCH_FLOOR_FIELD_COUNT] = {
    {"项目名称", "项目名称", TEXT, 100, true, NULL, 0, 1, 3},
    {"主办单位", "主办单位", TEXT, 100, false, NULL, 1, 1, 1},
    {"主管部门", "主管部门", TEXT, 100, false, NULL, 1, 3, 3},
    {"举办地点", "举办地点", TEXT, 200, false, NULL, 2, 1, 1},
    {"举办时间", "举办时间", TEXT, 100, false, NULL, 2, 3, 3},
    {"项目负责人", "项目负责人", TEXT, 50, false, NULL, 3, 1, 1},
    {"联系人", "联系人", TEXT, 50, false, NULL, 3, 3, 3},
    {"地址", "地址", TEXT, 200, false, NULL, 4, 1, 1},
    {"邮政编码", "邮政编码", POSTCODE, 0, false, NULL, 4, 3, 3},
    {"联系电话", "联系电话", PHONE, 100, false, NULL, 5, 1, 1},
    {"传真", "传真", PHONE, 100, false, NULL, 5, 3, 3},
    {"电子邮箱", "电子邮箱", EMAIL, 0, false, NULL, 6, 1, 1},
    {"投入经费", "投入经费", TEXT, 50, false, NULL, 6, 3, 3},
    {"拟参加人数", "拟参加人数", COUNT, 0, false, NULL, 7, 1, 3},
    {"项目简介", "项目简介（500字内）", MULTILINE, 500, false, "（主要活动内容、方式、参加人员、宣传方式）", 8, 1, 3},
};

enum { TABLE_TOP = 1, TABLE_ROWS = 9, LAST_COLUMN = 3, FONT_SIZE = 12, TITLE_SIZE = 18 };
static const double column_widths[4] = {14, 26, 14, 26};
static const double template_heights[TABLE_ROWS] = {36, 36, 36, 36, 36, 36, 36, 36, 320};
static const char *const title = "2020 年科技活动周重点项目（活动）备案表";

/* Decodes one UTF-8 code point at *s and advances past it. */
static unsigned next_scalar(const unsigned char **s) {
    const unsigned char *p = *s;
    unsigned c = *p++;
    int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    c &= extra == 3 ? 0x07 : extra == 2 ? 0x0F : extra == 1 ? 0x1F : 0x7F;
    while (extra-- > 0 && (*p & 0xC0) == 0x80) c = (c << 6) | (*p++ & 0x3F);
    *s = p;
    return c;
}

/* The row height that shows every line of `text`: the same rule as Gongwen's TextMetrics. */
static double text_height(const char *text, double column_width, double size, bool stacked) {
    const unsigned char *s = (const unsigned char *)text;
    int lines = 0;
    if (stacked) {
        while (*s) { next_scalar(&s); lines++; }
    } else {
        double usable = column_width - 1 < 1 ? 1 : column_width - 1;
        double units = 0;
        for (;;) { /* each line, a trailing empty one included, takes at least one line */
            if (*s == '\0' || *s == '\n') {
                int n = (int)ceil(units * size / 11 / usable);
                lines += n < 1 ? 1 : n;
                units = 0;
                if (*s++ == '\0') break;
                continue;
            }
            units += next_scalar(&s) >= 0x2E80 ? 2 : 1;
        }
    }
    return lines * size * 1.3 + 8;
}

static lxw_format *add_format(lxw_workbook *wb, const char *font, double size, uint8_t align, uint8_t valign,
                              bool bordered, bool locked) {
    lxw_format *f = workbook_add_format(wb);
    format_set_font_name(f, font);
    format_set_font_size(f, size);
    format_set_align(f, align);
    format_set_align(f, valign);
    format_set_text_wrap(f);
    if (bordered) format_set_border(f, LXW_BORDER_THIN);
    if (!locked) format_set_unlocked(f);
    return f;
}

/* The field's Excel data validation, with the same prompt and error messages as ours. */
static lxw_error add_validation(lxw_worksheet *ws, const floor_field *field) {
    char anchor[16], rule[128], formula[160], prompt[512], error[512], error_title[128];
    lxw_row_t row = TABLE_TOP + field->row;
    lxw_rowcol_to_cell(anchor, row, field->column);
    lxw_data_validation v = {0};
    v.ignore_blank = LXW_VALIDATION_ON;
    v.show_input = LXW_VALIDATION_ON;
    v.show_error = LXW_VALIDATION_ON;
    v.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
    switch (field->kind) {
    case COUNT:
        v.validate = LXW_VALIDATION_TYPE_INTEGER;
        v.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
        snprintf(rule, sizeof rule, "请填写不小于 0 的整数。");
        break;
    case POSTCODE:
        v.validate = LXW_VALIDATION_TYPE_CUSTOM_FORMULA;
        snprintf(formula, sizeof formula, "=AND(LEN(%s)=6,ISNUMBER(--%s))", anchor, anchor);
        v.value_formula = formula;
        snprintf(rule, sizeof rule, "邮政编码应为 6 位数字。");
        break;
    case EMAIL:
        v.validate = LXW_VALIDATION_TYPE_CUSTOM_FORMULA;
        snprintf(formula, sizeof formula, "=AND(ISNUMBER(FIND(\"@\",%s)),ISNUMBER(FIND(\".\",%s)))", anchor, anchor);
        v.value_formula = formula;
        snprintf(rule, sizeof rule, "请填写正确的电子邮箱，如 name@example.com。");
        break;
    default:
        v.validate = LXW_VALIDATION_TYPE_LENGTH;
        v.criteria = LXW_VALIDATION_CRITERIA_LESS_THAN_OR_EQUAL_TO;
        v.value_number = field->max_length;
        v.minimum_number = field->max_length;
        snprintf(rule, sizeof rule, "不超过 %d 字。", field->max_length);
    }
    snprintf(prompt, sizeof prompt, "%s%s%s%s", field->required ? "必填。" : "", rule,
             field->hint ? "\n" : "", field->hint ? field->hint : "");
    snprintf(error, sizeof error, "%s：%s", field->label, rule);
    snprintf(error_title, sizeof error_title, "填写有误：%s", field->label);
    v.input_title = (char *)field->label;
    v.input_message = prompt;
    v.error_title = error_title;
    v.error_message = error;
    return worksheet_data_validation_range(ws, row, field->column, row, field->last_column, &v);
}

#define CHECK(expr) do { err = (expr); if (err != LXW_NO_ERROR) goto fail; } while (0)

int bench_floor_write_key_project(const char *path, const char *const values[BENCH_FLOOR_FIELD_COUNT]) {
    lxw_error err = LXW_NO_ERROR;
    /* The same scratch folder as Gongwen's writer (memory where /dev/shm exists), so the
       floor is libxlsxwriter at its best on this machine, not slowed by disk. */
    lxw_workbook_options options = {0};
    const char *scratch = getenv("GONGWEN_XLSX_TMPDIR");
    if (scratch == NULL || *scratch == '\0') scratch = access("/dev/shm", W_OK | X_OK) == 0 ? "/dev/shm" : NULL;
    options.tmpdir = (char *)scratch;
    lxw_workbook *wb = workbook_new_opt(path, &options);
    if (!wb) return LXW_ERROR_CREATING_TMPFILE;
    lxw_doc_properties properties = {.title = (char *)title, .subject = "key-project-2020", .author = "Gongwen"};
    CHECK(workbook_set_properties(wb, &properties));
    lxw_worksheet *ws = workbook_add_worksheet(wb, "2020年科技活动周重点项目（活动）备案表");
    if (!ws) { err = LXW_ERROR_MEMORY_MALLOC_FAILED; goto fail; }

    lxw_format *title_format = add_format(wb, "方正小标宋简体", TITLE_SIZE, LXW_ALIGN_CENTER, LXW_ALIGN_VERTICAL_CENTER, false, true);
    lxw_format *label = add_format(wb, "仿宋_GB2312", FONT_SIZE, LXW_ALIGN_CENTER, LXW_ALIGN_VERTICAL_CENTER, true, true);
    lxw_format *stacked = add_format(wb, "仿宋_GB2312", FONT_SIZE, LXW_ALIGN_CENTER, LXW_ALIGN_VERTICAL_CENTER, true, true);
    format_set_rotation(stacked, 270);
    lxw_format *input = add_format(wb, "仿宋_GB2312", FONT_SIZE, LXW_ALIGN_CENTER, LXW_ALIGN_VERTICAL_CENTER, true, false);
    lxw_format *digits = add_format(wb, "仿宋_GB2312", FONT_SIZE, LXW_ALIGN_CENTER, LXW_ALIGN_VERTICAL_CENTER, true, false);
    format_set_num_format(digits, "@");
    lxw_format *count = add_format(wb, "仿宋_GB2312", FONT_SIZE, LXW_ALIGN_LEFT, LXW_ALIGN_VERTICAL_CENTER, true, false);
    format_set_num_format(count, "0");
    lxw_format *multiline = add_format(wb, "仿宋_GB2312", FONT_SIZE, LXW_ALIGN_LEFT, LXW_ALIGN_VERTICAL_TOP, true, false);

    for (int c = 0; c <= LAST_COLUMN; c++) CHECK(worksheet_set_column(ws, c, c, column_widths[c], NULL));
    CHECK(worksheet_set_row(ws, 0, TITLE_SIZE * 2.4, NULL));
    CHECK(worksheet_merge_range(ws, 0, 0, 0, LAST_COLUMN, title, title_format));

    /* Row heights: the template's, grown where a label or value needs more lines. */
    double heights[TABLE_ROWS];
    for (int r = 0; r < TABLE_ROWS; r++) heights[r] = template_heights[r];
    for (int i = 0; i < BENCH_FLOOR_FIELD_COUNT; i++) {
        const floor_field *f = &fields[i];
        const char *text = values[i] ? values[i] : f->hint ? f->hint : "";
        double width = 0;
        for (int c = f->column; c <= f->last_column; c++) width += column_widths[c];
        double needed = text_height(text, width, FONT_SIZE, false);
        double label_needed = text_height(f->label_text, column_widths[f->column - 1], FONT_SIZE, f->kind == MULTILINE);
        if (label_needed > needed) needed = label_needed;
        if (needed > heights[f->row]) heights[f->row] = needed;
    }
    for (int r = 0; r < TABLE_ROWS; r++) CHECK(worksheet_set_row(ws, TABLE_TOP + r, heights[r], NULL));

    for (int i = 0; i < BENCH_FLOOR_FIELD_COUNT; i++) {
        const floor_field *f = &fields[i];
        lxw_row_t row = TABLE_TOP + f->row;
        CHECK(worksheet_write_string(ws, row, f->column - 1, f->label_text, f->kind == MULTILINE ? stacked : label));
        lxw_format *format = f->kind == COUNT ? count : f->kind == MULTILINE ? multiline
                           : (f->kind == PHONE || f->kind == POSTCODE) ? digits : input;
        const char *text = values[i] ? values[i] : f->hint ? f->hint : NULL;
        if (f->last_column > f->column) {
            CHECK(worksheet_merge_range(ws, row, f->column, row, f->last_column, "", format));
        }
        if (f->kind == COUNT && values[i]) {
            CHECK(worksheet_write_number(ws, row, f->column, strtod(values[i], NULL), format));
        } else if (text) {
            CHECK(worksheet_write_string(ws, row, f->column, text, format));
        } else {
            CHECK(worksheet_write_blank(ws, row, f->column, format));
        }
    }
    for (int i = 0; i < BENCH_FLOOR_FIELD_COUNT; i++) CHECK(add_validation(ws, &fields[i]));

    worksheet_set_paper(ws, 9);
    worksheet_set_portrait(ws);
    worksheet_set_margins(ws, 20 / 25.4, 20 / 25.4, 25 / 25.4, 20 / 25.4);
    worksheet_center_horizontally(ws);
    worksheet_fit_to_pages(ws, 1, 0);
    CHECK(worksheet_print_area(ws, 0, 0, TABLE_TOP + TABLE_ROWS - 1, LAST_COLUMN));
    CHECK(worksheet_set_footer(ws, "&C第 &P 页，共 &N 页"));
    lxw_protection protection = {.format_columns = 1, .format_rows = 1};
    worksheet_protect(ws, NULL, &protection);
    return workbook_close(wb);

fail:
    lxw_workbook_free(wb);
    return err;
}
