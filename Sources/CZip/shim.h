#ifndef GONGWEN_CZIP_SHIM_H
#define GONGWEN_CZIP_SHIM_H
#include <zip.h>
#endif
