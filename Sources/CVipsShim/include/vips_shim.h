#ifndef GONGSHI_VIPS_SHIM_H
#define GONGSHI_VIPS_SHIM_H
// gongshi's narrow, non-variadic door to libvips (libvips' own API passes options as variadic arguments, which
// Swift cannot call). Swift sees only this header, never glib's.
#include <stddef.h>

/// Starts libvips once per process; 0 on success.
int gongshi_vips_init(void);
/// The libvips version, such as "8.14.1".
const char *gongshi_vips_version(void);

#endif
