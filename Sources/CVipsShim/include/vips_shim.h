#ifndef GONGSHI_VIPS_SHIM_H
#define GONGSHI_VIPS_SHIM_H
// gongshi's narrow, non-variadic door to libvips (libvips' own API passes options as variadic arguments, which
// Swift cannot call). Swift sees only this header, never glib's.
#include <stddef.h>

/// Starts libvips once per process; 0 on success. Also sets libvips' own safety: one worker thread per image (gongshi
/// runs images in parallel itself), a small operation cache, untrusted loaders blocked, and every loader blocked but
/// JPEG, PNG, WebP and HEIF, so no image call can ever read an SVG, a PDF or anything else.
int gongshi_vips_init(void);
/// The libvips version, such as "8.14.1".
const char *gongshi_vips_version(void);

/// What a source's bytes are; the loader used is the one for this type only.
enum gongshi_vips_type {
    GONGSHI_VIPS_JPEG = 1,
    GONGSHI_VIPS_PNG = 2,
    GONGSHI_VIPS_WEBP = 3,
    GONGSHI_VIPS_HEIF = 4,
};

/// A source's header, read without decoding its pixels.
typedef struct {
    int width;
    int height;
    /// More than 1 for an animation (WebP) or a multi-page file.
    int pages;
    /// EXIF orientation 1–8 (1 when absent).
    int orientation;
} gongshi_vips_header;

/// Reads the header with the loader of `type` only; 0 on success, else -1 (see `gongshi_vips_error`).
int gongshi_vips_probe(const void *buffer, size_t length, int type, gongshi_vips_header *header);

/// Decodes the whole source (failing on truncated or corrupt data), applies its EXIF orientation, converts it to sRGB,
/// flattens transparency onto white, shrinks it to `width` (never enlarging it) and encodes it as a JPEG of `quality`
/// with every metadata stripped. With `square`, crops the centre to a `width` × `width` square instead and encodes a
/// PNG (the favicon). The encoded bytes are in `*output` (free with `gongshi_vips_free`), their size in `*output_length`;
/// 0 on success, else -1.
int gongshi_vips_resize(
    const void *buffer, size_t length, int width, int quality, int square, void **output, size_t *output_length,
    int *output_width, int *output_height);

/// Frees bytes returned by `gongshi_vips_resize`.
void gongshi_vips_free(void *pointer);

/// libvips' error text since the last call (a copy to free with `gongshi_vips_free`), and clears it.
char *gongshi_vips_error(void);

#endif
