#ifndef GONGWEN_CFRISO_SHIM_H
#define GONGWEN_CFRISO_SHIM_H
#include <friso.h>

/* friso_free_config is a macro (FRISO_FREE), which Swift cannot call. */
static inline void gongwen_friso_free_config(friso_config_t config) { friso_free_config(config); }

#endif
