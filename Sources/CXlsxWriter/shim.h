#ifndef GONGWEN_CXLSXWRITER_SHIM_H
#define GONGWEN_CXLSXWRITER_SHIM_H
#include <xlsxwriter.h>
#endif
